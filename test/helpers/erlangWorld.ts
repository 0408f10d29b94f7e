/**
 * A test-only simulator of the (M)BG/CNBD-k world, written apart from the library's
 * (its own generator; Erlang gaps as sums of k exponentials; alive at T and at T + t both
 * recorded), so that predictions are checked against outcomes the library did not produce.
 */

/** mulberry32: a small seeded uniform generator on (0, 1). */
export function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296);
  };
}

/** Gamma(shape, rate) by Marsaglia-Tsang with the shape < 1 boost; normals by Box-Muller. */
export function gammaDraw(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaDraw(u, shape + 1, rate) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export interface ErlangWorld {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  logIntervalSum: Float64Array;
  aliveAtT: Uint8Array;
  aliveAfter: Uint8Array;
  holdout: Float64Array;
}

/**
 * Customers observed for T with a holdout of t: λ ~ Gamma(r, α), p ~ Beta(a, b), gaps
 * Erlang(k, λ), dropout with probability p after each purchase (and at time 0 when `mbg`).
 */
export function erlangWorld(p: { k: number; r: number; alpha: number; a: number; b: number }, n: number, T: number, t: number, mbg: boolean, seed: number): ErlangWorld {
  const u = uniforms(seed);
  const w: ErlangWorld = {
    frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n).fill(T),
    logIntervalSum: new Float64Array(n), aliveAtT: new Uint8Array(n), aliveAfter: new Uint8Array(n), holdout: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const lambda = gammaDraw(u, p.r, p.alpha);
    const ga = gammaDraw(u, p.a, 1);
    const q = ga / (ga + gammaDraw(u, p.b, 1));
    let deathAt = mbg && u() < q ? 0 : Number.POSITIVE_INFINITY;
    let now = 0;
    while (deathAt === Number.POSITIVE_INFINITY) {
      let gap = 0;
      for (let j = 0; j < p.k; j++) gap -= Math.log(u()) / lambda;
      now += gap;
      if (now > T + t) break;
      if (now <= T) {
        w.frequency[i] = w.frequency[i]! + 1;
        w.recency[i] = now;
        w.logIntervalSum[i] = w.logIntervalSum[i]! + Math.log(gap);
      } else w.holdout[i] = w.holdout[i]! + 1;
      if (u() < q) deathAt = now;
    }
    w.aliveAtT[i] = deathAt > T ? 1 : 0;
    w.aliveAfter[i] = deathAt > T + t ? 1 : 0;
  }
  return w;
}
