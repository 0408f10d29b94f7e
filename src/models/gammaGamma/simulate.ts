import { withMeta } from '../../data/columns.js';
import { CustomerValueError } from '../../errors.js';
import { Random } from '../../math/random.js';
import { simulatorParams, type SimulatedSpend, type SimulatorParams } from '../simulation.js';

/**
 * Draw spend from a Gamma-Gamma model: for each customer ν ~ Gamma(q, v), then
 * `frequency[i]` transaction values ~ Gamma(p, ν); returns their mean.
 *
 * @example
 * ```ts
 * const spend = simulateGammaGamma({ p: 6.25, q: 3.74, v: 15.44 }, { frequency: [1, 2, 5], seed: 1 });
 * ```
 */
export function simulateGammaGamma(
  model: SimulatorParams<'gamma-gamma'>,
  options: { frequency: ArrayLike<number>; seed?: number | undefined },
): SimulatedSpend {
  const fn = 'simulateGammaGamma';
  const { p, q, v } = simulatorParams(fn, 'gamma-gamma', model);
  const rng = new Random(options.seed ?? 1);
  const n = options.frequency.length;
  const frequency = Float64Array.from(options.frequency);
  const monetaryValue = new Float64Array(n);
  const meanValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    if (!Number.isInteger(x) || x < 0) throw new CustomerValueError('invalid_options', `${fn}: frequency[${i}] must be a whole number >= 0, got ${x}`);
    const nu = rng.gamma(q, v);
    meanValue[i] = p / nu;
    let s = 0;
    for (let k = 0; k < x; k++) s += rng.gamma(p, nu);
    monetaryValue[i] = x > 0 ? s / x : 0;
  }
  return withMeta({ frequency, monetaryValue, meanValue }, { length: n });
}
