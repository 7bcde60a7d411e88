"""A learner's pages draw their HTML with st.html, never markdown that allows HTML:
Streamlit loads its HTML-in-markdown parser (rehype-raw, 56 KB on the wire) in the phone
only for such markdown (ui/browser/page.css keeps the spacing the same)."""

from streamlit.testing.v1 import AppTest

from tests.ui.flows import learner_signs_in


def html_markdown(at: AppTest) -> list[str]:
    """Markdown on the page that allows HTML: each would make a phone fetch rehype-raw."""
    return [m.value for m in at.markdown if m.allow_html]


def test_sign_in_lesson_quiz_and_feedback_use_no_html_markdown(new_app, app_env):
    at = new_app()
    at.run()
    seen = html_markdown(at)  # the group buttons
    at = learner_signs_in(at, app_env, consent=False)
    seen += html_markdown(at)  # the consent screen
    assert any("step-text" in h.value for h in at.html)  # its text is there, in st.html
    at.button(key="consent_yes").click().run()
    seen += html_markdown(at)  # home
    at.button(key="lesson_bai-mau").click().run()
    for _ in range(4):  # every step of the lesson
        seen += html_markdown(at)
        at.button(key="next").click().run()
    at.button(key="to_quiz").click().run()
    seen += html_markdown(at)
    at.button(key="opt_q-mot_a").click().run()  # a wrong answer: the right one and why
    seen += html_markdown(at)
    assert any("Đáp án đúng" in h.value for h in at.html)
    assert seen == []
