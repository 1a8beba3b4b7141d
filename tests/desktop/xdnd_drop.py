#!/usr/bin/env python3
"""Drops a file on an X11 window the way a file manager does (the XDND protocol, version 5), so
that a test can check what the desktop viewer does with a dropped file. Python standard library
only: libX11 through ctypes.

Usage (inside an X server, e.g. under xvfb-run):
    xdnd_drop.py WINDOW_NAME_PART FILE [TIMEOUT_SECONDS]
Waits for a top-level window whose name contains WINDOW_NAME_PART, drops FILE on its middle and
exits 0 once the window says the drop is finished (XdndFinished), 1 on failure or timeout. Prints
"title: NAME", the window's title once it changed after the drop (or after 3 s).
"""

import ctypes
import ctypes.util
import os
import sys
import time
import urllib.parse
import urllib.request

X = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")

Window = Atom = Time = ctypes.c_ulong
CLIENT_MESSAGE, SELECTION_REQUEST, SELECTION_NOTIFY = 33, 30, 31
PROP_MODE_REPLACE, CURRENT_TIME, NO_EVENT_MASK = 0, 0, 0


class ClientMessageData(ctypes.Union):
    _fields_ = [("b", ctypes.c_char * 20), ("s", ctypes.c_short * 10), ("l", ctypes.c_long * 5)]


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", Window), ("message_type", Atom),
                ("format", ctypes.c_int), ("data", ClientMessageData)]


class XSelectionRequestEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("owner", Window), ("requestor", Window), ("selection", Atom),
                ("target", Atom), ("property", Atom), ("time", Time)]


class XSelectionEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("requestor", Window), ("selection", Atom), ("target", Atom),
                ("property", Atom), ("time", Time)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xclient", XClientMessageEvent), ("xselectionrequest", XSelectionRequestEvent),
                ("xselection", XSelectionEvent), ("pad", ctypes.c_long * 24)]


X.XOpenDisplay.restype = ctypes.c_void_p
X.XOpenDisplay.argtypes = [ctypes.c_char_p]
X.XDefaultRootWindow.restype = Window
X.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
X.XInternAtom.restype = Atom
X.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
X.XCreateSimpleWindow.restype = Window
X.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                  ctypes.c_uint, ctypes.c_ulong, ctypes.c_ulong]
X.XSetSelectionOwner.argtypes = [ctypes.c_void_p, Atom, Window, Time]
X.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
X.XChangeProperty.argtypes = [ctypes.c_void_p, Window, Atom, Atom, ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
X.XPending.argtypes = [ctypes.c_void_p]
X.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
X.XFlush.argtypes = [ctypes.c_void_p]
X.XQueryTree.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(Window), ctypes.POINTER(Window),
                         ctypes.POINTER(ctypes.POINTER(Window)), ctypes.POINTER(ctypes.c_uint)]
X.XGetWindowProperty.argtypes = [ctypes.c_void_p, Window, Atom, ctypes.c_long, ctypes.c_long, ctypes.c_int, Atom,
                                 ctypes.POINTER(Atom), ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
                                 ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p)]
X.XFree.argtypes = [ctypes.c_void_p]


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("rest", ctypes.c_char * 256)]


X.XGetWindowAttributes.argtypes = [ctypes.c_void_p, Window, ctypes.POINTER(XWindowAttributes)]


def window_name(display, window):
    """_NET_WM_NAME (UTF-8): WM_NAME cannot hold a title like "Café — Article viewer"."""
    actual, fmt, count, after, data = Atom(), ctypes.c_int(), ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
    net_wm_name = X.XInternAtom(display, b"_NET_WM_NAME", 0)
    utf8 = X.XInternAtom(display, b"UTF8_STRING", 0)
    if X.XGetWindowProperty(display, window, net_wm_name, 0, 1024, 0, utf8, ctypes.byref(actual), ctypes.byref(fmt),
                            ctypes.byref(count), ctypes.byref(after), ctypes.byref(data)) != 0 or not data.value:
        return ""
    try:
        return ctypes.string_at(data.value, count.value).decode("utf-8", "replace")
    finally:
        X.XFree(data)


