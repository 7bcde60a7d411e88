"""Can the quizzes be passed without knowing anything? The figures of the curriculum
review's table 1, counted over the whole catalogue (``manage.py quiz-report``), and the
targets a fair catalogue meets (``tests/catalog/test_quiz_fairness.py`` holds the
shipped content to them).

Positions are counted in file order. The app also shows single, picture and
multiple-choice options turned round per learner (quizzes/option_order.py), so the
file order reaches no learner as it is; the figures keep the files honest too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from catalog.loading import Catalog
from quizzes.kinds.base import ChoiceQuestion, OneRightOption
from quizzes.kinds.multiple_choice import MultipleChoice
from quizzes.kinds.true_false import TrueFalse
from quizzes.speech import starts_with_verdict

# targets (the review's "a fair quiz" column)
MAX_LONGEST_RIGHT_SHARE = 0.25
MAX_SHORTEST_RIGHT_SHARE = 0.35  # about chance: a right option cut short is a giveaway too
TRUE_SHARE_RANGE = (0.40, 0.60)
MAX_POSITION_SHARE = 0.45  # no place holds the right option (or practice target) much more often than chance
MAX_ONE_PATTERN_SHARE = 0.40  # no "k right of n" pattern dominates the multiple-choice questions

# words that give a false statement away: "chắc chắn", "lúc nào cũng", …
ABSOLUTE_WORDS = ("chắc chắn", "lúc nào cũng", "luôn luôn", "bao giờ cũng", "tất cả mọi", "hoàn toàn",
                  "chỉ cần", "không bao giờ phải", "ai cũng", "mọi người đều")
# a wrong option of the "obvious scam" kind: a stranger, a link, a photo sent away
SCAM_SHAPED = re.compile(r"người lạ|đường link|bấm (vào )?link|gửi ảnh|chụp (ảnh )?(căn cước|thẻ)|mã OTP",
                         re.IGNORECASE)
SCAM_TOPIC = re.compile(r"lừa|giả|người lạ|link|OTP|kẻ gian|mạo danh", re.IGNORECASE)


@dataclass
class FairnessFigures:
    one_right: int = 0  # single and picture questions
    right_position: Counter[int] = field(default_factory=Counter)  # 1-based place in the file
    longest_right: int = 0  # the right option is the uniquely longest
    shortest_right: int = 0  # … the uniquely shortest
    true_false: int = 0
    answer_true: int = 0
    absolute_false: list[str] = field(default_factory=list)  # "lesson/question" of false items with such words
    multiple: int = 0
    multiple_patterns: Counter[str] = field(default_factory=Counter)  # "3 of 4"
    wrong_options: int = 0
    scam_shaped_elsewhere: list[str] = field(default_factory=list)  # scam-shaped wrong options outside scam questions
    verdict_starts: list[str] = field(default_factory=list)  # explanations that open with a verdict word
    practices: int = 0
    practice_right_position: Counter[int] = field(default_factory=Counter)

    @property
    def longest_right_share(self) -> float:
        return self.longest_right / self.one_right if self.one_right else 0.0

    @property
    def shortest_right_share(self) -> float:
        return self.shortest_right / self.one_right if self.one_right else 0.0

    @property
    def true_share(self) -> float:
        return self.answer_true / self.true_false if self.true_false else 0.0

    @property
    def top_position_share(self) -> float:
        return max(self.right_position.values(), default=0) / self.one_right if self.one_right else 0.0

    @property
    def top_pattern(self) -> tuple[str, int]:
        return self.multiple_patterns.most_common(1)[0] if self.multiple_patterns else ("—", 0)

    @property
    def top_practice_position_share(self) -> float:
        most = max(self.practice_right_position.values(), default=0)
        return most / self.practices if self.practices else 0.0


def _uniquely_longest_is_right(question: ChoiceQuestion, longest: bool = True) -> bool:
    """Whether the right option is the one longest (or, ``longest=False``, shortest) by itself."""
    lengths = sorted(((len(o.text), o.correct) for o in question.options), reverse=longest)
    return lengths[0][1] and (len(lengths) == 1 or lengths[0][0] != lengths[1][0])


def fairness_figures(catalog: Catalog) -> FairnessFigures:
    figures = FairnessFigures()
    for lesson_id, quiz in sorted(catalog.quizzes.items()):
        for question in quiz.questions:
            where = f"{lesson_id}/{question.id}"
            if isinstance(question, ChoiceQuestion):
                about_scams = bool(SCAM_TOPIC.search(question.prompt))
                for option in question.options:
                    if starts_with_verdict(option.explanation):
                        figures.verdict_starts.append(f"{where}/{option.id}")
                    if not option.correct:
                        figures.wrong_options += 1
                        if not about_scams and SCAM_SHAPED.search(option.text):
                            figures.scam_shaped_elsewhere.append(f"{where}/{option.id}")
            if isinstance(question, OneRightOption):
                figures.one_right += 1
                figures.right_position[next(i for i, o in enumerate(question.options, 1) if o.correct)] += 1
                figures.longest_right += _uniquely_longest_is_right(question)
                figures.shortest_right += _uniquely_longest_is_right(question, longest=False)
            elif isinstance(question, MultipleChoice):
                figures.multiple += 1
                right = sum(o.correct for o in question.options)
                figures.multiple_patterns[f"{right} of {len(question.options)}"] += 1
            elif isinstance(question, TrueFalse):
                figures.true_false += 1
                figures.answer_true += question.answer
                if starts_with_verdict(question.explanation):
                    figures.verdict_starts.append(where)
                if not question.answer and any(w in question.prompt.lower() for w in ABSOLUTE_WORDS):
                    figures.absolute_false.append(where)
    for lesson in catalog.lessons_in_order():
        for step in lesson.steps:
            if step.practice:
                figures.practices += 1
                first_right = next(i for i, t in enumerate(step.practice.targets, 1) if t.correct)
                figures.practice_right_position[first_right] += 1
    return figures


def fairness_problems(figures: FairnessFigures) -> list[str]:
    """What misses a target, in plain English (empty: the catalogue meets them all)."""
    problems = []
    if figures.top_position_share > MAX_POSITION_SHARE:
        problems.append(f"the right option is in one place in {figures.top_position_share:.0%} of single and "
                        f"picture questions (at most {MAX_POSITION_SHARE:.0%})")
    if figures.longest_right_share > MAX_LONGEST_RIGHT_SHARE:
        problems.append(f"the right option is the uniquely longest in {figures.longest_right_share:.0%} "
                        f"(at most {MAX_LONGEST_RIGHT_SHARE:.0%})")
    if figures.shortest_right_share > MAX_SHORTEST_RIGHT_SHARE:
        problems.append(f"the right option is the uniquely shortest in {figures.shortest_right_share:.0%} "
                        f"(at most {MAX_SHORTEST_RIGHT_SHARE:.0%})")
    low, high = TRUE_SHARE_RANGE
    if figures.true_false and not low <= figures.true_share <= high:
        problems.append(f"{figures.true_share:.0%} of true/false statements are true (keep {low:.0%}–{high:.0%})")
    if figures.absolute_false:
        problems.append(f"{len(figures.absolute_false)} false statements give themselves away with an absolute "
                        f"word: {', '.join(figures.absolute_false[:5])}")
    pattern, count = figures.top_pattern
    if figures.multiple and count / figures.multiple > MAX_ONE_PATTERN_SHARE:
        problems.append(f"{count} of {figures.multiple} multiple-choice questions are '{pattern}' "
                        f"(at most {MAX_ONE_PATTERN_SHARE:.0%} of one pattern)")
    if figures.verdict_starts:
        problems.append(f"{len(figures.verdict_starts)} explanations start with a verdict word: "
                        f"{', '.join(figures.verdict_starts[:5])}")
    if figures.top_practice_position_share > MAX_POSITION_SHARE:
        problems.append(f"the right practice button is in one place in {figures.top_practice_position_share:.0%} "
                        f"of practices (at most {MAX_POSITION_SHARE:.0%})")
    return problems


def _share(count: int, total: int) -> str:
    return f"{count} ({count / total:.0%})" if total else "0"


def fairness_report(figures: FairnessFigures) -> str:
    """The table printed by ``manage.py quiz-report``."""
    positions = ", ".join(f"option {place}: {_share(n, figures.one_right)}"
                          for place, n in sorted(figures.right_position.items()))
    practice = ", ".join(f"button {place}: {_share(n, figures.practices)}"
                         for place, n in sorted(figures.practice_right_position.items()))
    patterns = ", ".join(f"{pattern}: {n}" for pattern, n in figures.multiple_patterns.most_common())
    rows = [
        ("Right option's place in single and picture questions", f"{figures.one_right} questions; {positions}"),
        ("Right option is the uniquely longest", _share(figures.longest_right, figures.one_right)),
        ("Right option is the uniquely shortest", _share(figures.shortest_right, figures.one_right)),
        ("True/false answered 'Đúng'", f"{_share(figures.answer_true, figures.true_false)} "
                                       f"of {figures.true_false}"),
        ("False statements with an absolute word", str(len(figures.absolute_false))),
        ("Multiple choice (right of all)", f"{figures.multiple} questions; {patterns}"),
        ("Scam-shaped wrong options outside scam questions (heuristic)",
         f"{len(figures.scam_shaped_elsewhere)} of {figures.wrong_options} wrong options"),
        ("Explanations starting with a verdict word", str(len(figures.verdict_starts))),
        ("Right practice button's place", f"{figures.practices} practices; {practice}"),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)
