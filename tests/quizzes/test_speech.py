from catalog.loading import load_catalog
from tests.conftest import FIXTURE_CONTENT

SINGLE, TRUE_FALSE, MULTIPLE, IMAGE, ORDERING = load_catalog(
    FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes").quizzes["bai-mau"].questions


def test_every_choice_is_read_with_its_number():
    assert SINGLE.spoken() == "Có người hỏi mã OTP. Bác làm gì? Ý một: Đọc mã cho họ. Ý hai: Không đưa, gác máy."
    assert MULTIPLE.spoken().startswith("Dấu hiệu nào là lừa đảo? Chọn tất cả các ý đúng. Ý một: Đòi chuyển")
    assert IMAGE.spoken().endswith("Hình một: Màn hình đỏ. Hình hai: Màn hình xanh.")
    assert TRUE_FALSE.spoken().endswith("Đúng hay sai?")
    assert "việc làm trước bấm trước" in ORDERING.spoken()


def test_ordering_items_are_read_in_the_order_the_buttons_show_with_their_numbers():
    spoken = ORDERING.spoken()
    shown = ORDERING.shuffled_items()
    numbered = zip(("một", "hai", "ba"), shown, strict=True)
    positions = [spoken.index(f"Việc {word}: {item.text}") for word, item in numbered]
    assert positions == sorted(positions)
    assert [item.id for item in shown] != [item.id for item in ORDERING.items], "never shown in the answer's order"
