import { CustomerValueError } from '../../errors.js';
import { Random } from '../../math/random.js';
import { simulatorParams, type SimulatedCohort, type SimulatorParams } from '../simulation.js';

/**
 * Draw a contractual cohort from an sBG model: θ ~ Beta(α, β) per customer; at the end of
 * each period the customer leaves with probability θ.
 *
 * @example
 * ```ts
 * simulateShiftedBetaGeometric({ alpha: 0.704, beta: 1.182 }, { customers: 1000, periods: 7, seed: 2 }).alive;
 * ```
 */
export function simulateShiftedBetaGeometric(
  model: SimulatorParams<'sbg'>,
  options: { customers: number; periods: number; seed?: number | undefined },
): SimulatedCohort {
  const fn = 'simulateShiftedBetaGeometric';
  const { alpha, beta } = simulatorParams(fn, 'sbg', model);
  const { customers, periods } = options;
  if (!Number.isInteger(customers) || customers < 0 || !Number.isInteger(periods) || periods < 0) {
    throw new CustomerValueError('invalid_options', `${fn}: customers and periods must be whole numbers >= 0, got ${customers} and ${periods}`);
  }
  const rng = new Random(options.seed ?? 1);
  const alive = new Float64Array(periods + 1);
  const lifetime = new Int32Array(customers);
  const censored = new Uint8Array(customers);
  for (let i = 0; i < customers; i++) {
    const theta = rng.beta(alpha, beta);
    let t = 1;
    while (t <= periods && rng.uniform() >= theta) t++;
    // churned at the end of period t (t <= periods), or censored
    if (t > periods) {
      lifetime[i] = periods;
      censored[i] = 1;
    } else lifetime[i] = t;
    const lastActive = t > periods ? periods : t - 1;
    for (let k = 0; k <= lastActive; k++) alive[k] = (alive[k] as number) + 1;
  }
  return { alive, lifetime, censored };
}
