/**
 * The value chain as charts: the funnel, cohort retention, lifecycle transitions, campaigns
 * and a one-page dashboard of concatenated views.
 */
import { chartOptions, expectColumns, expectResult, label, spec, top, type ChartOptions, type VegaLiteSpec } from './vegaLite.js';

type Ratio = { value: number | null } | null | undefined;
interface ValueChainLike {
  periods: Array<{ period: string; retain: { activeCustomers: number; revenue: number; retentionRate: Ratio } }>;
  funnel: Array<Record<string, string | number>>;
  cohorts: { cohorts: string[]; offsets: number[]; sizes: number[]; share: number[][] };
  campaigns: Array<{ campaignId: string; roi: number | null; upliftPerCustomer: number | null; upliftTest: { lower: number; upper: number } | null }>;
}
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const valueChainOf = (fn: string, x: unknown): ValueChainLike => {
  const what = 'the result of valueChain';
  const v = expectResult(fn, x, what, (r) =>
    [r.funnel, r.campaigns, r.periods].every((rows) => Array.isArray(rows) && rows.every(isObject)) && (r.periods as unknown[]).every((p) => isObject((p as { retain?: unknown }).retain)));
  const c = expectColumns(fn, v.cohorts, `${what} (its cohorts)`, ['cohorts', 'sizes', 'share']);
  expectColumns(fn, v.cohorts, `${what} (its cohorts)`, ['offsets']);
  expectResult(fn, c.share, `${what} (a row of cohort shares per cohort)`, (rows) => Array.from(rows as unknown as unknown[]).every(Array.isArray));
  return v as unknown as ValueChainLike;
};

const FUNNEL = ['known', 'differentiated', 'touched', 'responded', 'purchased', 'retained'] as const;

/**
 * The value-chain funnel of one period (default: the last): customers known, differentiated,
 * touched, responded, purchased and retained, as bars in that order (`valueChain().funnel`).
 *
 * @example
 * ```ts
 * funnelChart(valueChain(transactions, interactions, { period: 'month' }));
 * ```
 */
export function funnelChart(result: unknown, opts?: ChartOptions & { period?: string | undefined }): VegaLiteSpec {
  const options = chartOptions('funnelChart', opts);
  const v = valueChainOf('funnelChart', result);
  const row = options.period === undefined ? v.funnel[v.funnel.length - 1] : v.funnel.find((f) => f.period === options.period);
  const values = FUNNEL.map((stage, order) => ({ stage: label(options, stage), order, customers: row ? Number(row[stage] ?? 0) : 0 }));
  return top(options, `${label(options, 'Value-chain funnel')}${row ? ` (${row.period})` : ''}`, {
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: { field: 'order' }, title: label(options, 'stage') },
      x: { field: 'customers', type: 'quantitative', title: label(options, 'customers') },
    },
  });
}

/**
 * Cohort retention as a heat map: each acquisition cohort's share still buying k periods
 * after acquisition (`valueChain().cohorts`), one cell per cohort and offset observed.
 *
 * @example
 * ```ts
 * cohortRetentionChart(valueChain(transactions, interactions, { period: 'month' }));
 * ```
 */
export function cohortRetentionChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('cohortRetentionChart', opts);
  const c = valueChainOf('cohortRetentionChart', result).cohorts;
  const values = c.cohorts.flatMap((cohort, i) =>
    c.offsets.flatMap((offset, j) => {
      const share = c.share[i]?.[j];
      return typeof share === 'number' && Number.isFinite(share) ? [{ cohort, offset, share, size: c.sizes[i] }] : [];
    }),
  );
  const enc = { x: { field: 'offset', type: 'ordinal', title: label(options, 'periods since acquisition') }, y: { field: 'cohort', type: 'ordinal', title: label(options, 'cohort') } };
  return top(options, 'Cohort retention', {
    data: { values },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { ...enc, color: { field: 'share', type: 'quantitative', title: label(options, 'share retained'), scale: { domain: [0, 1], scheme: 'greens' } } } },
      { mark: { type: 'text', fontSize: 9 }, encoding: { ...enc, text: { field: 'share', type: 'quantitative', format: '.0%' } } },
    ],
  });
}

/**
 * Lifecycle transitions between two dates as a matrix of counts (`lifecycleTransitions`):
 * one cell per (from, to) pair with customers.
 *
 * @example
 * ```ts
 * lifecycleTransitionsChart(lifecycleTransitions(transactions, { from: '2024-06-30', to: '2024-12-31' }));
 * ```
 */
