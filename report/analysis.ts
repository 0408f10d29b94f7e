/**
 * What the report page computes, in its worker: CSV text in, the sections' tables, the
 * charts' specifications and the per-customer table out. Pure (no DOM), so the tests can
 * run it in Node too.
 */
import * as cv from '../src/index.js';
import * as charts from '../src/charts/index.js';
import { columnsToCsv, parseCsvText } from '../src/data/csv.js';

export interface ReportInput {
  transactions: string;
  interactions?: string | undefined;
}

export interface ReportOutput {
  columns: { customerId: string; date: string; amount: string };
  stats: Array<[string, string]>;
  segments: Array<Record<string, unknown>>;
  tiers: Array<Record<string, unknown>>;
  model: Array<[string, string]>;
  top: Array<Record<string, unknown>>;
  charts: Record<string, charts.VegaLiteSpec>;
  customersCsv: string;
}

const CANDIDATES = {
  customerId: ['customerid', 'customer_id', 'customer', 'client_id', 'user_id', 'id', 'master_id'],
  date: ['date', 'order_date', 'orderdate', 'transaction_date', 'purchase_date', 'timestamp', 'created_at'],
  amount: ['amount', 'value', 'revenue', 'sales', 'total', 'price', 'dollar_value', 'net_amount'],
};

/** The column playing each role: the first header (case-insensitive) among the usual names. */
function detect(header: string[], role: keyof typeof CANDIDATES, file: string): string {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const name of CANDIDATES[role]) {
    const j = lower.indexOf(name);
    if (j >= 0) return header[j] as string;
  }
  throw new cv.CustomerValueError('invalid_input', `${file}: no ${role} column; the header has ${header.join(', ')} (expected one of ${CANDIDATES[role].join(', ')})`);
}

/** CSV text as columns: strings, numbers for the numeric names, and null for an empty cell (an absent optional field). */
function columnsOf(text: string, numeric: readonly string[]): { header: string[]; cols: Record<string, unknown[]> } {
  const [header = [], ...rows] = parseCsvText(text);
  const cols: Record<string, unknown[]> = {};
  header.forEach((h, j) => {
    cols[h] = rows.map((r) => {
      const cell = r[j] ?? '';
      if (cell.trim() === '') return null;
      return numeric.includes(h) ? Number(cell) : cell;
    });
  });
  return { header, cols };
}

const fixed = (x: number, d = 2): string => (Number.isFinite(x) ? x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');

/** Every section of the report, with a progress call after each step (share done, what is next). */
export function analyze(input: ReportInput, progress: (share: number, step: string) => void = () => {}): ReportOutput {
  progress(0.02, 'reading the transactions');
  const head = parseCsvText(input.transactions.slice(0, input.transactions.indexOf('\n') + 1 || undefined))[0] ?? [];
  const fields = { customerId: detect(head, 'customerId', 'transactions'), date: detect(head, 'date', 'transactions'), amount: detect(head, 'amount', 'transactions') };
  const tx = columnsOf(input.transactions, [fields.amount]).cols;
  const ix = input.interactions ? columnsOf(input.interactions, ['cost', 'score']).cols : null;
  progress(0.15, 'summarizing');
  const s = cv.summarize(tx, { fields, unit: 'week' });
  const repeat = Array.from(s.frequency).filter((f) => f > 0).length;
  let revenue = 0;
  for (const v of s.totalValue) revenue += v;
  progress(0.3, 'RFM and ABC');
  const r = cv.rfm(tx, { fields });
  const a = cv.abc(tx, { fields });
  progress(0.45, 'fitting BG/NBD and Gamma-Gamma');
  const bg = cv.fitBgNbd(s);
  const gg = cv.fitGammaGamma(s);
  progress(0.6, 'lifetime value');
  const clv = cv.customerLifetimeValue({ purchaseModel: bg, spendModel: gg, customers: s, horizon: 52, unit: 'week', discountRate: 0.0019 });
  const alive = cv.probabilityAlive(bg, s);
  const order = Array.from(clv.keys()).sort((x, y) => (clv[y] as number) - (clv[x] as number)).slice(0, 20);
  progress(0.7, 'the value chain');
  const chain = cv.valueChain(tx, ix, { period: 'month', fields });
  progress(0.82, 'the per-customer table');
  const profiles = cv.customerProfiles(tx, ix, { fields, purchaseModel: bg, spendModel: gg, horizon: 12, clvUnit: 'month', discountRate: 0.0083 });
  progress(0.9, 'charts');
  return {
    columns: fields,
    stats: [
      ['customers', s.length.toLocaleString('en')],
      ['transactions (rows)', s.report.rows.toLocaleString('en')],
      ['period', `${s.firstPurchase.reduce((m, d) => (d < m ? d : m), '9999')} to ${s.observationEnd}`],
      ['revenue', fixed(revenue)],
      ['repeat customers', `${repeat.toLocaleString('en')} (${((100 * repeat) / Math.max(1, s.length)).toFixed(1)} %)`],
      ['Gini of customer value', a.pareto.gini.toFixed(3)],
      ['share of value of the top 20 %', `${(100 * a.pareto.top20Share).toFixed(1)} %`],
    ],
    segments: cv.toRows(r.segments).filter((x) => x.count > 0).map((x) => ({ segment: x.segment, customers: x.count, 'share of customers': `${(100 * x.shareOfCustomers).toFixed(1)} %`, 'share of revenue': `${(100 * x.shareOfRevenue).toFixed(1)} %` })),
    tiers: cv.toRows(a.tiers).map((x) => ({ tier: x.tier, customers: x.count, value: fixed(x.value), 'share of value': `${(100 * x.shareOfValue).toFixed(1)} %` })),
    model: [
      ['BG/NBD', Object.entries(bg.params).map(([k, v]) => `${k} = ${(v as number).toFixed(4)}`).join(', ')],
      ['Gamma-Gamma', Object.entries(gg.params).map(([k, v]) => `${k} = ${(v as number).toFixed(3)}`).join(', ')],
    ],
    top: order.map((i) => ({ customerId: s.customerId[i], 'purchases so far': (s.frequency[i] as number) + 1, 'P(alive)': (alive[i] as number).toFixed(3), 'CLV, 52 weeks': fixed(clv[i] as number) })),
    charts: {
      segments: charts.rfmSegmentsChart(r),
      heatmap: charts.rfmHeatmapChart(r),
      pareto: charts.paretoChart(a),
      lorenz: charts.lorenzChart(a),
      histogram: charts.periodTransactionsChart(cv.repeatPurchaseHistogram(bg, s)),
      alive: charts.probabilityAliveMatrixChart(bg, { T: Math.max(...s.T) }),
      clv: charts.clvDistributionChart(clv),
      dashboard: charts.valueChainDashboard(chain),
    },
    customersCsv: columnsToCsv(profiles as unknown as Record<string, ArrayLike<unknown>>),
  };
}
