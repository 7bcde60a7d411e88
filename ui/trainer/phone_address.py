"""The address phones on the class Wi-Fi use to reach this app, and QR codes for it;
shared by the QR cards page and the class's join panel."""

from __future__ import annotations

import io
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
import streamlit as st

from access.lan_addresses import phone_urls
from ui import resources


@dataclass(frozen=True)
class PhoneAddress:
    page_base: str  # the server as this page was opened, e.g. http://localhost:8501
    phone_base: str  # the server as phones reach it; "" when no Wi-Fi address is known

    @property
    def on_this_computer_only(self) -> bool:
        """The page was opened as localhost: its own address means nothing to a phone."""
        return "localhost" in self.page_base or "127.0.0.1" in self.page_base


def qr_svg(url: str, box_size: int = 8) -> str:
    """A QR code as inline SVG (no file, no network)."""
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=box_size, border=2).save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]  # drop the XML prolog to inline it


def page_base_url() -> str:
    """The address the page was opened with (e.g. the laptop's hotspot address)."""
    url = st.context.url or ""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else ""


def _wifi_base(base: str) -> str:
    """The same server as seen from the class Wi-Fi: the laptop's Wi-Fi address, same port."""
    port = base.rsplit(":", 1)[-1] if base.count(":") == 2 else str(resources.settings().server.port)
    urls = phone_urls(int(port)) if port.isdigit() else []
    return urls[0] if urls else ""


def phone_address() -> PhoneAddress:
    base = page_base_url()
    local = "localhost" in base or "127.0.0.1" in base
    return PhoneAddress(base, _wifi_base(base) if local or not base else base)
