"""A practice step's schema: where its targets are drawn, and what the voice says about them."""

import pytest
from pydantic import ValidationError

from lessons.models import Practice, PracticeTarget, Step


def practice(*labels: str, area=None) -> Practice:  # type: ignore[no-untyped-def]
    targets = [PracticeTarget(id=f"t{n}", label=label, correct=n == 1, hint="" if n == 1 else "Tìm nút khác.",
                              area=area if n == 1 else None)
               for n, label in enumerate(labels, start=1)]
    return Practice(targets=tuple(targets), success="Đúng rồi.")


def test_the_choices_are_spoken_with_the_numbers_the_buttons_show():
    spoken = practice("Tin được", "Cần kiểm tra", "Tin giả").spoken_choices()
    assert spoken == "Chọn một trong ba nút. Nút một: Tin được. Nút hai: Cần kiểm tra. Nút ba: Tin giả."
    assert practice("Đăng nhập?", "Đăng ký").spoken_choices().endswith("Nút một: Đăng nhập? Nút hai: Đăng ký.")


def test_one_listen_reads_the_step_its_tip_and_then_the_choices():
    step = Step(id="s", text="Bác bấm vào đâu?", tip="Nhìn kỹ.", image="images/a/b.svg", alt="Màn hình.",
                practice=practice("Đăng nhập", "Đăng ký"))
    assert step.narrated == "Bác bấm vào đâu? Nhìn kỹ. Chọn một trong hai nút. Nút một: Đăng nhập. Nút hai: Đăng ký."
    assert Step(id="s", text="Không có nút.").narrated == "Không có nút."


def test_an_area_is_optional_and_kept_in_viewbox_units():
    assert practice("A", "B").targets[0].area is None
    assert practice("A", "B", area=[10, 20.5, 100, 40]).targets[0].area == (10, 20.5, 100, 40)


@pytest.mark.parametrize(("area", "message"), [
    ([10, 20, 0, 40], "width and height must be more than 0"),
    ([10, 20, 100, -1], "width and height must be more than 0"),
    ([-5, 20, 100, 40], "x and y are the top-left corner"),
    ([10, 20, 100], "must be four numbers [x, y, width, height]"),
    ("to", "must be four numbers [x, y, width, height]"),
    ([10, 20, "rộng", 40], "valid number"),
])
def test_a_bad_area_is_refused_in_plain_words(area, message):
    with pytest.raises(ValidationError) as error:
        practice("A", "B", area=area)
    assert message in str(error.value)


def test_an_area_needs_the_picture_it_points_into():
    with pytest.raises(ValidationError, match="add the image"):
        Step(id="s", text="Bấm.", practice=practice("A", "B", area=[0, 0, 10, 10]))
