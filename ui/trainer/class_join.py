"""The join panel: a big QR code that opens the class on a phone, and the 4-digit join
number, large and said digit by digit through the laptop's speakers."""

from __future__ import annotations

import html

import streamlit as st

from access.class_links import CLASS_PAGE, class_join_url
from lessons.fields import number_word
from progress.classes.state import ClassState
from ui.narration_widget import narrate
from ui.trainer.phone_address import phone_address, qr_svg


def spoken_join_number(code: str) -> str:
    """"Số vào lớp: bốn, tám, một, năm." — one digit at a time, easy to tap along."""
    return "Số vào lớp: " + ", ".join(number_word(int(digit)) for digit in code) + "."


def show_join(state: ClassState) -> None:
    address = phone_address()
    with st.container(key="present_join"):
        code, words = st.columns([1, 1], gap="large", vertical_alignment="center")
        with code:
            if address.phone_base:
                link = class_join_url(address.phone_base, state.class_id, state.join_code)
                st.markdown(f"<div class='class-qr'>{qr_svg(link, box_size=10)}</div>", unsafe_allow_html=True)
            else:
                st.warning("Máy tính này chưa vào mạng nào nên điện thoại chưa vào lớp được. Hãy bật điểm phát "
                           "sóng (hotspot) hoặc Wi-Fi của máy, rồi mở lại trang này.")
        with words:
            st.markdown(f"<p class='present-lesson'>{html.escape(state.group_name)}"
                        f"{' · ' + html.escape(state.place) if state.place else ''}</p>", unsafe_allow_html=True)
            st.markdown("<p class='join-title'>Số vào lớp</p>"
                        f"<p class='join-number'>{' '.join(state.join_code)}</p>", unsafe_allow_html=True)
            narrate(spoken_join_number(state.join_code), "join_number")
            steps = ["Điện thoại vào Wi-Fi của lớp.", "Mở máy ảnh hoặc Zalo, quét mã QR."]
            if address.phone_base:
                steps.append(f"Hoặc mở {address.phone_base}/{CLASS_PAGE} rồi bấm số vào lớp.")
            st.markdown("<ol class='join-steps'>" + "".join(f"<li>{html.escape(s)}</li>" for s in steps)
                        + "</ol>", unsafe_allow_html=True)
            if address.on_this_computer_only and address.phone_base:
                st.caption(f"Trang này mở bằng địa chỉ của riêng máy tính; mã QR dùng địa chỉ Wi-Fi "
                           f"{address.phone_base} cho điện thoại.")
