# Reference values of the Gauss hypergeometric function for test/math/hyp2f1.test.ts,
# computed with mpmath (arbitrary precision, 40 digits). Run: python3 scripts/reference/hyp2f1.py
import mpmath as mp
mp.mp.dps = 40
cases = [
    (0.243, 2.426, 2.219, 39 / (4.414 + 39)),          # BG/NBD E[X(39)] on CDNOW
    (2.243, 4.426, 4.219, 39 / (4.414 + 38.86 + 39)),  # BG/NBD conditional, x = 2
    (50.243, 52.426, 52.219, 39 / (4.414 + 38.86 + 39)),
    (200.243, 202.426, 201.219, 0.9),                  # large frequency, z near 1
    (1000.5, 1002.0, 1001.2, 0.95),
    (1, 3.806, 4.474, 1 / 1.1),                        # sBG discounted expected lifetime
    (1, 1.182, 1.886, 1 / 1.01),                       # d = 1 %, z near 1
    (1, 3.806, 4.474, 1 / 1.001),
    (0.5, 0.5, 1.5, 0.25),
    (1.5, 2.5, 3.7, 0.999),
    (3.2, -1.7, 2.4, 0.6),
    (0.1, 0.2, 0.3, 0.5),
    (10.0, 20.0, 5.5, 0.3),
    (0.553 + 0.606 + 3, 1.606, 0.553 + 0.606 + 4, 0.2),
    (25.0, 0.5, 30.0, 0.99),
    (2.0, 3.0, 4.0, 0.0),
]
for a, b, c, z in cases:
    v = mp.hyp2f1(a, b, c, z)
    print(f"  [{a!r}, {b!r}, {c!r}, {z!r}, '{mp.nstr(v, 25)}'],")
