/**
 * Test-only numerics, deliberately independent of src/math: tanh-sinh (double exponential)
 * quadrature, which handles the endpoint singularities of Beta densities.
 */

/** ∫_lo^hi f by tanh-sinh quadrature with step h (levels of halving until stable). */
export function tanhSinh(f: (x: number) => number, lo: number, hi: number): number {
  const d = (hi - lo) / 2;
  let prev = Number.NaN;
  for (let level = 1; level <= 9; level++) {
    const h = 2 ** -level;
    let s = 0;
    for (let k = -Math.ceil(4 / h); k <= Math.ceil(4 / h); k++) {
      const t = k * h;
      const u = (Math.PI / 2) * Math.sinh(t);
      const x = Math.tanh(u);
      const w = ((Math.PI / 2) * Math.cosh(t)) / Math.cosh(u) ** 2;
      // distance to the ends computed without cancellation
      const toEnd = 1 / (Math.exp(u) * Math.cosh(u)); // 1 - tanh(u)
      const toStart = 1 / (Math.exp(-u) * Math.cosh(u)); // 1 + tanh(u)
      if (toEnd === 0 || toStart === 0 || !Number.isFinite(w)) continue;
      const xx = x >= 0 ? hi - d * toEnd : lo + d * toStart;
      if (xx <= lo || xx >= hi) continue;
      const v = f(xx);
      if (Number.isFinite(v)) s += w * v;
    }
    const est = s * h * d;
    if (Math.abs(est - prev) <= 1e-12 * Math.abs(est)) return est;
    prev = est;
  }
  return prev;
}

/** E[h(p)] for p ~ Beta(a, b), normalizing numerically (no log-gamma involved). */
export function betaExpectation(a: number, b: number, h: (p: number) => number): number {
  const dens = (p: number): number => Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p));
  return tanhSinh((p) => dens(p) * h(p), 0, 1) / tanhSinh(dens, 0, 1);
}

/** Mean and standard error of the mean. */
export function meanSe(v: ArrayLike<number>): { mean: number; se: number } {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] as number;
  const mean = s / v.length;
  let q = 0;
  for (let i = 0; i < v.length; i++) q += ((v[i] as number) - mean) ** 2;
  return { mean, se: Math.sqrt(q / (v.length - 1) / v.length) };
}

/**
 * E[h(p)] for p ~ Beta(a, b) with a, b > 1 and a narrow density: composite Simpson in p on
 * the mode ± 14 standard deviations, the density relative to its mode (so nothing underflows).
 */
export function narrowBetaExpectation(a: number, b: number, h: (p: number) => number, intervals = 4000): number {
  const mode = (a - 1) / (a + b - 2);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const lo = Math.max(0, mode - 14 * sd);
  const hi = Math.min(1, mode + 14 * sd);
  const at = Math.log(mode);
  const bt = Math.log1p(-mode);
  const dens = (p: number): number => Math.exp((a - 1) * (Math.log(p) - at) + (b - 1) * (Math.log1p(-p) - bt));
  const step = (hi - lo) / intervals;
  let num = 0;
  let den = 0;
  for (let i = 0; i <= intervals; i++) {
    const p = lo + i * step;
    if (p <= 0 || p >= 1) continue;
    const w = i === 0 || i === intervals ? 1 : i % 2 ? 4 : 2;
    const d = dens(p);
    num += w * d * h(p);
    den += w * d;
  }
  return num / den;
}

/** ψ(x) for x > 0, written here (independent of src/math): recurrence to x >= 10, then the asymptotic series. */
export function digammaRef(x: number): number {
  let s = 0;
  while (x < 10) {
    s -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return s + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
