"""The two network buttons of the sync pages, on a laptop whose commune server has an
address: "Gửi lên xã qua mạng" (push, on the export page) and "Lấy dữ liệu từ xã qua
mạng" (pull, on the import page). A dropped connection resumes where it stopped on the
next press (progress/sync/http_transfer.py); a refusal or a network failure is shown in
its own plain words, with what to do."""

from __future__ import annotations

import json

import streamlit as st

from progress.database import Database
from progress.sync.bundle_file import BundleRefused
from progress.sync.http_client import SyncNetworkError, pull, push
from progress.sync.partners import PartnerError
from progress.sync.summary import SyncSummary
from ui.plain_text import as_text
from ui.trainer.sync_view import show_refusal, show_summary

PUSHED = "sync_pushed"  # (summary, already-received line) or a refusal's words
PULLED = "sync_pulled"
TRY_AGAIN = "Kiểm tra mạng rồi bấm lại: phần đã gửi được giữ, lần sau gửi tiếp. Không có mạng thì nộp bằng tệp (USB)."


def _failure(exc: Exception) -> str:
    if isinstance(exc, SyncNetworkError) and not exc.refused_by_server:
        return f"{exc} {TRY_AGAIN}"
    return str(exc)


def push_button(db: Database, *, everything: bool, by_account: str) -> None:
    st.divider()
    if st.button("🌐 Gửi lên xã qua mạng", key="sync_push", width="stretch"):
        try:
            with st.spinner("Đang gửi lên xã…"):
                answer = push(db, everything=everything, by_account=by_account).answer
        except (SyncNetworkError, PartnerError, BundleRefused) as exc:
            st.session_state[PUSHED] = _failure(exc)
        else:
            summary = SyncSummary.from_json(json.dumps(answer.get("summary") or {}))
            st.session_state[PUSHED] = (summary, str(answer.get("message") or "") if answer.get("already_received")
                                        else "")
    _show(PUSHED, "Đã gửi lên xã. Xã đã nhận:")


def pull_button(db: Database, *, by_account: str) -> None:
    st.divider()
    if st.button("🌐 Lấy dữ liệu từ xã qua mạng", key="sync_pull", width="stretch"):
        try:
            with st.spinner("Đang lấy dữ liệu từ xã…"):
                result = pull(db, by_account=by_account)
        except (SyncNetworkError, PartnerError, BundleRefused) as exc:
            st.session_state[PULLED] = _failure(exc)
        else:
            st.session_state[PULLED] = (result.summary, result.message if result.already_received else "")
    _show(PULLED, "Đã lấy dữ liệu từ xã:")


def _show(key: str, heading: str) -> None:
    done = st.session_state.get(key)
    if done is None:
        return
    if isinstance(done, str):
        show_refusal(done)
        return
    summary, already = done
    if already:
        st.info(as_text(already), icon="ℹ️")
    else:
        show_summary(summary, heading)
