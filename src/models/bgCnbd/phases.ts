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
 * The NB(s, z) pmf around its mode: P(N = mode) = `top`, P(N = mode - 1 - i) = `down[i]`
 * for i < `nDown`, P(N = mode + 1 + i) = `up[i]` for i < `nUp`. The buffers are reused by
 * the next call: read them first.
 */
export interface NbSpan {
  mode: number;
  top: number;
  nDown: number;
  nUp: number;
  down: Float64Array;
  up: Float64Array;
}

let downBuf: Float64Array = new Float64Array(256);
let upBuf: Float64Array = new Float64Array(256);

function grow(buf: Float64Array, need: number): Float64Array {
  if (need < buf.length) return buf;
  const next = new Float64Array(Math.max(need + 1, 2 * buf.length));
  next.set(buf);
  return next;
}

/** The NB(s, z) pmf over the span of m that holds its mass; z = 0 is the point mass at 0. */
export function nbSpan(s: number, z: number): NbSpan {
  if (!(z > 0)) return { mode: 0, top: 1, nDown: 0, nUp: 0, down: downBuf, up: upBuf };
  const mode = Math.max(0, Math.floor(((s - 1) * z) / (1 - z)));
  const top = Math.exp(logGammaRatio(s, mode) - logGamma(mode + 1) + s * Math.log1p(-z) + mode * Math.log(z));
  // downward: P(m-1) = P(m) m / ((s+m-1) z)
  let nDown = 0;
  let v = top;
  for (let m = mode; m > 0; m--) {
    v *= m / ((s + m - 1) * z);
    if (v < TAIL * top) break;
    downBuf = grow(downBuf, nDown);
    downBuf[nDown++] = v;
  }
  // upward: P(m+1) = P(m) (s+m) z / (m+1)
  let nUp = 0;
  v = top;
  for (let m = mode; ; m++) {
    v *= ((s + m) * z) / (m + 1);
    if (v < TAIL * top) break;
    upBuf = grow(upBuf, nUp);
    upBuf[nUp++] = v;
  }
  return { mode, top, nDown, nUp, down: downBuf, up: upBuf };
}

/** Σ_m P(N = m) h(m) over a span, h read from the array H at index ⌊(m + j)/k⌋. */
function spanSum(w: NbSpan, j: number, k: number, H: Float64Array): number {
  let sum = w.top * (H[Math.floor((w.mode + j) / k)] as number);
  for (let i = 0; i < w.nDown; i++) sum += (w.down[i] as number) * (H[Math.floor((w.mode - 1 - i + j) / k)] as number);
  for (let i = 0; i < w.nUp; i++) sum += (w.up[i] as number) * (H[Math.floor((w.mode + 1 + i + j) / k)] as number);
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
 * Σ_j π_j Σ_m NB(m; s + j, z) g(⌊(m + j)/k⌋). `g` is called for K = 0, 1, 2, ... in
 * increasing order, each once, so a g that accumulates (a running sum) is computed on the way.
 */
export function phaseSum(s: number, z: number, k: number, weights: Float64Array, g: (K: number) => number): number {
  let filled = 0;
  let total = 0;
  for (let j = 0; j < k; j++) {
    const pj = weights[j] as number;
    if (!(pj > 0)) continue;
    const w = nbSpan(s + j, z);
    const Kmax = Math.floor((w.mode + w.nUp + j) / k);
    gBuf = grow(gBuf, Kmax);
    for (; filled <= Kmax; filled++) gBuf[filled] = g(filled);
    total += pj * spanSum(w, j, k, gBuf);
  }
  return total;
}
