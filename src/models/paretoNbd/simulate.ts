import { paretoNbdSpec } from './spec.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';

/**
 * Draw customers from a Pareto/NBD model: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime
 * ~ Exponential(μ), purchases at Poisson rate λ while alive.
 *
 * @example
 * ```ts
 * const sim = simulateParetoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { customers: 1000, T: 39, seed: 3 });
 * ```
 */
export function simulateParetoNbd(model: SimulatorParams<'pareto-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateParetoNbd';
  const { r, alpha, s, beta } = simulatorParams(fn, paretoNbdSpec, model);
  const { n, Tof, rng, recordPoissonUntil, done } = setupSimulation(fn, options, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const mu = rng.gamma(s, beta);
    const death = rng.exponential(mu);
    recordPoissonUntil(i, T, lambda, death);
  }
  return done();
}
