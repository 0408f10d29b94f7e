import type { PurchaseModelSpec } from '../spec.js';
import { withDead } from '../predictions/shared.js';
import { poissonUntilDropout } from '../predictions/futureDraws.js';
import { fitBgNbd } from './fit.js';
import { logLik, logLikelihood, prepare, type BgNbdParams } from './likelihood.js';
import { alive, aliveMany, bracket, expected, pmf, survivalAhead } from './predictions.js';
import { simulateBgNbd } from './simulate.js';

/** BG/NBD (Fader, Hardie & Lee 2005): the registry's record. @internal */
export const bgNbdSpec: PurchaseModelSpec<BgNbdParams> = {
  kind: 'bg-nbd',
  title: 'BG/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 'a', 'b'],
  // FHL (2005), CDNOW sample, weeks
  example: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  discrete: false,
  logLikelihood: (p, data) => logLikelihood(p, data),
  expected,
  pmf: (p, n, t) => pmf(p, n, t),
  alive,
  aliveMany,
  bracket,
  survivalAhead,
  // given alive at T: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x) (x dropouts survived)
  conditionalPmf: (p, n, x, tx, T, t) => withDead(alive(p, x, tx, T), pmf({ r: p.r + x, alpha: p.alpha + T, a: p.a, b: p.b + x }, n, t), n),
  // λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), a dropout chance after each purchase
  drawFuture: (p, x, T, t, rng, on) => poissonUntilDropout(rng.gamma(p.r + x, p.alpha + T), rng.beta(p.a, p.b + x), t, rng, on),
  // CLVTools 0.12: α_i = α e^(-γ_purchase'z), a_i = a e^(γ_dropout'z), b_i = b e^(γ_dropout'z)
  covariateLinks: { purchase: [{ param: 'alpha', sign: -1 }], dropout: [{ param: 'a', sign: 1 }, { param: 'b', sign: 1 }] },
  likelihoodOf: (data) => {
    const prep = prepare(data);
    return (theta, grad) => logLik(prep, theta, grad, 'bg');
  },
  fit: fitBgNbd,
  simulate: simulateBgNbd,
};
