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

/**
 * {@link integrate} for a vector of integrands that share their shape (a function and its
 * parameter derivatives): `f(t, out)` fills `out[0..dim)`, the partition is chosen by the
 * error of component 0, and the integrals are added into `acc` (zeroed first). Scratch
 * buffers are reused, so a likelihood can call it once per row without allocating; at most
 * `maxIntervals` intervals (default 400) bound the work of one call.
 */
export function integrateMany(f: (t: number, out: Float64Array) => void, lo: number, hi: number, dim: number, tol: number, acc: Float64Array, maxIntervals = 400): void {
  acc.fill(0, 0, dim);
  ensureScratch(dim);
  const whole = fixedMany(f, lo, hi, 40, dim, 0);
  const budget = { left: maxIntervals };
  refineMany(f, lo, hi, dim, whole, tol * Math.max(Math.abs(whole[0] as number), 1e-300), 0, budget, acc);
}

let pool: Float64Array[] = [];
let poolDim = 0;
const point = { buf: new Float64Array(0) };

function ensureScratch(dim: number): void {
  if (poolDim === dim && pool.length > 0) return;
  poolDim = dim;
  pool = Array.from({ length: 3 * 32 }, () => new Float64Array(dim));
  point.buf = new Float64Array(dim);
}

/** The n-point rule for every component into pool slot `slot`. */
function fixedMany(f: (t: number, out: Float64Array) => void, lo: number, hi: number, n: number, dim: number, slot: number): Float64Array {
  const out = pool[slot] as Float64Array;
  out.fill(0);
  const { x, w } = gaussLegendre(n);
  const half = (hi - lo) / 2;
  const mid = (hi + lo) / 2;
  const v = point.buf;
  for (let i = 0; i < n; i++) {
    f(mid + half * (x[i] as number), v);
    const wi = (w[i] as number) * half;
    for (let d = 0; d < dim; d++) out[d] = (out[d] as number) + wi * (v[d] as number);
  }
  return out;
}

function refineMany(f: (t: number, out: Float64Array) => void, lo: number, hi: number, dim: number, b: Float64Array, allowance: number, depth: number, budget: { left: number }, acc: Float64Array): void {
  const slot = 3 * depth;
  const a0 = fixedMany(f, lo, hi, 20, dim, slot + 1)[0] as number;
  if (Math.abs(a0 - (b[0] as number)) <= allowance || depth >= 30 || budget.left <= 0) {
    for (let d = 0; d < dim; d++) acc[d] = (acc[d] as number) + (b[d] as number);
    return;
  }
  budget.left -= 2;
  const mid = (lo + hi) / 2;
  // the halves' 40-point estimates: the right one waits in slot + 2 while the left recurses
  // (the next depth uses slots from slot + 3 on)
  const right = fixedMany(f, mid, hi, 40, dim, slot + 2);
  const left = fixedMany(f, lo, mid, 40, dim, slot + 3);
  refineMany(f, lo, mid, dim, left, allowance / 2, depth + 1, budget, acc);
  refineMany(f, mid, hi, dim, right, allowance / 2, depth + 1, budget, acc);
}
