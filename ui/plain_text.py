"""User-entered text shown as text: a learner's or trainer's name, a group, team,
commune or place, a note. Streamlit reads markdown in ``st.markdown``, captions, notes,
titles, button, checkbox, expander and radio labels: a name ``**Hoa**`` would show in
bold, ``![x](http://…)`` would make every phone fetch an outside picture, ``$x$`` would
become a formula. ``as_text`` puts a backslash before every character markdown (and
Streamlit's ``:red[…]`` colours and ``$…$`` formulas) could read, so the name shows as
typed. Text inside HTML (``st.html``, ``unsafe_allow_html=True``) uses ``html.escape`` instead, and
tables (``st.dataframe``), ``st.text`` and selectbox options show text as it is."""

from __future__ import annotations

import re

MARKDOWN_SPECIALS = "\\*_[]()#+-.!`~>|<$:{}&="
_SPECIAL = re.compile("[" + re.escape(MARKDOWN_SPECIALS) + "]")


def as_text(value: object) -> str:
    """The value for a markdown place, every markdown sign escaped; line breaks become
    spaces (a name is one line)."""
    text = " ".join(str(value).split())
    return _SPECIAL.sub(lambda match: "\\" + match.group(0), text)
