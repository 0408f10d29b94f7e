import type { TimeUnit } from '../data/days.js';
import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import type { InteractionReadOptions } from '../data/encodeInteractions.js';
import type { CustomerId } from '../data/types.js';
import type { PurchaseModel } from '../models/types.js';
import type { PeriodKind } from './periods.js';
import type { UpliftTest } from './upliftTest.js';

/** A rate with its parts kept, so dashboards can re-aggregate. `value` is null when the denominator is 0. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}


/** Per-customer labels for segment splits: `{ customerId, segment }`, `{ customerId, tier }`, `{ customerId, label }`, or an `rfm`/`abc` result. */
export type SegmentLabels =
  | { readonly customers: { readonly customerId: ArrayLike<CustomerId>; readonly segment?: ArrayLike<string>; readonly tier?: ArrayLike<string> } }
  | { readonly customerId: ArrayLike<CustomerId>; readonly segment?: ArrayLike<string>; readonly tier?: ArrayLike<string>; readonly label?: ArrayLike<string> };

/** Options of {@link valueChain}. */
export interface ValueChainOptions extends TransactionReadOptions, InteractionReadOptions {
  /** Calendar periods in UTC: 'week' (ISO, Monday), 'month' (default), 'quarter' or 'year'. */
  period?: PeriodKind | undefined;
  /** The month (1-12) quarters and years start in (4: April to March, labelled 'FY2025', 'FY2025-Q1'). Default 1. */
  fiscalYearStart?: number | undefined;
  /** First day reported. Default: the data's first day. Earlier data still counts as history. */
  start?: Date | string | number | undefined;
  /** Last day reported (and used). Default: the data's last day. */
  end?: Date | string | number | undefined;
  /** Days after a touch in which a purchase is attributed to it (inclusive). Default 30. */
  attributionWindow?: number | undefined;
  /** Days without purchase after which a customer counts as lapsed (win-back). Default 90. */
  inactivityThreshold?: number | undefined;
  /** Share of revenue that is profit, for ROI. Default 1. */
  margin?: number | undefined;
  /** Per-customer labels (rfm or abc output, or your own) for segment splits and the funnel's differentiated stage. */
  segments?: SegmentLabels | undefined;
  /** A fitted purchase model (its time unit in `purchaseModel.unit` or `modelUnit`) for mean P(alive) per period. */
  purchaseModel?: PurchaseModel | undefined;
  /** Time unit of the purchase model when it does not say. Default 'week'. */
  modelUnit?: TimeUnit | undefined;
}

export interface IdentifyMetrics {
  /** Customers whose first purchase (over all the data) falls in the period. */
  newCustomers: number;
  /** Known customers (a purchase or interaction up to the end) with no purchase yet. */
  prospects: number;
  /**
   * Per period: prospects at the end of the previous period who made a first purchase in this
   * one. Overall: leads (customers touched before any purchase, prospects at some time in the
   * window) who made their first purchase in the window.
   */
  prospectConversionRate: Rate;
  /** Median days from first touch to first purchase of the new customers who were touched first (null if none). */
  medianDaysToFirstPurchase: number | null;
  /** Interaction cost spent on the new customers up to their first purchase day / new customers. */
  acquisitionCost: Rate;
  /** Customers with two or more purchase days up to the end. */
  relationshipCustomers: number;
  /** Customers with exactly one purchase day up to the end. */
  transactionalCustomers: number;
}

export interface DifferentiateMetrics {
  /** Active customers and revenue per label (when labels are given). */
  segments: Array<{ segment: string; activeCustomers: number; revenue: number }>;
  /** Gini of revenue over the period's active customers. */
  gini: number | null;
  /** Share of the period's revenue from its top 20 % of active customers. */
  top20Share: number | null;
  /** Overall only: counts of customerClasses' value classes at the end. */
  classes?: { cashFlow: number; quasiCashFlow: number; lowYield: number; other: number; relationship: number; transactional: number };
}

export interface InteractMetrics {
  /** Customers with any interaction in the period. */
  touched: number;
  /** touched / known. */
  reach: Rate;
  /** Interactions / touched customers. */
  touchesPerCustomer: Rate;
  /** Interactions per channel, sorted by channel. */
  channelMix: Array<{ channel: string; interactions: number; share: number }>;
  /** Interactions of kind 'response' / of kind 'contact'. */
  responseRate: Rate;
  /** Customers with a 'complaint' / active customers. */
  complaintRate: Rate;
  /** Complaints and service requests of the period resolved by its end (the request itself or a later interaction of the customer has outcome 'resolved') / all of them. */
  resolutionRate: Rate;
  /** Median days to resolve the requests resolved within the period (0 when resolved on the spot; null if none). */
  medianDaysToResolve: number | null;
}

