import type { PurchaseModelSpec } from '../spec.js';
import { withDead } from '../predictions/shared.js';
import { poissonWhileAlive } from '../predictions/futureDraws.js';
import { fitParetoNbd } from './fit.js';
import { alive, logLikelihood, rowLogLik, type ParetoNbdParams } from './likelihood.js';
import { omegaBounds, sarmanovComponents } from './correlation.js';
import { bracket, dert, expected, pmf, survivalAhead } from './predictions.js';
import { simulateParetoNbd } from './simulate.js';

/** A customer alive at T with x purchases is a new customer at these parameters: λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T). */
function givenAlive(p: ParetoNbdParams, x: number, T: number): ParetoNbdParams {
  return { r: p.r + x, alpha: p.alpha + T, s: p.s, beta: p.beta + T };
}

/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987): the registry's record. @internal */
export const paretoNbdSpec: PurchaseModelSpec<ParetoNbdParams> = {
  kind: 'pareto-nbd',
  title: 'Pareto/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 's', 'beta'],
  // Fader, Hardie & Lee (2005), CDNOW sample, weeks
  example: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
  discrete: false,
  logLikelihood,
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
  correlation: { components: sarmanovComponents, bounds: omegaBounds, rowLogLikelihood: rowLogLik },
  // CLVTools 0.12: α_i = α e^(-γ_purchase'z), β_i = β e^(-γ_dropout'z)
  covariateLinks: { purchase: [{ param: 'alpha', sign: -1 }], dropout: [{ param: 'beta', sign: -1 }] },
  fit: fitParetoNbd,
  simulate: simulateParetoNbd,
};
