/**
 * Sums over the Erlang phases of the (M)BG/CNBD-k models. An Erlang-k inter-purchase time
 * is k exponential phases at rate λ, so over a window of length t the phases completed are
 * Poisson(λt), and with λ ~ Gamma(s, β) they are negative binomial NB(s, z), z = t/(β + t):
 * P(N = m) = Γ(s+m)/(Γ(s) m!) (1-z)^s z^m. A customer who has completed j phases of the
 * current interval makes ⌊(N + j)/k⌋ purchases in the window (while alive), so every
 * prediction is a sum Σ_m P(N = m) g(⌊(m + j)/k⌋) for a g given by the dropout process.
 * The sums run over the window of m that holds all but 1e-18 of the NB mass, reached from
 * the mode in both directions with the pmf's ratio recursion (no underflow at any size).
 * @internal
 */
import { logGamma, logGammaRatio } from '../../math/special.js';

/** NB mass below this fraction of the mode's is left out (its share is below 1e-16). */
const TAIL = 1e-18;

/**
 * The NB(s, z) pmf around its mode: P(N = mode) = `top`, and the mass of the m within
 * `step` of mode - (i+1)·step in `down[i]` (i < `nDown`), of mode + (i+1)·step in `up[i]`
 * (i < `nUp`). `step` is 1 (exact terms) unless the span is wider than {@link MAX_TERMS}:
 * then each entry is `step` times the pmf at its point (the midpoint rule, relative error
 * about (step / sd)^2 / 24 < 1e-6), so the work stays bounded for any parameters. The
 * buffers are reused by the next call: read them first.
 */
export interface NbSpan {
  mode: number;
  top: number;
  step: number;
  nDown: number;
  nUp: number;
  down: Float64Array;
  up: Float64Array;
}

/** Terms on each side of the mode beyond which the span is summed in strides. */
export const MAX_TERMS = 5_000;

let downBuf: Float64Array = new Float64Array(256);
let upBuf: Float64Array = new Float64Array(256);

function grow(buf: Float64Array, need: number): Float64Array {
  if (need < buf.length) return buf;
  const next = new Float64Array(Math.max(need + 1, 2 * buf.length));
  next.set(buf);
  return next;
}

/**
 * ln P(N = m) for N ~ NB(s, z), the success share z given by its odds q = z/(1-z) (for the
 * windows here q = t/(α+T), exact where z = t/(α+T+t) would round to 1): ln z =
 * -log1p(1/q), ln(1-z) = -log1p(q), and Γ(s+m)/m! as a ratio at the large argument m + 1
 * (the plain log Γ(s+m) - log Γ(m+1) keeps no digit at m ~ 1e16).
 */
export function nbLogPmf(s: number, q: number, m: number): number {
  return logGammaRatio(m + 1, s - 1) - logGamma(s) - s * Math.log1p(q) - (m === 0 ? 0 : m * Math.log1p(1 / q));
}

/** The NB(s, z) pmf (odds q = z/(1-z)) over the span of m that holds its mass; q = 0 is the point mass at 0. */
export function nbSpan(s: number, q: number): NbSpan {
  if (!(q > 0)) return { mode: 0, top: 1, step: 1, nDown: 0, nUp: 0, down: downBuf, up: upBuf };
  const z = q / (1 + q);
  const mode = Math.max(0, Math.floor((s - 1) * q));
  const lnTop = nbLogPmf(s, q, mode);
  const top = Math.exp(lnTop);
  const sd = Math.sqrt(s * z) * (1 + q);
  const step = 10 * sd > MAX_TERMS ? Math.ceil((10 * sd) / MAX_TERMS) : 1;
  let nDown = 0;
  let nUp = 0;
  if (step === 1) {
    // exact terms by the ratio recursion: P(m-1) = P(m) m / ((s+m-1) z), P(m+1) = P(m) (s+m) z / (m+1)
    let v = top;
    for (let m = mode; m > 0; m--) {
      v *= m / ((s + m - 1) * z);
      if (v < TAIL * top) break;
      downBuf = grow(downBuf, nDown);
      downBuf[nDown++] = v;
    }
    v = top;
    for (let m = mode; ; m++) {
      v *= ((s + m) * z) / (m + 1);
      if (v < TAIL * top) break;
      upBuf = grow(upBuf, nUp);
      upBuf[nUp++] = v;
    }
  } else {
    for (let m = mode - step; m >= 0; m -= step) {
      const v = Math.exp(nbLogPmf(s, q, m) - lnTop);
      if (v < TAIL) break;
      downBuf = grow(downBuf, nDown);
      downBuf[nDown++] = v * top * step;
    }
    for (let m = mode + step; ; m += step) {
      const v = Math.exp(nbLogPmf(s, q, m) - lnTop);
      if (v < TAIL) break;
      upBuf = grow(upBuf, nUp);
      upBuf[nUp++] = v * top * step;
    }
  }
  return { mode, top: step === 1 ? top : top * step, step, nDown, nUp, down: downBuf, up: upBuf };
}