export function lifecycleTransitionsChart(transitions: { stages: readonly string[]; pairs: { from: readonly string[]; to: readonly string[]; count: ArrayLike<number> } }, opts?: ChartOptions): VegaLiteSpec {
  const fn = 'lifecycleTransitionsChart';
  const options = chartOptions(fn, opts);
  const t = expectResult(fn, transitions, 'the result of lifecycleTransitions', (x) => Array.isArray(x.stages)) as typeof transitions;
  expectColumns(fn, t.pairs, 'the result of lifecycleTransitions (its pairs)', ['from', 'to', 'count']);
  const values = t.pairs.from.map((from, i) => ({ from, to: t.pairs.to[i], customers: t.pairs.count[i] })).filter((r) => (r.customers as number) > 0);
  const enc = { x: { field: 'to', type: 'nominal', sort: t.stages, title: label(options, 'to') }, y: { field: 'from', type: 'nominal', sort: t.stages, title: label(options, 'from') } };
  return top(options, 'Lifecycle transitions', {
    data: { values },
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { ...enc, color: { field: 'customers', type: 'quantitative', title: label(options, 'customers'), scale: { scheme: 'oranges' } } } },
      { mark: { type: 'text' }, encoding: { ...enc, text: { field: 'customers', type: 'quantitative' } } },
    ],
  });
}

/**
 * Campaigns: ROI, and the uplift per customer against the control group with its 95 %
 * interval where the campaign has one (`valueChain().campaigns`), side by side.
 *
 * @example
 * ```ts
 * campaignsChart(valueChain(transactions, interactions));
 * ```
 */
export function campaignsChart(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('campaignsChart', opts);
  const v = valueChainOf('campaignsChart', result);
  const values = v.campaigns.map((c) => ({ campaign: c.campaignId, roi: c.roi, uplift: c.upliftPerCustomer, lower: c.upliftTest?.lower ?? null, upper: c.upliftTest?.upper ?? null }));
  const y = { field: 'campaign', type: 'nominal', title: label(options, 'campaign') };
  const width = Math.round((options.width ?? 480) / 2);
  return spec({
    title: options.title ?? label(options, 'Campaigns'),
    data: { values },
    hconcat: [
      { width, mark: { type: 'bar', tooltip: true }, encoding: { y, x: { field: 'roi', type: 'quantitative', title: label(options, 'ROI') } } },
      {
        width,
        layer: [
          { mark: { type: 'bar', tooltip: true }, encoding: { y, x: { field: 'uplift', type: 'quantitative', title: label(options, 'uplift per customer') } } },
          { transform: [{ filter: 'isValid(datum.lower)' }], mark: { type: 'rule' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
        ],
      },
    ],
  });
}

/**
 * One page of the value chain: the funnel, active customers and revenue per period, the
 * retention rate per period, cohort retention and the campaigns, as concatenated views.
 *
 * @example
 * ```ts
 * valueChainDashboard(valueChain(transactions, interactions, { period: 'month' }));
 * ```
 */
export function valueChainDashboard(result: unknown, opts?: ChartOptions): VegaLiteSpec {
  const options = chartOptions('valueChainDashboard', opts);
  const v = valueChainOf('valueChainDashboard', result);
  const small = { ...options, width: Math.round((options.width ?? 480) * 0.8), height: Math.round((options.height ?? 300) * 0.7) };
  const strip = ({ $schema, ...view }: VegaLiteSpec): Record<string, unknown> => view;
  const periods = v.periods.map((p) => ({ period: p.period, active: p.retain.activeCustomers, revenue: p.retain.revenue, retention: p.retain.retentionRate?.value ?? null }));
  const x = { field: 'period', type: 'ordinal', title: label(options, 'period') };
  const activity = { title: label(options, 'active customers'), width: small.width, height: small.height, data: { values: periods }, mark: { type: 'bar', tooltip: true }, encoding: { x, y: { field: 'active', type: 'quantitative', title: label(options, 'active customers') } } };
  const revenue = { title: label(options, 'revenue'), width: small.width, height: small.height, data: { values: periods }, mark: { type: 'line', point: true, tooltip: true }, encoding: { x, y: { field: 'revenue', type: 'quantitative', title: label(options, 'revenue') } } };
  const retention = { title: label(options, 'retention rate'), width: small.width, height: small.height, data: { values: periods }, mark: { type: 'line', point: true, tooltip: true }, encoding: { x, y: { field: 'retention', type: 'quantitative', title: label(options, 'retention rate'), axis: { format: '%' } } } };
  return spec({
    title: options.title ?? label(options, 'Value-chain dashboard'),
    vconcat: [
      { hconcat: [strip(funnelChart(result, small)), activity] },
      { hconcat: [revenue, retention] },
      { hconcat: [strip(cohortRetentionChart(result, small)), strip(campaignsChart(result, small))] },
    ],
  });
}
