/**
 * What every chart shares: the Vega-Lite specification type, the top-level defaults, the
 * labels in English and Chinese, and the check that an input is the result a chart expects.
 * @internal
 */
import { isColumn } from '../data/input.js';
import { CustomerValueError, describeValue, optionError } from '../errors.js';

/** A Vega-Lite (v5+) specification: plain JSON with its data inlined. Render it with vega-embed, vl-convert, Observable, Jupyter... */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/** Options every chart takes. */
export interface ChartOptions {
  /** Labels in English (default) or Chinese. */
  locale?: 'en' | 'zh' | undefined;
  /** A title instead of the chart's own. */
  title?: string | undefined;
  /** Width and height in pixels of one view. Default 480 × 300. */
  width?: number | undefined;
  height?: number | undefined;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const ZH: Readonly<Record<string, string>> = {
  customers: '客户数', 'share of customers': '客户占比', 'share of revenue': '收入占比', 'share of value': '价值占比', revenue: '收入', value: '价值',
  segment: '细分', tier: '等级', 'repeat purchases': '重复购买次数', purchases: '购买次数', actual: '实际', model: '模型', predicted: '预测',
  'calibration purchases': '校准期购买次数', 'holdout purchases per customer': '验证期人均购买次数', date: '日期', 'cumulative repeat purchases': '累计重复购买',
  'repeat purchases per period': '每期重复购买', 'expected purchases': '预期购买次数', 'P(alive)': '存活概率', frequency: '频次', recency: '最近一次购买时间',
  density: '密度', 'purchase rate λ': '购买率 λ', 'spend level': '消费水平', 'mean spend per purchase': '每次购买平均消费', probability: '概率',
  'R score': 'R 得分', 'F score': 'F 得分', 'M score': 'M 得分', 'mean monetary value': '平均消费金额', 'days since last purchase': '距上次购买天数',
  'purchase days': '购买天数', monetary: '消费金额', 'customers ranked by value': '按价值排序的客户', 'cumulative share of value': '累计价值占比',
  'cumulative share of customers': '累计客户占比', 'line of equality': '均等线', 'Lorenz curve': '洛伦兹曲线', 'customer lifetime value': '客户终身价值',
  historical: '历史价值', current: '当前价值', potential: '潜在价值', component: '组成', stage: '阶段', period: '时期', cohort: '同期群', 'periods since acquisition': '获客后时期数',
  'share retained': '留存率', from: '起始阶段', to: '目标阶段', campaign: '营销活动', ROI: '投资回报率', 'uplift per customer': '人均增量', known: '已知', differentiated: '已区分',
  touched: '已接触', responded: '已响应', purchased: '已购买', retained: '已留存', 'active customers': '活跃客户', 'retention rate': '留存率', 'days': '天', 'weeks': '周', 'months': '月', 'years': '年',
  'Purchase frequency: actual and model': '购买频次：实际与模型', 'Holdout purchases by calibration purchases': '按校准期购买次数的验证期购买', 'Tracking repeat purchases': '重复购买跟踪',
  'Expected purchases of a new customer': '新客户的预期购买次数', 'Expected purchases by frequency and recency': '按频次和最近购买的预期购买', 'P(alive) by frequency and recency': '按频次和最近购买的存活概率',
  'Purchase rate heterogeneity': '购买率异质性', 'Dropout heterogeneity': '流失异质性', 'Spend level: customers and model': '消费水平：客户与模型', 'Purchases in the period: model': '期内购买次数：模型',
  'P(alive) over the history': '存活概率历史', 'RFM heat map': 'RFM 热力图', 'RFM segments': 'RFM 细分', 'RFM distributions': 'RFM 分布', 'ABC Pareto chart': 'ABC 帕累托图',
  'CLV distribution': '客户终身价值分布', 'Value decomposition': '价值分解', 'Holdout: predicted and actual purchases': '验证期：预测与实际购买', 'Value-chain funnel': '价值链漏斗',
  'Cohort retention': '同期群留存', 'Lifecycle transitions': '生命周期转移', 'Campaigns': '营销活动', 'Value-chain dashboard': '价值链仪表盘', 'variable': '变量',
  'P(exactly n purchases)': '恰好 n 次购买的概率', 'next': '未来', 'dropout probability p': '流失概率 p', 'dropout rate μ': '流失率 μ', 'probability p': '概率 p',
};

/** The label in the chart's locale (English is the key). */
export const label = (o: ChartOptions, english: string): string => (o.locale === 'zh' ? (ZH[english] ?? english) : english);

/** A unit's plural in the locale, for axis titles: 'weeks' / '周'. */
export const unitLabel = (o: ChartOptions, unit: string | undefined): string => label(o, `${unit ?? 'week'}s`);

/** Non-finite numbers as null, deeply: a spec is plain JSON (NaN and Infinity are not). */
function plain(x: unknown): unknown {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (Array.isArray(x)) return x.map(plain);
  if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}

/** A spec as plain JSON, with the schema. */
export function spec(rest: Record<string, unknown>): VegaLiteSpec {
  return plain({ $schema: SCHEMA, ...rest }) as VegaLiteSpec;
}

/** The top level of a single-view chart, with a subtitle when one is given. */
export function top(o: ChartOptions, title: string, rest: Record<string, unknown>, subtitle?: string): VegaLiteSpec {
  const text = o.title ?? label(o, title);
  return spec({ title: subtitle === undefined ? text : { text, subtitle }, width: o.width ?? 480, height: o.height ?? 300, ...rest });
}

/** Points a scatter chart draws at most by default: more make a spec browsers render slowly. */
export const MAX_POINTS = 5000;

/**
 * The rows a scatter chart draws: all n, or `maxPoints` (default {@link MAX_POINTS}) spread
 * evenly over them (row floor(j n / maxPoints)), with the subtitle that says so.
 */
export function pointRows(fn: string, o: ChartOptions & { maxPoints?: number | undefined }, n: number): { rows: Int32Array; subtitle: string | undefined } {
  const max = Math.floor(numberIn(fn, 'maxPoints', o.maxPoints, MAX_POINTS, 1, Number.MAX_SAFE_INTEGER));
  if (n <= max) return { rows: Int32Array.from({ length: n }, (_, i) => i), subtitle: undefined };
  const rows = Int32Array.from({ length: max }, (_, j) => Math.floor((j * n) / max));
  const count = (k: number): string => k.toLocaleString('en-US');
  const subtitle = o.locale === 'zh' ? `显示 ${count(n)} 位客户中均匀抽取的 ${count(max)} 位` : `${count(max)} of ${count(n)} customers, evenly spaced`;
  return { rows, subtitle };
}

/** The chart options, checked: an object (or nothing) with a known locale, a string title and sizes > 0. */
export function chartOptions<O extends ChartOptions>(fn: string, options: O | undefined): O {
  if (options === undefined) return {} as O;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) optionError(fn, 'options', 'must be an object', options);
  if (options.locale !== undefined && options.locale !== 'en' && options.locale !== 'zh') optionError(fn, 'locale', "must be 'en' or 'zh'", options.locale);
  if (options.title !== undefined && typeof options.title !== 'string') optionError(fn, 'title', 'must be a string', options.title);
  for (const k of ['width', 'height'] as const) {
    const v = options[k];
    if (v !== undefined && !(typeof v === 'number' && v > 0 && v < 100_000)) optionError(fn, k, 'must be a number of pixels > 0', v);
  }
  return options;
}

