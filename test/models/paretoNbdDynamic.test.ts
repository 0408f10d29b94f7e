import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, fitParetoNbd, fitParetoNbdDynamic, predictParetoNbdDynamic, probabilityAlive, summarize } from '../../src/index.js';
import { gammaDraw, uniforms } from '../helpers/erlangWorld.js';
import { quotedCsv } from '../helpers/datasets.js';

const trans = quotedCsv('apparelTrans.csv');
const tx = { customerId: trans.Id!, date: trans.Date!, amount: trans.Price!.map(Number) };
const text = gunzipSync(readFileSync(new URL('../../../shared/datasets/apparelDynCov.csv.gz', import.meta.url))).toString().trim().split('\n');
const weekly = { customerId: [] as string[], date: [] as string[], season: [] as number[], Gender: [] as number[], Channel: [] as number[] };
for (const line of text.slice(1)) {
  const [id, date, s, g, c] = line.split(',');
  weekly.customerId.push(id!.replaceAll('"', ''));
  weekly.date.push(date!);
  weekly.season.push(Number(s));
  weekly.Gender.push(Number(g));
  weekly.Channel.push(Number(c));
}
const staticCov = quotedCsv('apparelStaticCov.csv');
const staticData = { customerId: staticCov.Id!, Gender: staticCov.Gender!.map(Number), Channel: staticCov.Channel!.map(Number) };
const calibration = summarize(tx, { unit: 'week', observationEnd: '2006-12-31' });

