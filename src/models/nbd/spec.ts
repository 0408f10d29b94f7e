import type { PurchaseModelSpec } from '../spec.js';
import { poissonWhileAlive } from '../predictions/futureDraws.js';
import { fitNbd } from './fit.js';
import { logLikelihood, type NbdParams } from './likelihood.js';
import { alive, bracket, discountedPurchases, expected, pmf, survivalAhead } from './predictions.js';
import { simulateNbd } from './simulate.js';

/** After x purchases in T, an NBD customer is a new one with λ ~ Gamma(r+x, α+T). */
function givenAlive(p: NbdParams, x: number, T: number): NbdParams {
  return { r: p.r + x, alpha: p.alpha + T };
}

/** NBD (no dropout): the registry's record. @internal */
export const nbdSpec: PurchaseModelSpec<NbdParams> = {
  kind: 'nbd',
  title: 'NBD',
  role: 'purchase',
  params: ['r', 'alpha'],
  // an NBD on the CDNOW sample (weeks), as this library fits it
  example: { r: 0.385, alpha: 12.07 },
  discrete: false,
  logLikelihood,
  expected,
  pmf,
  alive,
  bracket,
  survivalAhead,
  // λ ~ Gamma(r, α); no dropout
  mixing: (p) => [{ process: 'purchase', variable: 'λ', family: 'gamma', shape: p.r, rate: p.alpha }],
  discountedPurchases,
  // no dropout: λ ~ Gamma(r+x, α+T)
  drawFuture: (p, x, T, t, rng, on) => {
    const q = givenAlive(p, x, T);
    return poissonWhileAlive(rng.gamma(q.r, q.alpha), t, rng, on);
  },
  conditionalPmf: (p, n, x, _tx, T, t) => pmf(givenAlive(p, x, T), n, t),
  fit: fitNbd,
  simulate: simulateNbd,
};
