import { bgNbdSpec } from './spec.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';
import type { BgNbdParams } from './likelihood.js';

/**
 * Continuous-time purchase simulation shared by BG/NBD and MBG/NBD: purchases at Poisson
 * rate λ; after each purchase (and, for MBG/NBD, also at time 0) death with probability p.
 * @internal
 */
export function simulateBgFamily(fn: string, kind: 'bg-nbd' | 'mbg-nbd', p: BgNbdParams, o: SimulateOptions): SimulatedCustomers {
  const { r, alpha, a, b } = p;
  const { n, Tof, h, rng, record, done } = setupSimulation(fn, o, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const p = rng.beta(a, b);
    if (kind === 'mbg-nbd' && rng.uniform() < p) {
      record(i, 0, 0, T, false, 0); // dropped out at the first purchase
      continue;
    }
    // the customer drops out right after purchase K; potential purchases form a Poisson
    // process, so the counts are drawn directly (no loop over purchases)
    const K = 1 + rng.geometric(p);
    const M = rng.poisson(lambda * T);
    if (M < K) {
      // alive at T: the last of M uniform purchase times on (0, T]
      const last = M > 0 ? T * Math.exp(Math.log(rng.open()) / M) : 0;
      record(i, M, last, T, true, h > 0 ? Math.min(rng.poisson(lambda * h), K - M) : 0);
    } else record(i, K, T * rng.beta(K, M - K + 1), T, false, 0); // the K-th of M purchase times
  }
  return done();
}

/**
 * Draw customers from a BG/NBD model (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); purchases at Poisson rate λ after the first; after each purchase the
 * customer drops out with probability p. Returns each customer's summary at T, whether it
 * is alive at T, and its purchases in a holdout period. Seeded and reproducible.
 *
 * @example
 * ```ts
 * const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 10000, T: 39, holdout: 39, seed: 7 });
 * ```
 */
export function simulateBgNbd(model: SimulatorParams<'bg-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateBgNbd';
  return simulateBgFamily(fn, 'bg-nbd', simulatorParams(fn, bgNbdSpec, model), options);
}
