"""GET /chung-nhan?ma=<code>: the page a certificate's QR code opens.

Anyone (a commune official, an employer) scans the QR on a printed certificate and
sees, on their phone, whether it is genuine: the code's signature is ours, the
learner still exists and has still passed every lesson of the module. Nothing else
is shown: the name, the group, the module and the date already printed on the paper.
"""

from __future__ import annotations

import html

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from access.route_resources import catalog as _catalog
from access.route_resources import database as _database
from access.route_resources import secret as _secret
from certificates.verification import CODE_PARAMETER, ValidCertificate, check_certificate

HEADERS = {
    "Cache-Control": "no-store",  # validity changes when a learner is deleted
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}

_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiểm tra giấy chứng nhận</title>
<style>
body {{ font-family: sans-serif; font-size: 20px; line-height: 1.5; margin: 0; padding: 1rem;
  background: #f4f6f9; color: #1a1a1a; }}
main {{ max-width: 560px; margin: 0 auto; background: #fff; border-radius: 12px; padding: 1rem 1.2rem;
  border-left: 8px solid {colour}; overflow-wrap: anywhere; }}
h1 {{ font-size: 1.5rem; margin: 0 0 0.6rem; }}
p {{ margin: 0.4rem 0; }}
</style></head>
<body><main>
<h1>{heading}</h1>
{body}
</main></body></html>
"""


def render_verdict(certificate: ValidCertificate | None) -> str:
    """The verification page in Vietnamese; every value is HTML-escaped."""
    if certificate is None:
        body = ("<p>Giấy chứng nhận này không do ứng dụng Bình dân học vụ số cấp, "
                "đã bị sửa, hoặc không còn giá trị.</p>"
                "<p>Hãy hỏi tập huấn viên của nhóm học.</p>")
        return _PAGE.format(colour="#a32020", heading="❌ Mã không hợp lệ", body=body)
    name = html.escape(certificate.learner_name)
    module = html.escape(certificate.module_title)
    body = (f"<p><strong>{name}</strong> đã hoàn thành <strong>{module}</strong>, "
            f"ngày {certificate.issued_on:%d/%m/%Y}.</p>")
    if certificate.group_name:
        body += f"<p>Nhóm học: {html.escape(certificate.group_name)}</p>"
    return _PAGE.format(colour="#1b7a3a", heading="✅ Giấy chứng nhận hợp lệ", body=body)


async def certificate_route(request: Request) -> Response:
    code = request.query_params.get(CODE_PARAMETER, "")
    # database reads block: keep them off the event loop that also serves Streamlit
    certificate = await run_in_threadpool(check_certificate, _database(), _catalog(), _secret(), code)
    status = 200 if certificate else 404
    return HTMLResponse(render_verdict(certificate), status_code=status, headers=HEADERS)
