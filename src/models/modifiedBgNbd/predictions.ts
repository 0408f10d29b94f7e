/**
 * MBG/NBD (modified BG/NBD) predictions (Batislam, Denizel & Filiztekin 2007): BG/NBD with a dropout
 * opportunity at time 0, so the posterior dropout probability after x purchases is
 * Beta(a, b + x + 1).
 * @internal
 */
import { logHyp2f1 } from '../../math/hyp2f1.js';
import { bridgeAtOne } from '../../math/limits.js';
import { bracket as bgBracket, integrateOverP, overP, purchasesGivenP, survivalAhead as bgSurvivalAhead } from '../bgNbd/predictions.js';
import type { BgNbdParams } from '../bgNbd/likelihood.js';

/** P(alive | x, t_x, T) = 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^(r+x)). */
export function alive(p: BgNbdParams, x: number, tx: number, T: number): number {
  const D = Math.log(p.a / (p.b + x)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return D > 0 ? Math.exp(-D) / (1 + Math.exp(-D)) : 1 / (1 + Math.exp(D));
}

/**
 * E[X(t)] = b/(a-1) [1 - (α/(α+t))^r 2F1(r, b+1; a+b; t/(α+t))]
 * (individual level E = ((1-p)/p)(1 - e^(-λpt)), integrated over λ and p).
 */
export function expected(p: BgNbdParams, t: number): number {
  if (t <= 0) return 0;
  // t -> 0: E[X(t)] = E[λ] t P(alive at 0) (1 + O(t/α)), where the 2F1 form loses every digit
  if (t / (p.alpha + t) < 1e-12) return (p.r / p.alpha) * t * (p.b / (p.a + p.b));
  // a + b beyond 1e10: p is a point mass at a/(a+b) (relative error about 1/(a+b)), E = (1-p)/p (1 - (α/(α+pt))^r)
  if (p.a + p.b > 1e10) {
    const q = p.a / (p.a + p.b);
    return (p.b / p.a) * -Math.expm1(-p.r * Math.log1p((q * t) / p.alpha));
  }
  // E_p[(1-p)/p (1 - (α/(α+pt))^r)] when 2F1 cannot be used
  if (integrateOverP(p.a, p.b, p.r)) return overP(p.a, p.b, (q, notQ) => notQ * purchasesGivenP(q, p.r, p.alpha, t));
  const { r, alpha, b } = p;
  const z = t / (alpha + t);
  return bridgeAtOne(p.a, (a) => {
    // Euler: 2F1(r, b+1; a+b; z) = (1-z)^(a-1-r) 2F1(a+b-r, a-1; a+b; z); times (1-z)^r
    const h = logHyp2f1(a + b - r, a - 1, a + b, z);
    return (b / (a - 1)) * (1 - h.sign * Math.exp((a - 1) * Math.log1p(-z) + h.log));
  });
}

/**
 * E[Y(t) | alive, x, T]: the conditional expectation without the P(alive) factor. An alive
 * MBG/NBD customer's dropout probability has the posterior Beta(a, b + x + 1), one more
 * survived opportunity than BG/NBD's Beta(a, b + x): the bracket is BG/NBD's with b + 1.
 */
export function bracket(p: BgNbdParams, x: number, T: number, t: number): number {
  return bgBracket({ ...p, b: p.b + 1 }, x, T, t);
}

/**
 * P(no dropout in the next t | alive at T): ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x+1; t/(α+T+t)),
 * BG/NBD's with b + 1 (see {@link bracket}).
 */
export function survivalAhead(p: BgNbdParams, x: number, T: number, t: number): number {
  return bgSurvivalAhead({ ...p, b: p.b + 1 }, x, T, t);
}
