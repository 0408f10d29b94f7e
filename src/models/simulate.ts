import { withMeta } from '../data/columns.js';
import { CustomerValueError } from '../errors.js';
import { Random } from '../math/random.js';
import { checkModel } from './fit.js';
import { PARAM_NAMES } from './predictions.js';
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
  readonly length: number;
}

type Params<K extends ModelKind> = ModelParams[K] | { kind: K; params: ModelParams[K] };

function params<K extends ModelKind>(fn: string, kind: K, input: Params<K>): Record<string, number> {
  const model = typeof input === 'object' && input !== null && 'params' in input ? input : { kind, params: input };
  return checkModel(fn, model, [kind], PARAM_NAMES as unknown as Record<K, readonly string[]>).p;
}

function setup(fn: string, o: SimulateOptions, discrete: boolean) {
  const n = o.customers;
  if (!Number.isInteger(n) || n < 0) throw new CustomerValueError('invalid_options', `${fn}: customers must be a whole number >= 0, got ${String(n)}`);
  const Tcol = typeof o.T === 'number' ? undefined : o.T;
  if (Tcol && Tcol.length !== n) throw new CustomerValueError('invalid_options', `${fn}: T must have one value per customer (${n}), got ${Tcol.length}`);
  const Tof = (i: number): number => {
    const v = Tcol ? (Tcol[i] as number) : (o.T as number);
    if (!(v >= 0) || !Number.isFinite(v) || (discrete && !Number.isInteger(v))) {
      throw new CustomerValueError('invalid_options', `${fn}: T must be ${discrete ? 'whole opportunities' : 'finite'} >= 0, got ${String(v)}`);
    }
    return v;
  };
  const h = o.holdout ?? 0;
  if (!(h >= 0) || !Number.isFinite(h) || (discrete && !Number.isInteger(h))) throw new CustomerValueError('invalid_options', `${fn}: holdout must be >= 0, got ${String(h)}`);
  const out = {
    customerId: Int32Array.from({ length: n }, (_, i) => i + 1),
    frequency: new Int32Array(n),
    recency: new Float64Array(n),
    T: new Float64Array(n),
    alive: new Uint8Array(n),
    frequencyHoldout: new Int32Array(n),
  };
  /** Store customer i's simulated history. */
  const record = (i: number, x: number, last: number, T: number, alive: boolean, hold: number): void => {
    out.frequency[i] = x;
    out.recency[i] = last;
    out.T[i] = T;
    out.alive[i] = alive ? 1 : 0;
    out.frequencyHoldout[i] = hold;
  };
  return {
    n,
    Tof,
    h,
    rng: new Random(o.seed ?? 1),
    record,
    out,
  };
}

/**
 * Continuous-time purchase simulation shared by BG/NBD and MBG/NBD: purchases at Poisson
 * rate λ; after each purchase (and, for MBG/NBD, also at time 0) death with probability p.
 */
