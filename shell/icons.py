"""The viewer's icon, drawn from a few shapes: a blue rounded square holding a white page with a
headline and lines of text. Gives PNGs at any size (for the web app manifest) and the same shapes
as SVG (favicon). Python standard library only: the build machine has no image tools.

Everything sits inside the central 80 % circle, so the same picture also serves as a "maskable"
icon (launchers crop it to a circle or squircle).
"""

from __future__ import annotations

import math
import struct
import zlib

BLUE = (0, 82, 163)       # #0052a3, the progress bar's colour
WHITE = (255, 255, 255)
INK = (60, 72, 88)
HEADLINE = (0, 82, 163)

# Shapes on a 1x1 square: (x0, y0, x1, y1, corner radius, colour), painted in order.
SHAPES = [
    (0.0, 0.0, 1.0, 1.0, 0.18, BLUE),
    (0.28, 0.2, 0.72, 0.8, 0.035, WHITE),
    (0.34, 0.28, 0.66, 0.345, 0.012, HEADLINE),
    (0.34, 0.41, 0.66, 0.44, 0.012, INK),
    (0.34, 0.48, 0.66, 0.51, 0.012, INK),
    (0.34, 0.55, 0.66, 0.58, 0.012, INK),
    (0.34, 0.62, 0.58, 0.65, 0.012, INK),
    (0.34, 0.69, 0.62, 0.72, 0.012, INK),
]


def _coverage(px: float, py: float, shape, size: int) -> float:
    """Share of the pixel centred at (px, py) covered by a rounded rectangle (signed distance,
    one pixel of anti-aliasing)."""
    x0, y0, x1, y1, r, _ = shape
    cx, cy = (x0 + x1) * size / 2, (y0 + y1) * size / 2
    hx, hy, rr = (x1 - x0) * size / 2, (y1 - y0) * size / 2, r * size
    qx, qy = abs(px - cx) - hx + rr, abs(py - cy) - hy + rr
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    distance = outside + min(max(qx, qy), 0.0) - rr
    return min(max(0.5 - distance, 0.0), 1.0)


def png(size: int) -> bytes:
    """The icon as an 8-bit RGBA PNG of size x size pixels."""
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")  # filter type 0 for each row
        py = y + 0.5
        # Only the shapes crossing this row matter.
        active = [s for s in SHAPES if s[1] * size - 1 <= py <= s[3] * size + 1]
        for x in range(size):
            px = x + 0.5
            r = g = b = 0.0
            a = 0.0
            for shape in active:
                if not (shape[0] * size - 1 <= px <= shape[2] * size + 1):
                    continue
                c = _coverage(px, py, shape, size)
                if c <= 0:
                    continue
                colour = shape[5]
                # "over" compositing, premultiplied
                r = colour[0] * c + r * (1 - c)
                g = colour[1] * c + g * (1 - c)
                b = colour[2] * c + b * (1 - c)
                a = c + a * (1 - c)
            if a > 0:
                row += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                row += b"\x00\x00\x00\x00"
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


def svg() -> str:
    """The same shapes as an SVG document (viewBox 0 0 512 512)."""
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">']
    for x0, y0, x1, y1, r, (cr, cg, cb) in SHAPES:
        parts.append('<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="#%02x%02x%02x"/>' % (
            round(x0 * 512, 2), round(y0 * 512, 2), round((x1 - x0) * 512, 2), round((y1 - y0) * 512, 2),
            round(r * 512, 2), cr, cg, cb))
    parts.append("</svg>\n")
    return "".join(parts)


if __name__ == "__main__":  # python3 icons.py OUT.png SIZE: a look at the icon
    import sys
    with open(sys.argv[1], "wb") as f:
        f.write(png(int(sys.argv[2])))