/**
 * The named columns of a result (arrays or typed arrays of one length), or an error naming
 * the chart, what it takes and the column that is not one.
 */
export function expectColumns(fn: string, input: unknown, what: string, names: readonly string[]): Record<string, ArrayLike<unknown>> {
  const x = expectResult(fn, input, what, () => true);
  let n = -1;
  for (const name of names) {
    const col = x[name];
    if (!isColumn(col) || (n >= 0 && col.length !== n)) {
      const message = `expects ${what}: ${name} must be an array${n >= 0 ? ` of ${n} values` : ''}, got ${describeValue(col)}`;
      throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_input', path: ['result', name], message, value: col }]);
    }
    n = col.length;
  }
  return x as Record<string, ArrayLike<unknown>>;
}

/** Rows (objects) from equal-length columns, what `data.values` holds. */
export function rowsOf(columns: Readonly<Record<string, ArrayLike<unknown>>>): Array<Record<string, unknown>> {
  const names = Object.keys(columns);
  const n = names.length ? (columns[names[0]!] as ArrayLike<unknown>).length : 0;
  const out = new Array<Record<string, unknown>>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (const k of names) {
      const v = (columns[k] as ArrayLike<unknown>)[i];
      row[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    }
    out[i] = row;
  }
  return out;
}

/** The error of a chart given something it does not draw: names the chart and what it takes. */
export function refuse(fn: string, what: string, input: unknown): never {
  const message = `expects ${what}, got ${describeValue(input)}`;
  throw new CustomerValueError('invalid_input', `${fn}: ${message}`, [{ code: 'invalid_input', path: ['result'], message, value: input }]);
}

/** The input, or {@link refuse}. */
export function expectResult(fn: string, input: unknown, what: string, ok: (x: Record<string, unknown>) => boolean): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || !ok(input as Record<string, unknown>)) refuse(fn, what, input);
  return input as Record<string, unknown>;
}

/** A number option in a range, or an error naming it. */
export function numberIn(fn: string, name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min && value <= max)) optionError(fn, name, `must be a number from ${min} to ${max}`, value);
  return value as number;
}
