# Independent MBG/NBD fit on the CDNOW summary (Batislam, Denizel & Filiztekin 2007
# likelihood, written here with mpmath log-gamma, maximized with scipy's Nelder-Mead).
# Run: python3 scripts/reference/mbg_nbd_cdnow.py
import csv, math
import mpmath as mp
from scipy.optimize import minimize
rows = {}
with open('../shared/datasets/cdnow_customers_summary.csv') as f:
    for r in csv.DictReader(f):
        k = (int(r['frequency']), float(r['recency']), float(r['T']))
        rows[k] = rows.get(k, 0) + 1
lb = lambda a, b: mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
def nll(v):
    r, al, a, b = [mp.mpf(math.exp(t)) for t in v]
    tot = 0
    for (x, tx, T), w in rows.items():
        c = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
        t1 = lb(a, b + x + 1) - lb(a, b) - (r + x) * mp.log(al + T)
        t2 = lb(a + 1, b + x) - lb(a, b) - (r + x) * mp.log(al + tx)
        tot += w * (c + mp.log(mp.e ** t1 + mp.e ** t2))
    return float(-tot)
res = minimize(nll, [math.log(v) for v in (0.5, 6, 0.9, 1.6)], method='Nelder-Mead', options={'xatol': 1e-10, 'fatol': 1e-10, 'maxiter': 5000})
print([math.exp(t) for t in res.x], -res.fun)
