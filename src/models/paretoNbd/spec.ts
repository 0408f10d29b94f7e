import type { PurchaseModelSpec } from '../spec.js';
import { paretoNbdFitSpec } from './fitSpec.js';
import { withDead } from '../predictions/shared.js';
import { poissonWhileAlive } from '../predictions/futureDraws.js';
import { alive, type ParetoNbdParams } from './likelihood.js';
import { bracket, dert, expected, pmf, survivalAhead } from './predictions.js';
import { simulateParetoNbd } from './simulate.js';

/** A customer alive at T with x purchases is a new customer at these parameters: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T). */
function givenAlive(p: ParetoNbdParams, x: number, T: number): ParetoNbdParams {
  return { r: p.r + x, alpha: p.alpha + T, s: p.s, beta: p.beta + T };
}

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): the registry's record. @internal */
export const paretoNbdSpec: PurchaseModelSpec<ParetoNbdParams> = {
  ...paretoNbdFitSpec,
  expected,
  pmf,
  alive,
  bracket,
  survivalAhead,
  // Schmittlein et al. (1987): λ ~ Gamma(r, α), μ ~ Gamma(s, β)
  mixing: (p) => [{ process: 'purchase', variable: 'λ', family: 'gamma', shape: p.r, rate: p.alpha }, { process: 'dropout', variable: 'μ', family: 'gamma', shape: p.s, rate: p.beta }],
  discountedPurchases: dert,
  // given alive at T: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), a new customer at those parameters
  conditionalPmf: (p, n, x, tx, T, t) => withDead(alive(p, x, tx, T), pmf(givenAlive(p, x, T), n, t), n),
  // λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), an exponential lifetime from T
  drawFuture: (p, x, T, t, rng, on) => {
    const q = givenAlive(p, x, T);
    return poissonWhileAlive(rng.gamma(q.r, q.alpha), Math.min(t, rng.exponential(rng.gamma(q.s, q.beta))), rng, on);
  },
  simulate: simulateParetoNbd,
};