def find_window(display, root, name_part):
    root_ret, parent, children, count = Window(), Window(), ctypes.POINTER(Window)(), ctypes.c_uint()
    if not X.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent), ctypes.byref(children), ctypes.byref(count)):
        return None
    try:
        for i in range(count.value):
            if name_part in window_name(display, children[i]):
                return children[i]
            deeper = find_window(display, children[i], name_part)
            if deeper:
                return deeper
    finally:
        if children:
            X.XFree(children)
    return None


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    name_part, path = argv[1], os.path.abspath(argv[2])
    deadline = time.monotonic() + (float(argv[3]) if len(argv) > 3 else 20)
    display = X.XOpenDisplay(None)
    if not display:
        print("xdnd_drop: no X display", file=sys.stderr)
        return 1
    atom = lambda name: X.XInternAtom(display, name.encode(), 0)
    root = X.XDefaultRootWindow(display)
    target = None
    while not target and time.monotonic() < deadline:
        target = find_window(display, root, name_part)
        if not target:
            time.sleep(0.1)
    if not target:
        print(f"xdnd_drop: no window named *{name_part}*", file=sys.stderr)
        return 1
    attrs = XWindowAttributes()
    X.XGetWindowAttributes(display, target, ctypes.byref(attrs))
    before = window_name(display, target)
    source = X.XCreateSimpleWindow(display, root, 0, 0, 1, 1, 0, 0, 0)
    selection, uri_list = atom("XdndSelection"), atom("text/uri-list")
    X.XSetSelectionOwner(display, selection, source, CURRENT_TIME)
    payload = (urllib.parse.urljoin("file:", urllib.request.pathname2url(path)) + "\r\n").encode()

    def send(kind, *longs):
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.display = display
        event.xclient.window = target
        event.xclient.message_type = atom(kind)
        event.xclient.format = 32
        for i, value in enumerate(longs):
            event.xclient.data.l[i] = value
        X.XSendEvent(display, target, 0, NO_EVENT_MASK, ctypes.byref(event))
        X.XFlush(display)

    send("XdndEnter", source, 5 << 24, uri_list, 0, 0)
    send("XdndPosition", source, 0, ((attrs.width // 2) << 16) | (attrs.height // 2), CURRENT_TIME, atom("XdndActionCopy"))
    dropped = False
    event = XEvent()
    while time.monotonic() < deadline:
        if not X.XPending(display):
            time.sleep(0.02)
            continue
        X.XNextEvent(display, ctypes.byref(event))
        if event.type == CLIENT_MESSAGE and event.xclient.message_type == atom("XdndStatus"):
            if not event.xclient.data.l[1] & 1:
                print("xdnd_drop: the window refuses the drop", file=sys.stderr)
                return 1
            if not dropped:
                send("XdndDrop", source, 0, CURRENT_TIME)
                dropped = True
        elif event.type == SELECTION_REQUEST:
            request = event.xselectionrequest
            X.XChangeProperty(display, request.requestor, request.property, request.target, 8, PROP_MODE_REPLACE,
                              payload, len(payload))
            reply = XEvent()
            reply.xselection.type = SELECTION_NOTIFY
            reply.xselection.display = display
            reply.xselection.requestor = request.requestor
            reply.xselection.selection = request.selection
            reply.xselection.target = request.target
            reply.xselection.property = request.property
            reply.xselection.time = request.time
            X.XSendEvent(display, request.requestor, 0, NO_EVENT_MASK, ctypes.byref(reply))
            X.XFlush(display)
        elif event.type == CLIENT_MESSAGE and event.xclient.message_type == atom("XdndFinished"):
            # The window's title once the viewer has taken the drop (it changes within a frame or
            # two), printed for the test: "title: NAME".
            settle = time.monotonic() + 3
            while window_name(display, target) == before and time.monotonic() < settle:
                time.sleep(0.05)
            print("title: " + window_name(display, target), flush=True)
            return 0
    print("xdnd_drop: timed out", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
