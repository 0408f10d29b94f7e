import type { PurchaseModelSpec } from '../spec.js';
import { gammaGompertzNbdFitSpec } from './fitSpec.js';
import { withDead } from '../predictions/shared.js';
import { poissonWhileAlive } from '../predictions/futureDraws.js';
import type { GammaGompertzNbdParams } from './likelihood.js';
import { alive, bracket, expected, pmf, survivalAhead } from './predictions.js';
import { simulateGammaGompertzNbd } from './simulate.js';

/**
 * A customer alive at T with x purchases is a new customer at these parameters:
 * λ ~ Gamma(r+x, α+T), and the lifetime from T on is Gamma-Gompertz with the same b, s and
 * β'' = β e^(-bT) + 1 - e^(-bT) (η e^(bT) ~ Gamma(s, β''), η | alive ~ Gamma(s, β + e^(bT) - 1)).
 */
function givenAlive(p: GammaGompertzNbdParams, x: number, T: number): GammaGompertzNbdParams {
  return { r: p.r + x, alpha: p.alpha + T, b: p.b, s: p.s, beta: p.beta * Math.exp(-p.b * T) - Math.expm1(-p.b * T) };
}

/** Gamma-Gompertz/NBD (Bemmaor & Glady 2012): the registry's record. @internal */
export const gammaGompertzNbdSpec: PurchaseModelSpec<GammaGompertzNbdParams> = {
  ...gammaGompertzNbdFitSpec,
  expected,
  pmf,
  alive,
  bracket,
  survivalAhead,
  // Bemmaor & Glady (2012): λ ~ Gamma(r, α), the Gompertz scale η ~ Gamma(s, β)
  mixing: (p) => [{ process: 'purchase', variable: 'λ', family: 'gamma', shape: p.r, rate: p.alpha }, { process: 'dropout', variable: 'η', family: 'gamma', shape: p.s, rate: p.beta }],
  conditionalPmf: (p, n, x, tx, T, t) => withDead(alive(p, x, tx, T), pmf(givenAlive(p, x, T), n, t), n),
  // the Gompertz lifetime from 0 of the customer given alive, by inversion: τ = log1p(E/η)/b
  drawFuture: (p, x, T, t, rng, on) => {
    const q = givenAlive(p, x, T);
    return poissonWhileAlive(rng.gamma(q.r, q.alpha), Math.min(t, Math.log1p(rng.exponential(1) / rng.gamma(q.s, q.beta)) / q.b), rng, on);
  },
  simulate: simulateGammaGompertzNbd,
};