export interface CustomizeMetrics {
  /** 'offer' interactions with outcome 'accepted' / 'offer' interactions. */
  offerAcceptanceRate: Rate;
  /** Mean distinct categories bought per active customer (null without categories). */
  crossSellBreadth: Rate | null;
  /**
   * Returning buyers (a purchase day in P and one before P) whose net value per purchase day in
   * P exceeds their own mean over their earlier purchase days / returning buyers.
   */
  upSellRate: Rate;
  /** Returning buyers who bought a category in P they had never bought before / returning buyers (null without categories). */
  crossSellRate: Rate | null;
  /** (customer, category) first purchases in P by returning buyers (null without categories). */
  newCategories: number | null;
  /** Per segment label (when `segments` are given): returning buyers and their up-sell and cross-sell rates. */
  segments: Array<{ segment: string; returningBuyers: number; upSellRate: Rate; crossSellRate: Rate | null }>;
}

export interface RetainMetrics {
  activeCustomers: number;
  revenue: number;
  /** |active(P-1) ∩ active(P)| / |active(P-1)|. */
  retentionRate: Rate;
  /** 1 - retention: customers of P-1 not active in P / active(P-1). */
  churnRate: Rate;
  /** Revenue in P from active(P-1) / revenue in P-1 from active(P-1). */
  revenueRetention: Rate;
  /**
   * Customers lapsed at the start of P (last purchase day before it at least
   * `inactivityThreshold` days earlier) who bought in P / customers lapsed at the start of P
   * (valuechain.md, as revised in the second stage): a share in [0, 1].
   */
  winBackRate: Rate;
  /**
   * Customers with a purchase day in P whose previous purchase day was at least
   * `inactivityThreshold` days before it (the first stage's win-back count). A customer can
   * lapse and return within one long period, so it can exceed winBackRate's denominator.
   */
  reactivated: number;
  /** Customers with two or more purchase days up to the end / with one or more. */
  repeatPurchaseRate: Rate;
  /** Mean P(alive) at the period end over customers with a purchase (with a purchase model). */
  meanProbabilityAlive: number | null;
}

export interface StageMetrics {
  identify: IdentifyMetrics;
  differentiate: DifferentiateMetrics;
  interact: InteractMetrics;
  customize: CustomizeMetrics;
  retain: RetainMetrics;
}

export interface PeriodMetrics extends StageMetrics {
  period: string;
  start: string;
  end: string;
}

export interface FunnelRow {
  period: string;
  known: number;
  differentiated: number;
  touched: number;
  responded: number;
  purchased: number;
  retained: number;
}

export interface CampaignMetrics {
  campaignId: string;
  /** First contact day of the campaign. */
  start: string;
  reached: number;
  responders: number;
  responseRate: Rate;
  attributedRevenue: number;
  cost: number;
  /** (attributedRevenue x margin - cost) / cost; null when cost is 0. */
  roi: number | null;
  /** Known customers at the campaign start that it did not reach. */
  controlCustomers: number;
  /** Revenue per reached customer in the window minus revenue per control customer in [start, start + window]; null without control. */
  upliftPerCustomer: number | null;
  /** upliftPerCustomer x reached. */
  incrementalRevenue: number | null;
  /**
   * Welch's two-sample t-test of the uplift, reached against control customers' revenues: the
   * difference, its standard error and degrees of freedom, the two-sided p-value and the 95 %
   * confidence interval; null with fewer than two customers on a side or no variation.
   */
  upliftTest: UpliftTest | null;
}

export type { UpliftTest };

export interface CohortMatrix {
  cohorts: string[];
  /** Periods since acquisition, 0 = the acquisition period. */
  offsets: number[];
  sizes: number[];
  /** Customers of cohort c active k periods after acquisition; NaN for cells after the last period. */
  retained: number[][];
  /** retained / size; NaN where retained is. */
  share: number[][];
}

export interface ValueChainReport {
  period: PeriodKind;
  periods: PeriodMetrics[];
  overall: StageMetrics;
  funnel: FunnelRow[];
  campaigns: CampaignMetrics[];
  cohorts: CohortMatrix;
  /** Customers seen only in transactions (silent buyers), only in interactions (prospects), in both. */
  customers: { total: number; onlyTransactions: number; onlyInteractions: number; both: number };
}

