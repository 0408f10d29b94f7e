# Independent maximum-likelihood fit of the Pareto/NBD on the CDNOW summary, for the test
# tolerance: log-likelihood of Fader & Hardie (2005) eq. (22) written here with mpmath's
# hyp2f1 (30 digits), maximized with scipy's Nelder-Mead at a tight tolerance.
# Run: python3 scripts/reference/pareto_nbd_cdnow.py
import csv, math
import mpmath as mp
from scipy.optimize import minimize
mp.mp.dps = 30
rows = {}
with open('../shared/datasets/cdnow_customers_summary.csv') as f:
    for r in csv.DictReader(f):
        k = (int(r['frequency']), float(r['recency']), float(r['T']))
        rows[k] = rows.get(k, 0) + 1

def ll(params):
    r, a, s, b = [mp.mpf(math.exp(v)) for v in params]
    tot = mp.mpf(0)
    for (x, tx, T), w in rows.items():
        k = r + s + x
        if a >= b:
            A0 = mp.hyp2f1(k, s + 1, k + 1, (a - b) / (a + tx)) / (a + tx) ** k - mp.hyp2f1(k, s + 1, k + 1, (a - b) / (a + T)) / (a + T) ** k
        else:
            A0 = mp.hyp2f1(k, r + x, k + 1, (b - a) / (b + tx)) / (b + tx) ** k - mp.hyp2f1(k, r + x, k + 1, (b - a) / (b + T)) / (b + T) ** k
        L = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(a) + s * mp.log(b) + mp.log((a + T) ** -(r + x) * (b + T) ** -s + s / k * A0)
        tot += w * L
    return float(-tot)

res = minimize(ll, [math.log(v) for v in (0.55, 10.6, 0.6, 11.7)], method='Nelder-Mead',
               options={'xatol': 1e-9, 'fatol': 1e-10, 'maxiter': 4000})
print([math.exp(v) for v in res.x], -res.fun)
