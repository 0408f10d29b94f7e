/**
 * Gauss-Legendre quadrature: nodes by Newton's method on the Legendre polynomials (cached),
 * and an adaptive version that bisects until two orders agree.
 * @internal
 */

const cache = new Map<number, { x: Float64Array; w: Float64Array }>();

/** Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1]. */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const hit = cache.get(n);
  if (hit) return hit;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    const wi = 2 / ((1 - z * z) * dp * dp);
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  const rule = { x, w };
  cache.set(n, rule);
  return rule;
}

/** ∫_lo^hi f with a fixed n-point rule. */
export function integrateFixed(f: (t: number) => number, lo: number, hi: number, n = 32): number {
  const { x, w } = gaussLegendre(n);
  const half = (hi - lo) / 2;
  const mid = (hi + lo) / 2;
  let s = 0;
  for (let i = 0; i < n; i++) s += (w[i] as number) * f(mid + half * (x[i] as number));
  return s * half;
}

/**
 * ∫_lo^hi f, adaptive: a 20-point and a 40-point rule per interval, bisecting where they
 * differ by more than the interval's share of `tol` times the whole integral's first
 * estimate (each half gets half the allowance, so the errors add up to at most the target),
 * at most 30 levels deep and 4,000 intervals in all: the work is bounded for any integrand
 * (a spike narrower than the budget resolves is integrated to the accuracy the budget gives).
 */
export function integrate(f: (t: number) => number, lo: number, hi: number, tol = 1e-12): number {
  const whole = integrateFixed(f, lo, hi, 40);
  const budget = { left: 4000 };
  return refine(f, lo, hi, whole, tol * Math.max(Math.abs(whole), 1e-300), 0, budget);
}

function refine(f: (t: number) => number, lo: number, hi: number, b: number, allowance: number, depth: number, budget: { left: number }): number {
  const a = integrateFixed(f, lo, hi, 20);
  if (Math.abs(a - b) <= allowance || depth >= 30 || budget.left <= 0) return b;
  budget.left -= 2;
  const mid = (lo + hi) / 2;
  const left = integrateFixed(f, lo, mid, 40);
  const right = integrateFixed(f, mid, hi, 40);
  return refine(f, lo, mid, left, allowance / 2, depth + 1, budget) + refine(f, mid, hi, right, allowance / 2, depth + 1, budget);
}