/** Σ_m P(N = m) h(m) over a span, h read from the array H at index ⌊(m + j)/k⌋. */
function spanSum(w: NbSpan, j: number, k: number, H: Float64Array): number {
  const { mode, step } = w;
  let sum = w.top * (H[Math.floor((mode + j) / k)] as number);
  for (let i = 0; i < w.nDown; i++) sum += (w.down[i] as number) * (H[Math.floor((mode - (i + 1) * step + j) / k)] as number);
  for (let i = 0; i < w.nUp; i++) sum += (w.up[i] as number) * (H[Math.floor((mode + (i + 1) * step + j) / k)] as number);
  return sum;
}

/**
 * The posterior weights of j = 0..k-1 completed phases of an alive customer whose last
 * purchase was Δ = T - t_x ago, given λ | data ~ Gamma(s, β) (s = r + kx, β = α + T):
 * π_j ∝ Γ(s+j)/Γ(s) (Δ/β)^j / j! (the alive part of the likelihood), normalized, into `out`.
 */
export function phaseWeights(s: number, beta: number, delta: number, k: number, out: Float64Array): void {
  out.fill(0, 0, k);
  out[0] = 1;
  if (!(delta > 0) || k === 1) return;
  const lnRatio = Math.log(delta / beta);
  let max = 0;
  let ln = 0;
  for (let j = 1; j < k; j++) {
    ln += Math.log((s + j - 1) / j) + lnRatio;
    out[j] = ln;
    if (ln > max) max = ln;
  }
  out[0] = 0;
  let sum = 0;
  for (let j = 0; j < k; j++) sum += out[j] = Math.exp((out[j] as number) - max);
  for (let j = 0; j < k; j++) out[j] = (out[j] as number) / sum;
}

let gBuf: Float64Array = new Float64Array(256);

/**
 * How a prediction weighs K purchases in the window: `next()` gives g(0), g(1), ... in
 * order (cheap recurrences, for exact spans), `at(K)` gives g(K) directly (for strided
 * spans, whose K run far apart).
 */
export interface PurchaseWeight {
  next(): number;
  at(K: number): number;
}

/** Σ_j π_j Σ_m NB(m; s + j, z) g(⌊(m + j)/k⌋), z given by its odds q = z/(1-z). */
export function phaseSum(s: number, q: number, k: number, weights: Float64Array, g: PurchaseWeight): number {
  let filled = 0;
  let total = 0;
  for (let j = 0; j < k; j++) {
    const pj = weights[j] as number;
    if (!(pj > 0)) continue;
    const w = nbSpan(s + j, q);
    if (w.step === 1) {
      const Kmax = Math.floor((w.mode + w.nUp + j) / k);
      gBuf = grow(gBuf, Kmax);
      for (; filled <= Kmax; filled++) gBuf[filled] = g.next();
      total += pj * spanSum(w, j, k, gBuf);
    } else total += pj * stridedSum(w, j, k, g);
  }
  return total;
}

/** {@link spanSum} for a strided span: g evaluated directly at each point. */
function stridedSum(w: NbSpan, j: number, k: number, g: PurchaseWeight): number {
  const { mode, step } = w;
  let sum = w.top * g.at(Math.floor((mode + j) / k));
  for (let i = 0; i < w.nDown; i++) sum += (w.down[i] as number) * g.at(Math.floor((mode - (i + 1) * step + j) / k));
  for (let i = 0; i < w.nUp; i++) sum += (w.up[i] as number) * g.at(Math.floor((mode + (i + 1) * step + j) / k));
  return sum;
}