function simulateBg(fn: string, kind: 'bg-nbd' | 'mbg-nbd', input: Params<'bg-nbd'>, o: SimulateOptions): SimulatedCustomers {
  const { r, alpha, a, b } = params(fn, kind, input as Params<typeof kind>) as ModelParams['bg-nbd'];
  const { n, Tof, h, rng, out, record } = setup(fn, o, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const p = rng.beta(a, b);
    let alive = !(kind === 'mbg-nbd' && rng.uniform() < p);
    let t = 0;
    let x = 0;
    let last = 0;
    let hold = 0;
    let aliveAtT = alive;
    while (alive) {
      t += rng.exponential(lambda);
      if (t > T + h) break;
      if (t <= T) {
        x++;
        last = t;
      } else hold++;
      if (rng.uniform() < p) {
        alive = false;
        if (t <= T) aliveAtT = false;
      }
    }
    record(i, x, last, T, aliveAtT, hold);
  }
  return withMeta(out, { length: n });
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
export function simulateBgNbd(model: Params<'bg-nbd'>, options: SimulateOptions): SimulatedCustomers {
  return simulateBg('simulateBgNbd', 'bg-nbd', model, options);
}

/**
 * Draw customers from an MBG/NBD model (Batislam et al. 2007): as BG/NBD, plus a dropout
 * chance p right at the first purchase (time 0).
 *
 * @example
 * ```ts
 * const sim = simulateModifiedBgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { customers: 1000, T: 39 });
 * ```
 */
export function simulateModifiedBgNbd(model: Params<'mbg-nbd'>, options: SimulateOptions): SimulatedCustomers {
  return simulateBg('simulateModifiedBgNbd', 'mbg-nbd', model as unknown as Params<'bg-nbd'>, options);
}

/**
 * Draw customers from a Pareto/NBD model: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime
 * ~ Exponential(μ), purchases at Poisson rate λ while alive.
 *
 * @example
 * ```ts
 * const sim = simulateParetoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { customers: 1000, T: 39, seed: 3 });
 * ```
 */
export function simulateParetoNbd(model: Params<'pareto-nbd'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateParetoNbd';
  const { r, alpha, s, beta } = params(fn, 'pareto-nbd', model) as ModelParams['pareto-nbd'];
  const { n, Tof, h, rng, out, record } = setup(fn, options, false);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const lambda = rng.gamma(r, alpha);
    const mu = rng.gamma(s, beta);
    const death = rng.exponential(mu);
    const end = Math.min(death, T + h);
    let t = 0;
    let x = 0;
    let last = 0;
    let hold = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > end) break;
      if (t <= T) {
        x++;
        last = t;
      } else hold++;
    }
    record(i, x, last, T, death > T, hold);
  }
  return withMeta(out, { length: n });
}

/**
 * Draw customers from a BG/BB model (Fader, Hardie & Shang 2010): p ~ Beta(α, β),
 * θ ~ Beta(γ, δ); at each opportunity 1..T a living customer first drops out with
 * probability θ, then transacts with probability p. `recency` is the opportunity of the
 * last transaction (0 if none); `alive` is alive at opportunity T + 1.
 *
 * @example
 * ```ts
 * const sim = simulateBgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, { customers: 11104, T: 6, holdout: 5 });
 * ```
 */
export function simulateBgBb(model: Params<'bg-bb'>, options: SimulateOptions): SimulatedCustomers {
  const fn = 'simulateBgBb';
  const { alpha, beta, gamma, delta } = params(fn, 'bg-bb', model) as ModelParams['bg-bb'];
  const { n, Tof, h, rng, out, record } = setup(fn, options, true);
  for (let i = 0; i < n; i++) {
    const T = Tof(i);
    const p = rng.beta(alpha, beta);
    const theta = rng.beta(gamma, delta);
    let alive = true;
    let x = 0;
    let last = 0;
    let hold = 0;
    let aliveNext = true;
    for (let t = 1; t <= T + h + 1; t++) {
      if (alive && rng.uniform() < theta) alive = false;
      if (t === T + 1) aliveNext = alive;
      if (t > T + h) break;
      if (alive && rng.uniform() < p) {
        if (t <= T) {
          x++;
          last = t;
        } else hold++;
      }
    }
    record(i, x, last, T, aliveNext, hold);
  }
  return withMeta(out, { length: n });
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
  model: Params<'gamma-gamma'>,
  options: { frequency: ArrayLike<number>; seed?: number | undefined },
): SimulatedSpend {
  const fn = 'simulateGammaGamma';
  const { p, q, v } = params(fn, 'gamma-gamma', model) as ModelParams['gamma-gamma'];
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

/** A simulated contractual cohort. */
export interface SimulatedCohort {
  /** Customers still active at the start of each period 0..periods. */
  alive: Float64Array;
  /** Per customer: the period of churn (1-based), or `periods` when still active (censored). */
  lifetime: Int32Array;
  censored: Uint8Array;
}

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
  model: Params<'sbg'>,
  options: { customers: number; periods: number; seed?: number | undefined },
): SimulatedCohort {
  const fn = 'simulateShiftedBetaGeometric';
  const { alpha, beta } = params(fn, 'sbg', model) as ModelParams['sbg'];
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
