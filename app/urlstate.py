"""Page state kept in the URL by id: a choice whose URL parameter holds the chosen id (not its label), and what a
link asked for that this corpus lacks."""
from __future__ import annotations

import streamlit as st

MISSING = "_missing"  # session state: what the page's link asked for and this corpus lacks (key -> values)


def note_missing(key: str, asked: list[str], known, replace: bool = False) -> None:
    """Remember which of the values a link gives for ``key`` this corpus lacks, until that filter is changed by hand
    (a widget bound by Streamlit drops them from the URL on the next run) or, with ``replace``, until the URL asks for
    something else (an id-valued choice keeps its URL parameter as asked)."""
    missing = st.session_state.setdefault(MISSING, {})
    lacking = [a for a in asked if a not in known]
    if lacking or (replace and asked):
        missing[key] = lacking


def forget_missing(key: str) -> None:
    """The filter ``key`` was changed by hand: what its link asked for no longer matters."""
    st.session_state.setdefault(MISSING, {}).pop(key, None)


def write_url(key: str) -> None:
    """Write a widget's value (an id, or None) to its URL parameter (on_change of an id-valued widget)."""
    forget_missing(key)
    value = st.session_state.get(key)
    if value is None or value == []:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def with_linked(offered: list, every, key: str) -> list:
    """A capped picker's ``offered`` options plus the one ``key``'s link (or the session) names, when that is one of
    ``every`` but not offered: a shared link still opens what it names."""
    named = st.query_params.get(key) or st.session_state.get(key)
    return [*offered, named] if named in every and named not in offered else offered


def url_choice(box, label: str, options: list, key: str, format_func, default=None, **kwargs):
    """A selectbox whose URL parameter holds the chosen option's id (options are ids, shown by ``format_func``), not
    its label: short, stable links. A link or page switch that sets the parameter sets the choice; a choice writes
    the parameter. An id the options lack is remembered as missing (see missing_from_link)."""
    asked = st.query_params.get(key)
    offered = set(options)
    if asked:
        note_missing(key, [asked], offered, replace=True)
        st.session_state[key] = asked if asked in offered else None
    elif key not in st.session_state or st.session_state[key] not in offered:
        st.session_state[key] = default
    elif st.session_state[key] not in (None, default):  # a page switch dropped it from the address: put it back
        st.query_params[key] = st.session_state[key]
    return box.selectbox(label, options, key=key, format_func=format_func, on_change=write_url, args=(key,),
                         **kwargs)


def missing_from_link() -> dict[str, list[str]]:
    """What the page's link asked for that this corpus lacks: URL parameter -> values."""
    return {k: v for k, v in st.session_state.get(MISSING, {}).items() if v}


def keep_in_url(key: str, default=None) -> None:
    """Put a bound widget's value back into the address after a page switch emptied it (call before the widget is
    drawn): Streamlit keeps the value in the session but writes a bound parameter only when the value changes, so the
    address bar of the new page would lose the filters the page shows."""
    value = st.session_state.get(key)
    same = isinstance(value, (list, tuple)) and isinstance(default, tuple) and tuple(value) == default
    if key not in st.query_params and value not in (None, "", [], ()) and value != default and not same:
        st.session_state[key] = type(value)(value) if isinstance(value, (list, tuple)) else value
