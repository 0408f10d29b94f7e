import { customerIdsOf } from '../data/customerIds.js';
import type { CustomerId } from '../data/types.js';
import { withMeta } from '../data/columns.js';
import { resolveColumns } from '../data/input.js';
import { optionError } from '../errors.js';
import { clvFromPlan, planClv, type CustomerLifetimeValueOptions } from './customerLifetimeValue.js';

/** Options of {@link valueDecomposition}. */
export interface ValueDecompositionOptions extends CustomerLifetimeValueOptions {
  /** Whole periods (of `unit`) that make up the "current" value. Default 1. */
  currentPeriods?: number | undefined;
}

/** Per-customer value split. */
export interface ValueDecomposition {
  /** The customers' ids (row positions when the input has none), in input order. */
  customerId: readonly CustomerId[];
  /** Margin times what the customer has brought so far (`totalValue` of the summary; 0 when absent). */
  historical: Float64Array;
  /** Discounted expected margin over the next `currentPeriods` periods. */
  current: Float64Array;
  /** Discounted expected margin after that, up to the horizon. */
  potential: Float64Array;
  /** historical + current + potential. */
  lifetime: Float64Array;
  readonly length: number;
}

/**
 * The customer-value split used in CRM practice: historical value (what the customer has
 * brought: margin × `totalValue`), current value (the discounted expected margin of the
 * next `currentPeriods` periods) and potential value (the discounted expected margin from
 * then to the horizon). current + potential is {@link customerLifetimeValue} over the
 * horizon; lifetime = historical + current + potential.
 *
 * @example
 * ```ts
 * const v = valueDecomposition({ purchaseModel, spendModel, customers: summary, horizon: 36, unit: 'month', discountRate: 0.01, margin: 0.3 });
 * ```
 */
export function valueDecomposition(options: ValueDecompositionOptions): ValueDecomposition {
  const fn = 'valueDecomposition';
  const currentPeriods = options.currentPeriods ?? 1;
  if (!Number.isInteger(currentPeriods) || currentPeriods < 0 || !(currentPeriods <= options.horizon)) {
    optionError(fn, 'currentPeriods', `must be a whole number between 0 and the horizon (${options.horizon})`, currentPeriods);
  }
  const plan = planClv(fn, options);
  const total = clvFromPlan(plan, plan.groups);
  const currentPlan = { ...plan, times: plan.times.slice(0, currentPeriods), weights: plan.weights.slice(0, currentPeriods) };
  const current = clvFromPlan(currentPlan, plan.groups);
  const n = total.length;
  const raw = resolveColumns(options.customers, fn, 'customers', ['totalValue'], undefined);
  const tv = raw.cols.totalValue;
  const historical = new Float64Array(n);
  const potential = new Float64Array(n);
  const lifetime = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = tv ? Number(tv[i]) * plan.margin : 0;
    historical[i] = Number.isFinite(h) ? h : 0;
    potential[i] = (total[i] as number) - (current[i] as number);
    lifetime[i] = (historical[i] as number) + (total[i] as number);
  }
  return withMeta({ customerId: customerIdsOf(options.customers, n, fn), historical, current, potential, lifetime }, { length: n });
}
