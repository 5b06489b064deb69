"""The optional password gate of a hosted dashboard: the password form, a delay that grows with each wrong password
from one client, and, while the gate is on, uploads only from sessions that passed it and download addresses that
serve their file once (to the session that asked for it).

Streamlit serves uploads and downloads over plain HTTP routes that know nothing of the gate: a session id is enough to
upload, and a download's /media/ address serves its file to anyone until the server prunes it. The two guards below
close that from inside the app, on the server's own upload manager and media storage (installed once per server).
"""
from __future__ import annotations

import hmac
import threading
from time import sleep
from dataclasses import dataclass, field

import streamlit as st
from streamlit import runtime as streamlit_runtime
from streamlit.runtime.media_file_storage import MediaFileKind
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage, get_extension_for_mimetype
from streamlit.runtime.scriptrunner import get_script_run_ctx

FIRST_DELAY_S = 1.0  # the wait after a client's first wrong password; it doubles with each further one
MAX_DELAY_S = 30.0  # ... up to this: slow enough for guessing, short enough for a colleague who mistyped
PASSED = "_password_ok"  # session-state flag: this session passed the gate


@dataclass
class GateState:
    """Server-wide gate state: wrong-password counts per client, the sessions that passed the gate."""

    failures: dict = field(default_factory=dict)  # client -> wrong passwords in a row
    passed: set = field(default_factory=set)  # session ids that passed the gate
    lock: threading.Lock = field(default_factory=threading.Lock)


class OneShotDownloads(MemoryMediaFileStorage):
    """The server's media storage, re-classed while the gate is on: a downloadable file is handed out for one click
    only, then dropped, so its address is worth nothing to anyone else (each click makes a fresh one). One click is up
    to two GETs from the clicking browser (Streamlit's frontend checks the address with fetch(), then downloads it,
    from its cache or not): the file goes after the second GET, or CLICK_WINDOW_S after the first."""

    SERVES = 2  # GETs of one click: the frontend's check, then the download itself
    CLICK_WINDOW_S = 5.0  # the most time between the two

    def get_file(self, filename: str):
        """The file; a download is removed once it has been handed out for its click."""
        media_file = super().get_file(filename)
        if media_file.kind == MediaFileKind.DOWNLOADABLE:
            file_id = filename.rsplit(".", 1)[0]
            served = self.__dict__.setdefault("_served", {})
            served[file_id] = served.get(file_id, 0) + 1
            if served[file_id] >= self.SERVES:
                self._drop(file_id)
            elif served[file_id] == 1:
                timer = threading.Timer(self.CLICK_WINDOW_S, self._drop, (file_id,))
                timer.daemon = True
                timer.start()
        return media_file

    def _drop(self, file_id: str) -> None:
        """Remove a handed-out download (twice is harmless)."""
        self.__dict__.setdefault("_served", {}).pop(file_id, None)
        self.delete_file(file_id)

    def get_url(self, file_id: str) -> str:
        """The address of a stored file (read without handing it out)."""
        media_file = super().get_file(file_id)
        return f"{self._media_endpoint}/{file_id}{get_extension_for_mimetype(media_file.mimetype)}"


def failure_delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong password in a row (0 before any): doubling, capped."""
    return 0.0 if failures <= 0 else min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** (failures - 1))


def guard_uploads(uploads, passed: set) -> None:
    """Make the server's upload manager keep a file only for a session in ``passed`` (the HTTP route answers an
    error to any other, and the file is dropped as it arrives)."""
    add_file = uploads.add_file

    def add_file_if_passed(session_id, file):
        """Keep an uploaded file only for a session that passed the gate."""
        if session_id not in passed:
            raise PermissionError("upload from a session that has not passed the password gate")
        return add_file(session_id, file)

    uploads.add_file = add_file_if_passed


def guard_downloads(storage) -> None:
    """Make the server's media storage hand out each download once (see OneShotDownloads)."""
    if isinstance(storage, MemoryMediaFileStorage):
        storage.__class__ = OneShotDownloads


@st.cache_resource(show_spinner=False)
def gate_state() -> GateState:
    """The one gate state of this server, with the upload and download guards installed on first use."""
    state = GateState()
    if streamlit_runtime.exists():  # a bare script run (tests) has no server and no HTTP routes to guard
        runtime = streamlit_runtime.get_instance()
        guard_uploads(runtime.uploaded_file_mgr, state.passed)
        guard_downloads(runtime.media_file_mgr._storage)  # the instance the /media/ route serves from
    return state


def expected_password() -> str | None:
    """The configured password (`password` in Streamlit secrets), None when the gate is off."""
    try:
        value = st.secrets.get("password")
    except Exception:  # no secrets file at all: the gate is off (Streamlit raises its own not-found error)
        value = None
    return str(value) if value else None


def client_key() -> str:
    """Who is typing, for the failure count: the client's address where Streamlit knows it, else this session."""
    ip = getattr(st.context, "ip_address", None)
    if isinstance(ip, str) and ip:
        return f"ip:{ip}"
    ctx = get_script_run_ctx()
    return f"session:{ctx.session_id if ctx else 'none'}"


def password_ok() -> bool:
    """The gate: True when it is off or this session passed it; else the password form (and False)."""
    expected = expected_password()
    if not expected:
        return True
    state = gate_state()
    ctx = get_script_run_ctx()
    if st.session_state.get(PASSED):
        if ctx is not None:
            state.passed.add(ctx.session_id)
        return True
    typed = st.text_input("Password", type="password", help="This dashboard is protected by its host.")
    if not typed:
        return False
    client = client_key()
    with state.lock:
        wait = failure_delay(state.failures.get(client, 0))
    sleep(wait)  # before the check: each try costs the wait the previous failures earned
    if hmac.compare_digest(typed.encode("utf-8"), expected.encode("utf-8")):
        with state.lock:
            state.failures.pop(client, None)
            if ctx is not None:
                state.passed.add(ctx.session_id)
        st.session_state[PASSED] = True
        st.rerun()
    with state.lock:
        state.failures[client] = state.failures.get(client, 0) + 1
        upcoming = failure_delay(state.failures[client])
    st.error(f"Wrong password. The next try waits {upcoming:.0f} s.")
    return False
