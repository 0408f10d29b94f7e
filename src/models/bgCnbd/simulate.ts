import { bgCnbdSpec } from './spec.js';
import { CustomerValueError } from '../../errors.js';
import { simulatorParams, setupSimulation, type SimulateOptions, type SimulatedCustomers, type SimulatorParams } from '../simulation.js';
import type { CnbdParams, CnbdVariant } from './likelihood.js';

/** Purchases one simulated customer may make (each is drawn): more expected is an error. */
const MAX_PURCHASES = 1_000_000;

function tooMany(fn: string, i: number, o: SimulateOptions): never {
  const message = `customer ${i} would make more than ${MAX_PURCHASES.toLocaleString('en-US')} purchases: the purchase rate times T (plus holdout) is too large to simulate purchase by purchase`;
  throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['options', 'T'], message, value: o.T }]);
}

/**
 * Purchase-by-purchase simulation shared by BG/CNBD-k and MBG/CNBD-k: inter-purchase times
 * Erlang(k, λ) = Gamma(k, λ); after each purchase (MBG: also at time 0) death with
 * probability p. Records each customer's logIntervalSum too, so the result fits directly.
 * @internal
 */
export function simulateCnbdFamily(fn: string, variant: CnbdVariant, p: CnbdParams, o: SimulateOptions): SimulatedCustomers {
  const { k, r, alpha, a, b } = p;
  const { n, Tof, h, rng, record, out, done } = setupSimulation(fn, o, false);
  const litt = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const q = rng.beta(a, b);
    if ((lambda * (T + h)) / k > MAX_PURCHASES) tooMany(fn, i, o);
    let dead = variant === 'mbg' && rng.uniform() < q;
    let aliveAtT = !dead;
    let t = 0;
    let x = 0;
    let last = 0;
    let hold = 0;
    let sumLog = 0;
    while (!dead) {
      const gap = rng.gamma(k, lambda);
      t += gap;
      if (t > T + h) break;
      if (t <= T) {
        x++;
        sumLog += Math.log(gap);
        last = t;
      } else hold++;
      if (x + hold > MAX_PURCHASES) tooMany(fn, i, o);
      if (rng.uniform() < q) {
        dead = true;
        if (t <= T) aliveAtT = false;
      }
    }
    litt[i] = sumLog;
    record(i, x, last, T, aliveAtT, hold);
  }
  out.logIntervalSum = litt;
  return done();
}

/**
 * Draw customers from a BG/CNBD-k model (Platzer & Reutterer 2016): λ ~ Gamma(r, α),
 * p ~ Beta(a, b); inter-purchase times Erlang(k, λ) after the first purchase; after each
 * purchase the customer drops out with probability p. Returns each customer's summary at T
 * with its `logIntervalSum`, whether it is alive at T, and its purchases in a holdout period.
 *
 * @example
 * ```ts
 * const sim = simulateBgCnbd({ k: 3, r: 1.2, alpha: 3, a: 0.6, b: 2.5 }, { customers: 5000, T: 52, holdout: 52, seed: 3 });
 * fitBgCnbd(sim).params.k; // 3
 * ```
 */
export function simulateBgCnbd(model: SimulatorParams<'bg-cnbd-k'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateBgCnbd';
  return simulateCnbdFamily(fn, 'bg', simulatorParams(fn, bgCnbdSpec, model), options);
}
