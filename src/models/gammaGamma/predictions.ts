/**
 * Gamma-Gamma predictions (Fader, Hardie & Lee 2005b).
 * @internal
 */
import type { GammaGammaParams } from './likelihood.js';

/**
 * E[M | p, q, v, m, x] = p (v + x m) / (p x + q - 1), Fader, Hardie & Lee (2005b) eq. (5):
 * a weighted mean of the population mean p v / (q - 1) and the observed mean m. For x = 0
 * the population mean (finite when q > 1). Infinity when p x + q <= 1: the expectation
 * diverges (the posterior mean of 1/ν does not exist).
 */
export function conditionalSpend(g: GammaGammaParams, x: number, m: number): number {
  // the posterior of ν is Gamma(p x + q, v + x m): E[p / ν] is finite only when p x + q > 1
  const shape = g.p * x + g.q;
  if (!(shape > 1)) return Number.POSITIVE_INFINITY;
  return (g.p * (g.v + x * m)) / (shape - 1);
}
