import { beforeAll, describe, expect, it } from 'vitest';
import * as charts from '../../src/charts/index.js';
import { abc, expectedPurchases, rfm } from '../../src/index.js';
import { cdnowResults, crmResults } from './fixtures.js';
import { allTexts, dataMarks, render } from './render.js';

let r: ReturnType<typeof cdnowResults>;
let c: ReturnType<typeof crmResults>;
beforeAll(() => {
  r = cdnowResults();
  c = crmResults();
});

/** Render, check the SVG and that vega-lite had nothing to warn about. */
async function rendered(spec: charts.VegaLiteSpec) {
  expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // plain JSON: no typed arrays, no NaN
  const out = await render(spec);
  expect(out.svg.startsWith('<svg')).toBe(true);
  expect(out.warnings).toEqual([]);
  return out;
}

describe('the BTYD charts render headless and carry the results', () => {
  it('periodTransactionsChart: one bar per bucket and source, with the histogram counts', async () => {
    const { marks } = await rendered(charts.periodTransactionsChart(r.histogram));
    const bars = dataMarks(marks, 'rect').flatMap((m) => m.data);
    expect(bars.length).toBe(2 * r.histogram.label.length);
    expect(bars.filter((b) => b.source === 'actual').map((b) => b.customers)).toEqual(Array.from(r.histogram.actual));
  });

  it('calibrationHoldoutChart: the mean holdout purchases by calibration frequency, worked out here', async () => {
    const { marks } = await rendered(charts.calibrationHoldoutChart(r.comparison, r.split, { maxFrequency: 7 }));
    const points = dataMarks(marks, 'symbol').flatMap((m) => m.data);
    const at0 = points.find((p) => p.frequency === 0 && p.source === 'actual')!;
    let sum = 0;
    let n = 0;
    for (let i = 0; i < r.split.length; i++) if (r.split.frequency[i] === 0) (sum += r.split.frequencyHoldout[i]!), n++;
    expect(at0.purchases).toBeCloseTo(sum / n, 12);
    expect(points.length).toBe(16);
  });

  it('trackingChart: two lines over the dates, cumulative or incremental, with the calibration rule', async () => {
    const { marks } = await rendered(charts.trackingChart(r.tracking, { calibrationEnd: '1997-09-30' }));
    const lines = dataMarks(marks, 'line');
    expect(lines.map((l) => l.data.length)).toEqual([r.tracking.date.length, r.tracking.date.length]);
    expect(dataMarks(marks, 'rule').length).toBe(1);
    const inc = await rendered(charts.trackingChart(r.tracking, { incremental: true }));
    expect(dataMarks(inc.marks, 'line')[0]!.data.map((d) => d.purchases)).toEqual(Array.from(r.tracking.actualIncremental));
  });

  it('expectedPurchasesChart: E[X(t)] from 0 to the horizon, the closed form of FHL (2005) eq. (7) at the end', async () => {
    const { marks } = await rendered(charts.expectedPurchasesChart(r.bg, { horizon: 78 }));
    const line = dataMarks(marks, 'line')[0]!.data;
    expect(line.length).toBe(101);
    const { r: rr, alpha, a, b } = r.bg.params;
    // E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))], the series summed here
    const t = 78;
    const z = t / (alpha + t);
    let term = 1;
    let f = 1;
    for (let k = 0; k < 5000; k++) {
      term *= ((rr + k) * (b + k)) / ((a + b - 1 + k) * (k + 1)) * z;
      f += term;
    }
    expect(line.at(-1)!.purchases as number).toBeCloseTo(((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** rr * f), 6);
    expect(line.at(-1)!.purchases).toBe(expectedPurchases(r.bg, 78));
  });

  it('probabilityAliveHistoryChart: the step line and a point per purchase', async () => {
    const { marks } = await rendered(charts.probabilityAliveHistoryChart(r.aliveHistory));
    const purchases = Array.from(r.aliveHistory.frequency).filter((f, i, a) => i > 0 && f > a[i - 1]!).length;
    expect(dataMarks(marks, 'symbol')[0]!.data.length).toBe(purchases);
    expect(dataMarks(marks, 'line')[0]!.data.length).toBe(r.aliveHistory.length);
  });

  it('the frequency-recency matrices: one cell per (x, t_x) of the grid, P(alive) 1 without repeat purchases', async () => {
    const alive = await rendered(charts.probabilityAliveMatrixChart(r.bg, { T: 39, maxFrequency: 10, recencySteps: 13 }));
    const cells = dataMarks(alive.marks, 'rect').flatMap((m) => m.data);
    expect(cells.length).toBe(1 + 10 * 13);
    expect(cells.find((d) => d.frequency === 0)!.value).toBe(1);
    const expected = await rendered(charts.frequencyRecencyChart(r.pareto, { T: 39, maxFrequency: 5, recencySteps: 4 }));
    expect(dataMarks(expected.marks, 'rect').flatMap((m) => m.data).length).toBe(1 + 5 * 4);
  });
});

describe('the heterogeneity, spend and pmf charts are densities and probabilities', () => {
  const integral = (points: Array<Record<string, unknown>>, x: string, y: string): number => {
    let s = 0;
    for (let i = 1; i < points.length; i++) s += (((points[i]![y] as number) + (points[i - 1]![y] as number)) / 2) * ((points[i]![x] as number) - (points[i - 1]![x] as number));
    return s;
  };

  it('heterogeneityChart: the Beta(a, b) of BG/NBD dropout and the Gamma(s, β) of Pareto/NBD integrate to about 1', async () => {
    const beta = await rendered(charts.heterogeneityChart(r.bg, { process: 'dropout', points: 2000 }));
    expect(integral(dataMarks(beta.marks, 'area')[0]!.data, 'x', 'density')).toBeGreaterThan(0.95);
    const gamma = await rendered(charts.heterogeneityChart(r.pareto, { process: 'purchase', points: 2000 }));
    expect(integral(dataMarks(gamma.marks, 'area')[0]!.data, 'x', 'density')).toBeGreaterThan(0.95);
    expect(allTexts(gamma.marks).some((t) => t.startsWith('λ ~ Gamma('))).toBe(true);
  });

  it('spendingChart: the observed histogram integrates to the share under the 99th percentile; the model line is drawn', async () => {
    const { marks } = await rendered(charts.spendingChart(r.gg, r.split));
    const bars = dataMarks(marks, 'rect').flatMap((m) => m.data);
    const width = (bars[1]!.spend as number) - (bars[0]!.spend as number);
    const mass = bars.reduce((s, b) => s + (b.density as number) * width, 0);
    expect(mass).toBeGreaterThan(0.98);
    expect(mass).toBeLessThanOrEqual(1 + 1e-9);
    expect(dataMarks(marks, 'line')[0]!.data.length).toBe(200);
  });

  it('purchasesPmfChart: the probabilities of 0..300 purchases sum to 1', async () => {
    const { marks } = await rendered(charts.purchasesPmfChart(r.bg, { t: 52, maxPurchases: 300 }));
    const p = dataMarks(marks, 'rect').flatMap((m) => m.data).map((d) => d.probability as number);
    expect(p.length).toBe(301);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
  });
});

describe('the RFM and ABC charts', () => {
  it('rfmHeatmapChart: one cell per (R, F) pair present, with its mean monetary value', async () => {
    const { marks } = await rendered(charts.rfmHeatmapChart(r.rfm));
    const cells = dataMarks(marks, 'rect').flatMap((m) => m.data);
    const pairs = new Set(Array.from(r.rfm.customers.rScore, (s, i) => `${s}${r.rfm.customers.fScore[i]}`));
    expect(cells.length).toBe(pairs.size);
    expect(cells.reduce((n, d) => n + (d.customers as number), 0)).toBe(r.rfm.customers.length);
  });

  it('rfmSegmentsChart: two bars per segment with customers, the shares of rfm().segments', async () => {
    const { marks } = await rendered(charts.rfmSegmentsChart(r.rfm));
    const bars = dataMarks(marks, 'rect').flatMap((m) => m.data);
    const withCustomers = Array.from(r.rfm.segments.count).filter((n) => n > 0).length;
    expect(bars.length).toBe(2 * withCustomers);
    const champions = r.rfm.segments.segment.indexOf('Champions');
    expect(bars.find((b) => b.segment === 'Champions' && b.measure === 'share of revenue')!.share).toBe(r.rfm.segments.shareOfRevenue[champions]);
  });

  it('rfmHistogramsChart and rfmScatterChart: three histograms of all customers; a point per customer', async () => {
    const h = await rendered(charts.rfmHistogramsChart(r.rfm));
    const bars = dataMarks(h.marks, 'rect');
    expect(bars.length).toBe(3);
    const columns = [r.rfm.customers.recency, r.rfm.customers.frequency, r.rfm.customers.monetary];
    bars.forEach((b, k) => {
      expect(b.data.length).toBeLessThanOrEqual(30);
      expect(b.data.reduce((n, d) => n + (d.count as number), 0)).toBe(r.rfm.customers.length);
      // each bar counts the customers in [bin0, bin1), the last one closed, counted here directly
      const values = Array.from(columns[k]!);
      b.data.forEach((d, j) => {
        const last = j === b.data.length - 1;
        expect(d.count).toBe(values.filter((v) => v >= (d.bin0 as number) && (v < (d.bin1 as number) || (last && v <= (d.bin1 as number)))).length);
      });
    });
    // purchase days are whole numbers: bins one or more whole days wide
    expect(bars[1]!.data.every((d) => Number.isInteger(d.bin0) && Number.isInteger(d.bin1))).toBe(true);
    const s = await rendered(charts.rfmScatterChart(r.rfm, { pair: 'rm' }));
    expect(dataMarks(s.marks, 'symbol')[0]!.data.length).toBe(r.rfm.customers.length);
  });

  it("lorenzChart: the curve's points equal abc().pareto.lorenz, with the line of equality", async () => {
    const { marks } = await rendered(charts.lorenzChart(r.abc));
    const [curve, equality] = dataMarks(marks, 'line');
    expect(curve!.data.map((d) => [d.customers, d.value])).toEqual(Array.from(r.abc.pareto.lorenz.customers, (x, i) => [x, r.abc.pareto.lorenz.value[i]]));
    expect(equality!.data.length).toBe(2);
    expect(allTexts(marks).some((t) => t.includes(`Gini ${r.abc.pareto.gini.toFixed(3)}`))).toBe(true);
  });

  it('paretoChart: values by rank coloured by tier, the cumulative share ending at 1, the 80 % mark', async () => {
    const { marks } = await rendered(charts.paretoChart(r.abc, { maxBars: 300 }));
    const areas = dataMarks(marks, 'area');
    expect(areas.length).toBe(3); // one per tier
    const points = areas.flatMap((m) => m.data);
    expect(points.length).toBe(300);
    expect(new Set(points.map((b) => b.tier))).toEqual(new Set(['A', 'B', 'C']));
    const values = points.map((b) => b.value as number);
    expect(values.every((v, i) => i === 0 || v <= values[i - 1]!)).toBe(true);
    const line = dataMarks(marks, 'line')[0]!.data;
    expect(line.at(-1)!.cumulative as number).toBeGreaterThan(0.99);
    expect(dataMarks(marks, 'rule')[0]!.data[0]!.share).toBe(r.abc.pareto.customersFor80);
  });
});

describe('the value and CRM charts', () => {
  it('clvDistributionChart and valueDecompositionChart: every customer counted; each stack sums to the lifetime value', async () => {
    const d = await rendered(charts.clvDistributionChart(r.clv));
    const bars = dataMarks(d.marks, 'rect')[0]!.data;
    expect(bars.reduce((n, b) => n + (b.count as number), 0)).toBe(r.clv.length);
    expect(bars.length).toBeLessThanOrEqual(40);
    const clv = Array.from(r.clv);
    for (const b of bars.slice(0, -1)) expect(b.count).toBe(clv.filter((v) => v >= (b.bin0 as number) && v < (b.bin1 as number)).length);
    const v = await rendered(charts.valueDecompositionChart(r.decomposition, { top: 10 }));
    const parts = dataMarks(v.marks, 'rect')[0]!.data;
    expect(parts.length).toBe(30);
    const best = Math.max(...r.decomposition.lifetime);
    const top = parts.filter((p) => p.rank === 0).reduce((s, p) => s + (p.value as number), 0);
    expect(top).toBeCloseTo(best, 9);
  });

  it('holdoutScatterChart: a point per customer', async () => {
    const { marks } = await rendered(charts.holdoutScatterChart(r.comparison));
    expect(dataMarks(marks, 'symbol')[0]!.data.length).toBe(r.comparison.customers.length);
  });

  it('the scatter charts draw at most maxPoints customers, evenly spaced, and say so in the subtitle', async () => {
    const n = r.rfm.customers.length;
    const s = await rendered(charts.rfmScatterChart(r.rfm, { maxPoints: 100 }));
    const points = dataMarks(s.marks, 'symbol')[0]!.data;
    expect(points.length).toBe(100);
    // the j-th point is customer floor(j n / 100)
    for (const j of [0, 37, 99]) expect(points[j]!.monetary).toBe(r.rfm.customers.monetary[Math.floor((j * n) / 100)]);
    expect(allTexts(s.marks)).toContain(`100 of ${n.toLocaleString('en-US')} customers, evenly spaced`);
    const h = await rendered(charts.holdoutScatterChart(r.comparison, { maxPoints: 50, locale: 'zh' }));
    expect(dataMarks(h.marks, 'symbol')[0]!.data.length).toBe(50);
    // the diagonal still spans every customer
    const top = Math.max(...r.comparison.customers.predicted, ...r.comparison.customers.actual);
    expect(dataMarks(h.marks, 'line')[0]!.data.at(-1)!.actual).toBe(top);
    expect(allTexts(h.marks).some((t) => t.includes('均匀抽取的 50 位'))).toBe(true);
    expect(() => charts.rfmScatterChart(r.rfm, { maxPoints: 0 })).toThrow(/rfmScatterChart: maxPoints/);
  });

  it("funnelChart: the last period's six stages; cohortRetentionChart: a cell per observed cohort and offset", async () => {
    const f = await rendered(charts.funnelChart(c.valueChain));
    const last = c.valueChain.funnel.at(-1)!;
    expect(dataMarks(f.marks, 'rect')[0]!.data.map((d) => d.customers)).toEqual([last.known, last.differentiated, last.touched, last.responded, last.purchased, last.retained]);
    const h = await rendered(charts.cohortRetentionChart(c.valueChain));
    const cells = c.valueChain.cohorts.share.flat().filter((s) => typeof s === 'number' && Number.isFinite(s)).length;
    expect(dataMarks(h.marks, 'rect')[0]!.data.length).toBe(cells);
  });

  it('lifecycleTransitionsChart: a cell per pair with customers; campaignsChart: ROI and uplift bars per campaign', async () => {
    const t = await rendered(charts.lifecycleTransitionsChart(c.transitions));
    expect(dataMarks(t.marks, 'rect')[0]!.data.length).toBe(Array.from(c.transitions.pairs.count).filter((n) => n > 0).length);
    const k = await rendered(charts.campaignsChart(c.valueChain));
    const bars = dataMarks(k.marks, 'rect');
    expect(bars.map((b) => b.data.length)).toEqual([c.valueChain.campaigns.length, c.valueChain.campaigns.length]);
  });

  it('valueChainDashboard: the funnel, activity, revenue, retention, cohorts and campaigns on one page', async () => {
    const { marks } = await rendered(charts.valueChainDashboard(c.valueChain));
    const texts = allTexts(marks);
    for (const t of ['Value-chain dashboard', 'active customers', 'revenue', 'retention rate', 'Cohort retention', 'Campaigns']) expect(texts).toContain(t);
  });
});

describe('Chinese labels and bad input', () => {
  it('draws the same marks with Chinese titles and axis labels', async () => {
    const { marks } = await rendered(charts.rfmSegmentsChart(r.rfm, { locale: 'zh' }));
    const texts = allTexts(marks);
    expect(texts).toContain('RFM 细分');
    expect(texts).toContain('细分');
    const lorenz = await rendered(charts.lorenzChart(r.abc, { locale: 'zh', title: '我的标题' }));
    expect(allTexts(lorenz.marks)).toContain('我的标题');
  });

  it('refuses what is not the result a chart draws, naming the chart', () => {
    expect(() => charts.lorenzChart({})).toThrow(/lorenzChart: expects the result of abc/);
    expect(() => charts.funnelChart(null)).toThrow(/funnelChart: expects the result of valueChain/);
    expect(() => charts.heterogeneityChart(r.gg as never)).toThrow(/heterogeneityChart/);
    expect(() => charts.expectedPurchasesChart(r.bg, { horizon: -1 })).toThrow(/horizon must be a number/);
  });
});

describe('the specs stay small whatever the number of customers', () => {
  it('200,000 customers: the per-customer charts inline at most a few thousand rows', () => {
    const n = 200_000;
    // two purchases per customer, spread over a year
    const customerId = Float64Array.from({ length: 2 * n }, (_, i) => i % n);
    const date = Float64Array.from({ length: 2 * n }, (_, i) => Date.UTC(2024, 0, 1) + ((i * 7919) % 365) * 86_400_000);
    const amount = Float64Array.from({ length: 2 * n }, (_, i) => 5 + ((i * 104_729) % 1000) / 10);
    const tx = { customerId, date, amount };
    const big = rfm(tx);
    const specs = {
      scatter: charts.rfmScatterChart(big),
      histograms: charts.rfmHistogramsChart(big),
      pareto: charts.paretoChart(abc(tx)),
      clv: charts.clvDistributionChart(big.customers.monetary),
      holdout: charts.holdoutScatterChart({ customers: { predicted: big.customers.monetary, actual: big.customers.frequency } }),
    };
    for (const [name, spec] of Object.entries(specs)) expect(JSON.stringify(spec).length, name).toBeLessThan(600_000);
  });
});
