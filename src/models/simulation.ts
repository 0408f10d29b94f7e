/**
 * What the simulators share: their options and results, the parameter reader and the
 * per-customer recorder. Each model's simulator lives in its folder.
 * @internal
 */
import { withMeta } from '../data/columns.js';
import { CustomerValueError, optionError } from '../errors.js';
import { Random } from '../math/random.js';
import { checkParams } from './checkParams.js';
import type { ModelSpecBase } from './spec.js';
import { refuseVariants } from './covariates/design.js';
import * as z from 'zod/mini';
import { finiteOption, MAX_SIMULATED_CUSTOMERS, parseOptions, seedOption, wholeOption } from '../data/options.js';
import type { ModelKind, ModelParams } from './types.js';

/** Options of the purchase-model simulators. */
export interface SimulateOptions {
  /** Number of customers. */
  customers: number;
  /** Observation length per customer since the first purchase (one number or one per customer). For BG/BB: opportunities. */
  T: number | ArrayLike<number>;
  /** Length of a holdout period after T in which purchases are counted separately. Default 0. */
  holdout?: number | undefined;
  /** Seed of the pseudo-random generator; the same seed gives the same customers. Default 1. */
  seed?: number | undefined;
}

/** Simulated customers: a summary at T plus the truth. */
export interface SimulatedCustomers {
  customerId: Int32Array;
  frequency: Int32Array;
  recency: Float64Array;
  T: Float64Array;
  /** 1 when the customer is alive at T (BG/BB: at opportunity T + 1). */
  alive: Uint8Array;
  /** Purchases in (T, T + holdout]. */
  frequencyHoldout: Int32Array;
  /** Sum of log inter-purchase times in (0, T] (the simulators of the Erlang-k models). */
  logIntervalSum?: Float64Array;
  readonly length: number;
}

/** A simulator's model argument: the parameters, or a model record of the kind. */
export type SimulatorParams<K extends ModelKind> = ModelParams[K] | { kind: K; params: ModelParams[K] };

/** The validated parameters of a simulator's model argument. @internal */
export function simulatorParams<K extends ModelKind>(fn: string, spec: ModelSpecBase<ModelParams[K]>, input: SimulatorParams<K>): ModelParams[K] {
  const model = typeof input === 'object' && input !== null && 'params' in input ? input : { kind: spec.kind, params: input };
  refuseVariants(fn, model);
  // the simulator's own spec, not the registry: a bundle of one model keeps one model
  return checkParams(fn, model, [spec as unknown as ModelSpecBase<never>]).p as unknown as ModelParams[K];
}

const simulateSchema = z.looseObject({
  customers: wholeOption(0, MAX_SIMULATED_CUSTOMERS, ' (the simulator keeps every customer in memory)'),
  T: z.union([finiteOption.check(z.minimum(0, { error: 'must be >= 0' })), z.custom<ArrayLike<number>>((v) => Array.isArray(v) || ArrayBuffer.isView(v), { error: 'must be a number or one number per customer' })]),
  holdout: z.optional(finiteOption.check(z.minimum(0, { error: 'must be >= 0' }))),
  seed: z.optional(seedOption),
});

/** Validated options, the output columns and a recorder of one customer's history. @internal */
export function setupSimulation(fn: string, options: SimulateOptions, discrete: boolean) {
  const o = parseOptions(fn, simulateSchema, options) as SimulateOptions;
  const n = o.customers;
  const Tcol = typeof o.T === 'number' ? undefined : o.T;
  if (Tcol && Tcol.length !== n) optionError(fn, 'T', `must have one value per customer (${n})`, Tcol);
  const Tof = (i: number): number => {
    const v = Tcol ? (Tcol[i] as number) : (o.T as number);
    if (!(v >= 0) || !Number.isFinite(v) || (discrete && !Number.isInteger(v))) {
      optionError(fn, 'T', `must be ${discrete ? 'whole opportunities' : 'finite'} >= 0`, v);
    }
    return v;
  };
  const h = o.holdout ?? 0;
  let maxT = typeof o.T === 'number' ? o.T : 0;
  if (Tcol) for (let i = 0; i < Tcol.length; i++) maxT = Math.max(maxT, Tcol[i] as number);
  if (discrete && maxT + h > 100_000) {
    optionError(fn, 'T', 'plus holdout must be at most 100,000 opportunities (each one is simulated)', o.T);
  }
  if (!(h >= 0) || !Number.isFinite(h) || (discrete && !Number.isInteger(h))) optionError(fn, 'holdout', `must be ${discrete ? 'whole opportunities' : 'finite'} >= 0`, h);
  const out: Omit<SimulatedCustomers, 'length'> = {
    customerId: Int32Array.from({ length: n }, (_, i) => i + 1),
    frequency: new Int32Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    alive: new Uint8Array(n),
    frequencyHoldout: new Int32Array(n),
  };
  /** Store customer i's simulated history. */
  const record = (i: number, x: number, last: number, T: number, alive: boolean, hold: number): void => {
    if (!(x <= 2147483647 && hold <= 2147483647)) {
      const message = `customer ${i} makes more than 2^31 purchases: the purchase rate times T is too large for these parameters`;
      throw new CustomerValueError('invalid_options', `${fn}: ${message}`, [{ code: 'invalid_option', path: ['options', 'T'], message, value: o.T }]);
    }
    out.frequency[i] = x;
    out.recency[i] = last;
    out.T[i] = T;
    out.alive[i] = alive ? 1 : 0;
    out.frequencyHoldout[i] = hold;
  };
  const rng = new Random(o.seed ?? 1);
  /**
   * Record a customer who buys at Poisson rate λ until `death` (Pareto/NBD-type models):
   * the count on (0, min(death, T)] drawn directly, the last purchase as the maximum of x
   * uniform times, and the holdout purchases while alive in (T, T + holdout].
   */
  const recordPoissonUntil = (i: number, T: number, lambda: number, death: number): void => {
    const observed = Math.min(death, T);
    const x = rng.poisson(lambda * observed);
    const last = x > 0 ? observed * Math.exp(Math.log(rng.open()) / x) : 0;
    const hold = death > T && h > 0 ? rng.poisson(lambda * (Math.min(death, T + h) - T)) : 0;
    record(i, x, last, T, death > T, hold);
  };
  return {
    n,
    Tof,
    h,
    rng,
    record,
    recordPoissonUntil,
    out,
    /** The finished columns. */
    done: (): SimulatedCustomers => withMeta(out, { length: n }),
  };
}

/** Simulated spend per customer. */
export interface SimulatedSpend {
  frequency: Float64Array;
  /** Mean value of the customer's `frequency` transactions (0 when none). */
  monetaryValue: Float64Array;
  /** The customer's true expected transaction value p / ν. */
  meanValue: Float64Array;
  readonly length: number;
}

/** A simulated contractual cohort. */
export interface SimulatedCohort {
  /** Customers still active at the start of each period 0..periods. */
  alive: Float64Array;
  /** Per customer: the period of churn (1-based), or `periods` when still active (censored). */
  lifetime: Int32Array;
  censored: Uint8Array;
}
