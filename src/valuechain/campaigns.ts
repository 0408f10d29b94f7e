import { dayToIso } from '../data/days.js';
import type { SummaryPartial } from '../summary/partial.js';
import type { CampaignMetrics } from './types.js';
import { rate } from './rate.js';
import { welchTest } from './upliftTest.js';

/** What valueChain gathers per campaign from the interactions. @internal */
export interface CampaignAcc {
  /** First contact day per reached customer. */
  first: Map<number, number>;
  responders: Set<number>;
  cost: number;
  /** First contact day of the campaign. */
  start: number;
}

/**
 * Per campaign: reach, responders, revenue attributed to reached customers (their purchase
 * days from their first contact to `window` days after it), cost, ROI, and uplift against the
 * customers known before the campaign start that it did not reach (their revenue in the
 * window after the start). @internal
 */
export function campaignMetrics(
  campaigns: Map<string, CampaignAcc>,
  partial: SummaryPartial,
  nTx: number,
  knownDay: Float64Array,
  window: number,
  margin: number,
): CampaignMetrics[] {
  const { dayStart, day, valueHi, valueLo } = partial;
  const revenueBetween = (c: number, a: number, b: number): number => {
    if (c >= nTx) return 0;
    let s = 0;
    for (let i = dayStart[c] as number; i < (dayStart[c + 1] as number); i++) {
      const d = day[i] as number;
      if (d > b) break;
      if (d >= a) s += (valueHi[i] as number) + (valueLo[i] as number);
    }
    return s;
  };
  const rows: CampaignMetrics[] = [];
  for (const [campaignId, acc] of [...campaigns.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    let attributed = 0;
    const reachedValues: number[] = [];
    for (const [c, d0] of acc.first) {
      const v = revenueBetween(c, d0, d0 + window);
      attributed += v;
      reachedValues.push(v);
    }
    const reached = acc.first.size;
    let controlCount = 0;
    let controlRevenue = 0;
    const controlValues: number[] = [];
    for (let c = 0; c < knownDay.length; c++) {
      if ((knownDay[c] as number) < acc.start && !acc.first.has(c)) {
        controlCount++;
        const v = revenueBetween(c, acc.start, acc.start + window);
        controlRevenue += v;
        controlValues.push(v);
      }
    }
    const uplift = controlCount > 0 && reached > 0 ? attributed / reached - controlRevenue / controlCount : null;
    rows.push({
      campaignId,
      start: Number.isFinite(acc.start) ? dayToIso(acc.start) : '',
      reached,
      responders: acc.responders.size,
      responseRate: rate(acc.responders.size, reached),
      attributedRevenue: attributed,
      cost: acc.cost,
      roi: acc.cost > 0 ? (attributed * margin - acc.cost) / acc.cost : null,
      controlCustomers: controlCount,
      upliftPerCustomer: uplift,
      incrementalRevenue: uplift === null ? null : uplift * reached,
      upliftTest: welchTest(reachedValues, controlValues) ?? null,
    });
  }
  return rows;
}
