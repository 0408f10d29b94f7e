import { gammaGammaSpec } from './spec.js';
import { withMeta } from '../../data/columns.js';
import * as z from 'zod/mini';
import { MAX_SIMULATED_CUSTOMERS, parseOptions, seedOption } from '../../data/options.js';
import { CustomerValueError } from '../../errors.js';
import { Random } from '../../math/random.js';
import { simulatorParams, type SimulatedSpend, type SimulatorParams } from '../simulation.js';

const schema = z.looseObject({
  frequency: z.custom<ArrayLike<number>>((f) => (Array.isArray(f) || ArrayBuffer.isView(f)) && (f as ArrayLike<number>).length <= MAX_SIMULATED_CUSTOMERS, {
    error: `must be an array of at most ${MAX_SIMULATED_CUSTOMERS.toLocaleString('en-US')} whole numbers`,
  }),
  seed: z.optional(seedOption),
});

/**
 * Draw spend from a Gamma-Gamma model: for each customer ν ~ Gamma(q, v), then
 * `frequency[i]` transaction values ~ Gamma(p, ν); returns their mean, drawn directly as
 * Gamma(p x, x ν) (the mean of x such values), so the cost does not grow with frequency.
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
  const { p, q, v } = simulatorParams(fn, gammaGammaSpec, model);
  const o = parseOptions(fn, schema, options);
  const rng = new Random(o.seed ?? 1);
  const n = o.frequency.length;
  const frequency = Float64Array.from(o.frequency);
  const monetaryValue = new Float64Array(n);
  const meanValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    if (!Number.isInteger(x) || x < 0) {
      const message = `frequency[${i}] must be a whole number >= 0, got ${x}`;
      throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['options', 'frequency', i], message, value: x }]);
    }
    const nu = rng.gamma(q, v);
    meanValue[i] = p / nu;
    // the mean of x Gamma(p, ν) values is Gamma(p x, x ν): one draw, whatever x
    monetaryValue[i] = x > 0 ? rng.gamma(p * x, x * nu) : 0;
    // shapes near 0 make Gamma draws underflow to 0, and spend p/ν then leaves floating point
    if (!(nu > 0) || !Number.isFinite(meanValue[i] as number) || !Number.isFinite(monetaryValue[i] as number)) {
      const message = `model.params (p = ${p}, q = ${q}, v = ${v}) put customer ${i}'s spend beyond floating point (a Gamma draw underflowed to 0): use parameters within a few orders of magnitude of 1`;
      throw new CustomerValueError('invalid_model', `${fn}: ${message}`, [{ code: 'invalid_param', path: ['model', 'params'], message, value: { p, q, v } }]);
    }
  }
  return withMeta({ frequency, monetaryValue, meanValue }, { length: n });
}
