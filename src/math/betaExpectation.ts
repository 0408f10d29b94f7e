/**
 * E[g(p)] for p ~ Beta(a, b) with large a and b, by quadrature in logit space, where the
 * density is smooth and near-Gaussian (log-concave for any a, b > 0):
 *
 * with u = log(p / (1 - p)) = u* + Δ, u* = log(a / b) the mode, the density relative to
 * the mode is exp(φ(Δ)), φ(Δ) = -a (e^Δ - 1 - Δ) - (a + b) (log1p(w) - w),
 * w = p* (e^Δ - 1), p* = a / (a + b) for Δ <= 0 (and its mirror image for Δ > 0), written so
 * that nothing cancels however large a and b are (the plain form a u - (a+b) log(1 + e^u) loses every digit at a, b = 1e12). The
 * normalizing constant is integrated with the same nodes, so no log-gamma is involved.
 * Composite 8-point Gauss-Legendre on panels of one standard deviation, out to where
 * the density is below e^-60 of its peak.
 * @internal
 */
import { gaussLegendre } from './quadrature.js';

/** e^x - 1 - x without cancellation. */
function expm1MinusX(x: number): number {
  if (Math.abs(x) > 0.1) return Math.expm1(x) - x;
  let term = (x * x) / 2;
  let sum = term;
  for (let k = 3; k < 30; k++) {
    term *= x / k;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** log(1 + w) - w without cancellation. */
function log1pMinusW(w: number): number {
  if (Math.abs(w) > 0.1) return Math.log1p(w) - w;
  let power = w * w;
  let sum = -power / 2;
  for (let k = 3; k < 40; k++) {
    power *= -w;
    const term = -power / k;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** A node set for one (a, b): logit offsets' p and q = 1 - p, and normalized weights. */
export interface BetaNodes {
  readonly p: Float64Array;
  readonly q: Float64Array;
  readonly w: Float64Array;
}

const cache = new Map<string, BetaNodes>();

/** Quadrature nodes for Beta(a, b), normalized so that Σ w = 1 (cached for the last few (a, b)). */
export function betaNodes(a: number, b: number): BetaNodes {
  const key = `${a}|${b}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const pStar = a / (a + b);
  const qStar = b / (a + b);
  // left of the mode as in the module comment; right of it the mirror form (a <-> b, Δ <-> -Δ),
  // -b (e^-Δ - 1 + Δ) - (a+b) (log1p(w') - w'), w' = q* (e^-Δ - 1): in both, e^(±Δ) - 1 stays
  // in (-1, 0), so nothing overflows or cancels however far out
  const phi = (d: number): number =>
    d <= 0
      ? -a * expm1MinusX(d) - (a + b) * log1pMinusW(pStar * Math.expm1(d))
      : -b * expm1MinusX(-d) - (a + b) * log1pMinusW(qStar * Math.expm1(-d));
  const sigma = Math.sqrt(1 / a + 1 / b);
  const step = sigma;
  // out to where the density is below e^-60 of its peak on each side
  let lo = 0;
  while (phi(lo - step) > -60 && lo > -4000 * sigma) lo -= step;
  let hi = 0;
  while (phi(hi + step) > -60 && hi < 4000 * sigma) hi += step;
  lo -= step;
  hi += step;
  const rule = gaussLegendre(8);
  const panels = Math.round((hi - lo) / step);
  const m = panels * 8;
  const p = new Float64Array(m);
  const q = new Float64Array(m);
  const w = new Float64Array(m);
  const uStar = Math.log(a / b);
  let total = 0;
  for (let k = 0; k < panels; k++) {
    const mid = lo + (k + 0.5) * step;
    for (let j = 0; j < 8; j++) {
      const d = mid + (step / 2) * (rule.x[j] as number);
      const u = uStar + d;
      const i = k * 8 + j;
      p[i] = 1 / (1 + Math.exp(-u));
      q[i] = 1 / (1 + Math.exp(u));
      const wi = (rule.w[j] as number) * Math.exp(phi(d));
      w[i] = wi;
      total += wi;
    }
  }
  for (let i = 0; i < m; i++) w[i] = (w[i] as number) / total;
  const nodes = { p, q, w };
  if (cache.size > 64) cache.clear();
  cache.set(key, nodes);
  return nodes;
}

/**
 * Nodes for Beta(a, b) with a or b small, where the density in logit space has heavy
 * (exponential) tails: a double-exponential substitution u = π sinh(t) of the logit, so the
 * nodes reach p = 1e-300 and 1 - p = 1e-300 (p = 1/(1+e^-u), 1 - p = 1/(1+e^u), both without
 * cancellation); density p^a (1-p)^b in log space; step `h` in t over [-6, 6] (logits to
 * ±634: the tails p^a of a = 0.05 are then below e^-30).
 */
export function betaNodesWide(a: number, b: number, h = 1 / 32): BetaNodes {
  const key = `w${a}|${b}|${h}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const m = 2 * Math.round(6 / h) + 1;
  const p = new Float64Array(m);
  const q = new Float64Array(m);
  const lw = new Float64Array(m);
  let top = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const t = (i - (m - 1) / 2) * h;
    const u = Math.PI * Math.sinh(t);
    // log p = -softplus(-u), log q = -softplus(u)
    const lp = u > 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
    const lq = u > 0 ? -u - Math.log1p(Math.exp(-u)) : -Math.log1p(Math.exp(u));
    p[i] = Math.exp(lp);
    q[i] = Math.exp(lq);
    lw[i] = a * lp + b * lq + Math.log(Math.PI * Math.cosh(t));
    if (lw[i]! > top) top = lw[i]!;
  }
  const w = new Float64Array(m);
  let total = 0;
  for (let i = 0; i < m; i++) total += w[i] = Math.exp((lw[i] as number) - top);
  for (let i = 0; i < m; i++) w[i] = (w[i] as number) / total;
  const nodes = { p, q, w };
  if (cache.size > 64) cache.clear();
  cache.set(key, nodes);
  return nodes;
}

/** E[g(p, 1 - p)] for p ~ Beta(a, b), a and b large (see the module comment). */
export function betaExpectation(a: number, b: number, g: (p: number, q: number) => number): number {
  return expectationOver(betaNodes(a, b), g);
}

/** E[g(p, 1 - p)] for p ~ Beta(a, b), any a, b > 0 of moderate size (see {@link betaNodesWide}). */
export function betaExpectationWide(a: number, b: number, g: (p: number, q: number) => number, h?: number): number {
  return expectationOver(betaNodesWide(a, b, h), g);
}

function expectationOver(nodes: BetaNodes, g: (p: number, q: number) => number): number {
  const { p, q, w } = nodes;
  let s = 0;
  for (let i = 0; i < w.length; i++) s += (w[i] as number) * g(p[i] as number, q[i] as number);
  return s;
}

/** E[g(p, 1 - p)] for p ~ Beta(a, b), any a, b > 0: the narrow-density nodes once both exceed 10, else the wide ones (step h). */
export function betaExpectationAny(a: number, b: number, g: (p: number, q: number) => number, h?: number): number {
  return a >= 10 && b >= 10 ? betaExpectation(a, b, g) : betaExpectationWide(a, b, g, h);
}
