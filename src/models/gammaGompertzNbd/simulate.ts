import { gammaGompertzNbdSpec } from './spec.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';

/**
 * Draw customers from a Gamma-Gompertz/NBD model (Bemmaor & Glady 2012): λ ~ Gamma(r, α),
 * η ~ Gamma(s, β), a Gompertz lifetime with survival exp(-η (e^(bτ) - 1)), drawn as
 * τ = ln(1 + E/η) / b with E ~ Exponential(1); purchases at Poisson rate λ while alive.
 *
 * @example
 * ```ts
 * const sim = simulateGammaGompertzNbd({ r: 0.55, alpha: 10.6, b: 0.05, s: 0.6, beta: 0.5 }, { customers: 1000, T: 39, seed: 3 });
 * ```
 */
export function simulateGammaGompertzNbd(model: SimulatorParams<'ggom-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateGammaGompertzNbd';
  const { r, alpha, b, s, beta } = simulatorParams(fn, gammaGompertzNbdSpec, model);
  const { n, Tof, rng, recordPoissonUntil, done } = setupSimulation(fn, options, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const eta = rng.gamma(s, beta);
    const death = Math.log1p(rng.exponential(1) / eta) / b;
    recordPoissonUntil(i, T, lambda, death);
  }
  return done();
}
