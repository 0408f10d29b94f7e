import { logGamma } from './special.js';

/** Result of a log-space 2F1 evaluation: value = sign * exp(log). */
export interface SignedLog {
  log: number;
  sign: number;
}

const MAX_TERMS = 100_000;

/**
 * Maclaurin series of 2F1(a, b; c; z) for 0 <= z < 1, summed with a running scale so that
 * terms never overflow: returns log|sum| and its sign. Converges for |z| < 1; the number of
 * terms grows like log(eps) / log(z) once k exceeds |a|, |b| and |c|.
 */
function seriesLog(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let scale = 0; // log of a factor taken out of term and sum
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    if (ratio === 0) break;
    term *= ratio;
    sum += term;
    const at = Math.abs(term);
    if (at > 1e280 || Math.abs(sum) > 1e280) {
      term /= 1e200;
      sum /= 1e200;
      scale += 460.51701859880916; // log(1e200)
    }
    // stop once the terms are negligible and decreasing
    if (at <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1 && k > Math.abs(a) + Math.abs(b)) break;
    if (k === MAX_TERMS - 1) return { log: Number.NaN, sign: 0 };
  }
  return { log: scale + Math.log(Math.abs(sum)), sign: sum < 0 ? -1 : 1 };
}

/** Rough count of series terms: how far the term ratio stays >= z^(1/2). */
function cost(a: number, b: number, c: number, z: number): number {
  // terms grow while (a+k)(b+k) z > (c+k)(k+1); afterwards they shrink geometrically by ~z
  const grow = Math.max(0, (Math.abs(a) + Math.abs(b)) * z - Math.abs(c) * (1 - z)) / Math.max(1e-3, 1 - z);
  return grow + 37 / Math.max(1e-3, -Math.log(Math.max(z, 1e-300)));
}

/**
 * log 2F1(a, b; c; z) for real a, b, c (c not a non-positive integer) and 0 <= z < 1, as
 * `{ log, sign }`. Chooses between the direct series and Euler's transformation
 * 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z) (Abramowitz & Stegun
 * 15.3.3), whichever converges faster: the BTYD models evaluate 2F1(r + x, b + x;
 * a + b + x - 1; z) whose Euler form has small numerator parameters for any x, so it stays
 * fast and accurate for large frequencies and z near 1. For z close to 1 with both forms
 * slow, the transformation to 1 - z (A&S 15.3.6) is used when c - a - b is not close to an
 * integer.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): SignedLog {
  if (z === 0 || a === 0 || b === 0) return { log: 0, sign: 1 };
  if (!(z >= 0 && z < 1)) return { log: Number.NaN, sign: 0 };
  const direct = cost(a, b, c, z);
  const euler = cost(c - a, c - b, c, z);
  if (z > 0.9 && Math.min(direct, euler) > 2000) {
    const m = c - a - b;
    if (Math.abs(m - Math.round(m)) > 1e-3) {
      const r = oneMinusZ(a, b, c, z);
      if (Number.isFinite(r.log)) return r;
    }
  }
  if (euler < direct) {
    const s = seriesLog(c - a, c - b, c, z);
    return { log: s.log + (c - a - b) * Math.log1p(-z), sign: s.sign };
  }
  return seriesLog(a, b, c, z);
}

/** 2F1(a, b; c; z) as a plain number (may overflow to Infinity for extreme arguments). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z);
  return r.sign * Math.exp(r.log);
}

/** Γ(x) with its sign, in log space. */
function signedLogGamma(x: number): SignedLog {
  if (x > 0) return { log: logGamma(x), sign: 1 };
  // Γ(x) for x < 0 has the sign (-1)^ceil(-x)
  const sign = Math.ceil(-x) % 2 === 0 ? 1 : -1;
  return { log: logGamma(x), sign };
}

/**
 * A&S 15.3.6: 2F1(a,b;c;z) = Γ(c)Γ(c-a-b)/(Γ(c-a)Γ(c-b)) 2F1(a,b;a+b-c+1;1-z)
 *   + (1-z)^(c-a-b) Γ(c)Γ(a+b-c)/(Γ(a)Γ(b)) 2F1(c-a,c-b;c-a-b+1;1-z).
 */
function oneMinusZ(a: number, b: number, c: number, z: number): SignedLog {
  const w = 1 - z;
  const m = c - a - b;
  const gc = signedLogGamma(c);
  const t1g = [gc, signedLogGamma(m), signedLogGamma(c - a), signedLogGamma(c - b)] as const;
  const s1 = seriesLog(a, b, 1 - m, w);
  const log1 = t1g[0].log + t1g[1].log - t1g[2].log - t1g[3].log + s1.log;
  const sign1 = t1g[0].sign * t1g[1].sign * t1g[2].sign * t1g[3].sign * s1.sign;
  const t2g = [gc, signedLogGamma(-m), signedLogGamma(a), signedLogGamma(b)] as const;
  const s2 = seriesLog(c - a, c - b, m + 1, w);
  const log2 = m * Math.log(w) + t2g[0].log + t2g[1].log - t2g[2].log - t2g[3].log + s2.log;
  const sign2 = t2g[0].sign * t2g[1].sign * t2g[2].sign * t2g[3].sign * s2.sign;
  const hi = Math.max(log1, log2);
  const v = sign1 * Math.exp(log1 - hi) + sign2 * Math.exp(log2 - hi);
  if (!(Math.abs(v) > 1e-8)) return { log: Number.NaN, sign: 0 }; // cancellation: let the caller use a series
  return { log: hi + Math.log(Math.abs(v)), sign: v < 0 ? -1 : 1 };
}
