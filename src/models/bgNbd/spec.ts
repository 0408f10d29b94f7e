import type { PurchaseModelSpec } from '../spec.js';
import { bgNbdFitSpec } from './fitSpec.js';
import type { Random } from '../../math/random.js';
import { withDead } from '../predictions/shared.js';
import { poissonUntilDropout } from '../predictions/futureDraws.js';
import type { BgNbdParams } from './likelihood.js';
import { alive, aliveMany, bracket, expected, pmf, survivalAhead } from './predictions.js';
import { simulateBgNbd } from './simulate.js';

/**
 * A BG/NBD-type customer alive at T with x purchases is a new BG/NBD customer at these
 * parameters: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+survived), `survived` the dropout
 * chances beyond the x purchases (MBG/NBD: the one at time 0). @internal
 */
export function bgGivenAlive(p: BgNbdParams, x: number, T: number, survived: number): BgNbdParams {
  return { r: p.r + x, alpha: p.alpha + T, a: p.a, b: p.b + x + survived };
}

/** A new BG/NBD customer's purchases over the next t: Poisson(λ), a dropout chance after each. @internal */
export function drawBgFuture(q: BgNbdParams, t: number, rng: Random, onPurchase: (tau: number) => void): number {
  return poissonUntilDropout(rng.gamma(q.r, q.alpha), rng.beta(q.a, q.b), t, rng, onPurchase);
}

/** BG/NBD (Fader, Hardie & Lee 2005): the registry's record. @internal */
export const bgNbdSpec: PurchaseModelSpec<BgNbdParams> = {
  ...bgNbdFitSpec,
  expected,
  pmf: (p, n, t) => pmf(p, n, t),
  alive,
  aliveMany,
  bracket,
  survivalAhead,
  // FHL (2005): λ ~ Gamma(r, α), p ~ Beta(a, b)
  mixing: (p) => [{ process: 'purchase', variable: 'λ', family: 'gamma', shape: p.r, rate: p.alpha }, { process: 'dropout', variable: 'p', family: 'beta', a: p.a, b: p.b }],
  // given alive at T: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x) (x dropouts survived)
  conditionalPmf: (p, n, x, tx, T, t) => withDead(alive(p, x, tx, T), pmf(bgGivenAlive(p, x, T, 0), n, t), n),
  // λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), a dropout chance after each purchase
  drawFuture: (p, x, T, t, rng, on) => drawBgFuture(bgGivenAlive(p, x, T, 0), t, rng, on),
  simulate: simulateBgNbd,
};
