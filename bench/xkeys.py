"""A keyboard from outside the process for the window benchmark: an Xvfb server of its own and
key presses sent through the XTEST extension (as xdotool sends them), with ctypes on the system's
libX11 and libXtst, so that the time a key is sent is read right before it leaves.

Thai characters have no key on Xvfb's keyboard: each one the benchmark types is given a spare
keycode (one without a key, or a multimedia key), as its Unicode keysym, before the program starts, so the program reads that keymap when it
connects, as it would read a Thai keyboard layout.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import time
from collections.abc import Iterable
from typing import Any

SCREEN = "1366x768x24"


def _spare(keysym: int) -> bool:
    """A keysym no benchmark presses: none, a multimedia key (XF86...) or F13 and above."""
    return keysym == 0 or keysym >= 0x1008FF00 or 0xFFCA <= keysym <= 0xFFE0


class XUnavailableError(RuntimeError):
    """No Xvfb, libX11 or libXtst here: the outside measures cannot be made."""


class Xvfb:
    """An Xvfb server on a free display number, ended with the context."""

    def __init__(self) -> None:
        if shutil.which("Xvfb") is None:
            raise XUnavailableError("Xvfb is not installed (apt-get install xvfb)")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as answer:
            number = answer.readline().strip()
        if not number:
            self.process.kill()
            raise XUnavailableError("Xvfb did not start")
        self.display = f":{number}"

    def __enter__(self) -> Xvfb:
        return self

    def __exit__(self, *_: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Keyboard:
    """Key presses into the X server at `display` through XTEST."""

    def __init__(self, display: str, characters: Iterable[str] = ()) -> None:
        x11_name, xtst_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xtst")
        if x11_name is None or xtst_name is None:
            raise XUnavailableError("libX11 or libXtst is missing (apt-get install libxtst6)")
        self.x11: Any = ctypes.CDLL(x11_name)
        self.xtst: Any = ctypes.CDLL(xtst_name)
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.x11.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
        self.x11.XGetKeyboardMapping.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ubyte,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
        ]
        self.x11.XChangeKeyboardMapping.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.c_int,
        ]
        self.x11.XFree.argtypes = [ctypes.c_void_p]
        self.x11.XDisplayKeycodes.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.xtst.XTestFakeMotionEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.display = self.x11.XOpenDisplay(display.encode())
        if not self.display:
            raise XUnavailableError(f"cannot open the X display {display}")
        self.codes: dict[str, int] = {}
        self._map(sorted(set(characters)))

    def _map(self, characters: list[str]) -> None:
        """Give each character without a key of its own a spare keycode."""
        wanted = [ch for ch in characters if not self._keycode_of(ch)]
        if not wanted:
            return
        low, high = ctypes.c_int(), ctypes.c_int()
        self.x11.XDisplayKeycodes(self.display, ctypes.byref(low), ctypes.byref(high))
        count = high.value - low.value + 1
        per = ctypes.c_int()
        table = self.x11.XGetKeyboardMapping(self.display, low.value, count, ctypes.byref(per))
        spare = [
            low.value + index
            for index in range(count)
            if all(_spare(table[index * per.value + column]) for column in range(per.value))
        ]
        self.x11.XFree(table)
        if len(spare) < len(wanted):
            raise XUnavailableError(f"only {len(spare)} spare keycodes for {len(wanted)} characters")
        for code, char in zip(spare, wanted, strict=False):
            keysyms = (ctypes.c_ulong * 2)(0x1000000 + ord(char), 0x1000000 + ord(char))
            self.x11.XChangeKeyboardMapping(self.display, code, 2, keysyms, 1)
            self.codes[char] = code
        self.x11.XSync(self.display, 0)

    def _keycode_of(self, char: str) -> int:
        name = {" ": "space", "\n": "Return", "\t": "Tab"}.get(char, char)
        if len(name) == 1 and not ("a" <= name <= "z" or "0" <= name <= "9"):
            return 0  # anything else gets a key of its own (its case and shift level are exact)
        return int(self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(name.encode())))

    def keycode(self, key: str) -> int:
        """The keycode of a character, or of a key named as X names it (`F7`, `Control_L`)."""
        if key in self.codes:
            return self.codes[key]
        code = (
            self._keycode_of(key)
            if len(key) == 1
            else self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(key.encode()))
        )
        if not code:
            raise KeyError(key)
        return int(code)

    def pointer_to(self, x: int, y: int) -> None:
        """The pointer over a place of the screen (without a window manager the keyboard goes
        to the window under it)."""
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.x11.XFlush(self.display)

    def press(self, key: str, *modifiers: str) -> float:
        """Press and release one key (holding the modifiers named, `Control_L`); returns the
        monotonic time at which the press left for the server."""
        codes = [self.keycode(name) for name in modifiers]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, 1, 0)
        main = self.keycode(key)
        self.xtst.XTestFakeKeyEvent(self.display, main, 1, 0)
        sent = time.monotonic()
        self.x11.XFlush(self.display)
        self.xtst.XTestFakeKeyEvent(self.display, main, 0, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XFlush(self.display)
        return sent

    def close(self) -> None:
        self.x11.XCloseDisplay(self.display)