describe('Pareto/NBD with time-varying covariates (Bachmann, Meierer & Näf 2021)', () => {
  it('with covariates constant per customer is the static covariate model: same optimum, same predictions', () => {
    const names = ['Gender', 'Channel'];
    const dyn = fitParetoNbdDynamic(tx, { calibrationEnd: '2006-12-31', unit: 'week', covariates: { data: weekly, purchase: names, dropout: names } });
    const stat = fitParetoNbd(calibration, { covariates: { data: staticData, purchase: names, dropout: names } });
    expect(dyn.logLikelihood).toBeCloseTo(stat.logLikelihood, 4);
    for (const [k, v] of Object.entries(stat.params)) expect((dyn.params as Record<string, number>)[k]! / v).toBeCloseTo(1, 4);
    for (const process of ['purchase', 'dropout'] as const) {
      for (const n of names) {
        expect(dyn.coefficients![process][n]).toBeCloseTo(stat.coefficients![process][n]!, 4);
        expect(dyn.coefficientStandardErrors![process][n]! / stat.coefficientStandardErrors![process][n]!).toBeCloseTo(1, 2);
      }
    }
    const pred = predictParetoNbdDynamic(dyn, calibration, { horizon: 52, covariates: { data: weekly } });
    const alive = probabilityAlive(stat, calibration, { covariates: { data: staticData } });
    const ahead = probabilityAlive(stat, calibration, { covariates: { data: staticData }, ahead: 52 });
    const cond = conditionalExpectedPurchases(stat, calibration, 52, { covariates: { data: staticData } });
    for (const i of [0, 3, 100, 599]) {
      expect(pred.probabilityAlive[i]).toBeCloseTo(alive[i]!, 4);
      expect(pred.probabilityAliveAhead[i]).toBeCloseTo(ahead[i]!, 4);
      expect(pred.expectedPurchases[i]).toBeCloseTo(cond[i]!, 4);
    }
  });

  it('fits the apparel data with the weekly High.Season in seconds, and says which coefficient the data cannot identify', () => {
    const names = ['season', 'Gender', 'Channel'];
    const m = fitParetoNbdDynamic(tx, { calibrationEnd: '2006-12-31', unit: 'week', covariates: { data: weekly, purchase: names, dropout: names } });
    // the high season raises the purchase rate by a factor e^0.72 ≈ 2 with a small standard error
    expect(m.coefficients!.purchase.season).toBeGreaterThan(0.4);
    expect(m.coefficientStandardErrors!.purchase.season).toBeLessThan(0.1);
    // nobody drops out in the high season: that coefficient runs off, and the record says so
    expect(m.converged).toBe(false);
    expect(m.message).toMatch(/dropout\.season/);
  });

  it('recovers a seasonal purchase and dropout effect from customers simulated apart from the library, and predicts their holdout', () => {
    const truth = { r: 1.2, alpha: 8, s: 1, beta: 20 };
    const gp = 0.8;
    const gd = 0.7;
    const n = 2500;
    const weeks = 104;
    const holdoutWeeks = 26;
    const u = uniforms(21);
    const start = Date.UTC(2020, 0, 5);
    const iso = (days: number) => new Date(start + days * 86_400_000).toISOString().slice(0, 10);
    const season = (w: number) => (Math.floor(w / 13) % 2 === 1 ? 1 : 0);
    const cov = { customerId: [] as string[], date: [] as string[], season: [] as number[] };
    const rows = { customerId: [] as string[], date: [] as string[], amount: [] as number[] };
    let holdoutTotal = 0;
    for (let i = 0; i < n; i++) {
      const id = `c${i}`;
      const lambda = gammaDraw(u, truth.r, truth.alpha);
      const mu = gammaDraw(u, truth.s, truth.beta);
      let budget = -Math.log(u()); // death when μ B(t) reaches an Exp(1)
      rows.customerId.push(id);
      rows.date.push(iso(0));
      rows.amount.push(1);
      for (let w = 0; w < weeks + holdoutWeeks; w++) {
        cov.customerId.push(id);
        cov.date.push(iso(7 * w));
        cov.season.push(season(w));
        const hazard = mu * Math.exp(gd * season(w));
        const life = Math.min(1, budget / hazard);
        budget -= hazard * life;
        const k = poisson(u, lambda * Math.exp(gp * season(w)) * life);
        for (let j = 0; j < k; j++) {
          const day = 7 * w + Math.min(6, Math.floor(7 * life * u()));
          if (w < weeks) {
            rows.customerId.push(id);
            rows.date.push(iso(day));
            rows.amount.push(1);
          } else holdoutTotal++;
        }
        if (life < 1) break;
      }
      // covariate rows through the holdout even after death
      for (let w = cov.date.filter((_, r) => cov.customerId[r] === id).length; w < weeks + holdoutWeeks; w++) {
        cov.customerId.push(id);
        cov.date.push(iso(7 * w));
        cov.season.push(season(w));
      }
    }
    const end = iso(7 * weeks - 1);
    const m = fitParetoNbdDynamic(rows, { calibrationEnd: end, unit: 'week', covariates: { data: cov, purchase: ['season'], dropout: ['season'] } });
    expect(m.converged).toBe(true);
    expect(Math.abs((m.coefficients!.purchase.season! - gp) / m.coefficientStandardErrors!.purchase.season!)).toBeLessThan(4);
    expect(Math.abs((m.coefficients!.dropout.season! - gd) / m.coefficientStandardErrors!.dropout.season!)).toBeLessThan(4);
    const cal = summarize(rows, { unit: 'week', observationEnd: end });
    const pred = predictParetoNbdDynamic(m, cal, { horizon: holdoutWeeks, covariates: { data: cov } });
    const predicted = pred.expectedPurchases.reduce((s, v) => s + v, 0);
    // same-day purchases merge in the summary, so the simulated count is an upper bound within a few percent
    expect(Math.abs(predicted / holdoutTotal - 1)).toBeLessThan(0.08);
  }, 60_000);

  it('keeps the prediction contract: P(alive) in [0, 1] and not rising ahead, purchases non-decreasing in the horizon, a JSON round trip', () => {
    const model = { kind: 'pareto-nbd-dynamic' as const, params: { r: 1.5, alpha: 60, s: 0.8, beta: 40 }, unit: 'week' as const, coefficients: { purchase: { season: 0.7, Gender: 0.3 }, dropout: { season: -0.4, Channel: 0.5 } } } as never;
    const covariates = { data: weekly };
    let prev: ArrayLike<number> = new Float64Array(calibration.customerId.length);
    for (const horizon of [0, 4, 26, 104]) {
      const p = predictParetoNbdDynamic(model, calibration, { horizon, covariates });
      for (let i = 0; i < p.expectedPurchases.length; i++) {
        expect(p.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
        expect(p.probabilityAlive[i]).toBeLessThanOrEqual(1);
        expect(p.probabilityAliveAhead[i]).toBeLessThanOrEqual(p.probabilityAlive[i]! * (1 + 1e-12));
        expect(p.expectedPurchases[i]).toBeGreaterThanOrEqual(prev[i]! - 1e-12);
        if (horizon === 0) expect(p.expectedPurchases[i]).toBe(0);
      }
      prev = p.expectedPurchases;
    }
    const again = JSON.parse(JSON.stringify(model));
    expect(Array.from(predictParetoNbdDynamic(again, calibration, { horizon: 26, covariates }).expectedPurchases)).toEqual(Array.from(predictParetoNbdDynamic(model, calibration, { horizon: 26, covariates }).expectedPurchases));
  });

  it('names what is wrong with the covariate table', () => {
    const bad = { ...weekly, season: weekly.season.map((v, i) => (i === 5 ? Number.NaN : v)) };
    expect(() => fitParetoNbdDynamic(tx, { calibrationEnd: '2006-12-31', covariates: { data: bad, purchase: ['season'] } })).toThrow(/row 5: season must be a finite number/);
    expect(() => fitParetoNbdDynamic(tx, { calibrationEnd: '2006-12-31', correlation: true, covariates: { data: weekly, purchase: ['season'] } } as never)).toThrow(/correlation is not supported by the time-varying model/);
    const late = { customerId: ['1'], date: ['2006-01-01'], season: [0] };
    expect(() => fitParetoNbdDynamic(tx, { calibrationEnd: '2006-12-31', covariates: { data: late, purchase: ['season'] } })).toThrow(/customer 1 covariates start after the first purchase/);
  });
});

function poisson(u: () => number, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const v = u();
  while (v > s && k < 1000) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}
