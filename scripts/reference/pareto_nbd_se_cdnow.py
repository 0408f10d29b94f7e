# Independent standard errors of the Pareto/NBD on the CDNOW summary at the library's
# optimum: the observed information (minus the Hessian of the log-likelihood in natural
# parameters) by central differences at 40 digits with mpmath (steps 1e-8 relative, so
# truncation and rounding are far below 1e-6), inverted with mpmath.
# Run: python3 scripts/reference/pareto_nbd_se_cdnow.py
import csv
import mpmath as mp
mp.mp.dps = 40
rows = {}
with open('../shared/datasets/cdnow_customers_summary.csv') as f:
    for r in csv.DictReader(f):
        k = (int(r['frequency']), mp.mpf(r['recency']), mp.mpf(r['T']))
        rows[k] = rows.get(k, 0) + 1

def ll(p):
    r, a, s, b = p
    tot = mp.mpf(0)
    for (x, tx, T), w in rows.items():
        k = r + s + x
        if a >= b:
            A0 = mp.hyp2f1(k, s + 1, k + 1, (a - b) / (a + tx)) / (a + tx) ** k - mp.hyp2f1(k, s + 1, k + 1, (a - b) / (a + T)) / (a + T) ** k
        else:
            A0 = mp.hyp2f1(k, r + x, k + 1, (b - a) / (b + tx)) / (b + tx) ** k - mp.hyp2f1(k, r + x, k + 1, (b - a) / (b + T)) / (b + T) ** k
        tot += w * (mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(a) + s * mp.log(b) + mp.log((a + T) ** -(r + x) * (b + T) ** -s + s / k * A0))
    return tot

theta = [mp.mpf(v) for v in ('0.5532753565637231', '10.577609868964181', '0.6062139594953051', '11.667916487416935')]
n = 4
h = [t * mp.mpf('1e-8') for t in theta]
f0 = ll(theta)
def at(d):
    return ll([t + e for t, e in zip(theta, d)])
H = mp.matrix(n, n)
for i in range(n):
    e = [0] * n; e[i] = h[i]
    H[i, i] = (at(e) - 2 * f0 + at([-v for v in e])) / h[i] ** 2
    for j in range(i):
        pp = [0] * n; pp[i] = h[i]; pp[j] = h[j]
        pm = [0] * n; pm[i] = h[i]; pm[j] = -h[j]
        H[i, j] = H[j, i] = (at(pp) - at(pm) - at([-v for v in pm]) + at([-v for v in pp])) / (4 * h[i] * h[j])
cov = (-H) ** -1
print([mp.nstr(mp.sqrt(cov[i, i]), 12) for i in range(n)])
