"""The groups a staff page offers: only those in the account's scope, by name; the one
in the address (``?nhom=ID``) is opened, and one outside the scope is refused in plain
words (the same words whether or not such a group exists)."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from progress.groups import GroupInfo, list_groups
from progress.scope import OUTSIDE, Scope
from ui import resources

GROUP_PARAM = "nhom"


def scoped_groups(scope: Scope) -> list[GroupInfo]:
    """Every group this account may see, by name."""
    return [group for group in list_groups(resources.database()) if scope.sees_group(group.id)]


def refuse_address(message: str = OUTSIDE) -> NoReturn:
    st.warning(f"{message} Hãy chọn lại từ danh sách nhóm của mình.")
    st.stop()


def group_in_address(scope: Scope) -> int | None:
    """The group id in ``?nhom=``; a wrong or outside one stops the page with a refusal."""
    text = st.query_params.get(GROUP_PARAM)
    if text is None:
        return None
    if not text.isdigit() or not scope.sees_group(int(text)):
        refuse_address()
    return int(text)


def choose_group(scope: Scope, groups: list[GroupInfo], key: str, label: str = "Nhóm") -> GroupInfo:
    """A group picker; the group in the address is chosen first, and the choice is kept
    in the address so a reload or a shared link opens it again."""
    wanted = group_in_address(scope)
    chosen = next((g for g in groups if g.id == wanted), None)
    if chosen is not None and st.session_state.get(f"{key}_from_address") != wanted:
        st.session_state[key] = chosen
        st.session_state[f"{key}_from_address"] = wanted
    group: GroupInfo = st.selectbox(label, groups, format_func=lambda g: g.name, key=key)
    if wanted != group.id:
        st.query_params[GROUP_PARAM] = str(group.id)
        st.session_state[f"{key}_from_address"] = group.id
    return group
