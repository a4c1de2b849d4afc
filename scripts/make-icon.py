#!/usr/bin/python3
"""Draws media/icon.png (128x128): the attention weights of TP4 exercise 1 as a 4x4 heatmap on a
rounded dark tile, coloured on a viridis-like ramp. Pure standard library (zlib + struct), so it
runs anywhere:  /usr/bin/python3 scripts/make-icon.py"""
import math
import os
import struct
import zlib

import numpy as np

SIZE = 128
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def exercise1_weights():
    """The weights of examples/tp4/exercise1.py, recomputed the same way (seed 0)."""
    np.random.seed(0)
    X = np.random.randn(4, 4)
    W_Q, W_K, W_V = (np.random.randn(4, 2) for _ in range(3))
    s = (X @ W_Q) @ (X @ W_K).T / np.sqrt(2)
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def inside_rounded(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def main():
    w = exercise1_weights()
    bg_top, bg_bottom = (30, 41, 82), (17, 24, 52)
    ramp = [(59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]
    grid0, cell, gap = 20, 20, 4
    rows = []
    for y in range(SIZE):
        row = bytearray([0])  # filter: none
        for x in range(SIZE):
            # 4x supersampling for smooth rounded corners
            cover = sum(inside_rounded(x + (i + .5) / 2, y + (j + .5) / 2, 2, 2, 126, 126, 24) for i in range(2) for j in range(2)) / 4
            color = mix(bg_top, bg_bottom, y / SIZE)
            gx, gy = x - grid0, y - grid0
            step = cell + gap
            if 0 <= gx < 4 * step - gap and 0 <= gy < 4 * step - gap and gx % step < cell and gy % step < cell:
                i, j = gy // step, gx // step
                if inside_rounded(gx % step, gy % step, 0, 0, cell, cell, 4):
                    t = math.sqrt(w[i, j]) * (len(ramp) - 1)
                    k = min(int(t), len(ramp) - 2)
                    color = mix(ramp[k], ramp[k + 1], t - k)
            row += bytes(color) + bytes([round(255 * cover)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(os.path.join(ROOT, "media", "icon.png"), "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
