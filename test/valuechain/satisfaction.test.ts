import { describe, expect, it } from 'vitest';
import { CustomerValueError, InteractionSchema, satisfaction } from '../../src/index.js';

const r = (numerator: number, denominator: number) => ({ value: denominator > 0 ? numerator / denominator : null, numerator, denominator });
const survey = (customerId: string, date: string, score: number, scale?: string) => ({ customerId, date, channel: 'web', kind: 'survey', score, ...(scale ? { scale } : {}) });
const interactions = [
  survey('A', '2024-01-10', 5),
  survey('A', '2024-02-10', 4),
  survey('B', '2024-01-05', 3), // before B's complaint
  { customerId: 'B', date: '2024-01-20', channel: 'call-center', kind: 'complaint' },
  survey('B', '2024-01-22', 2), // while it is open
  { customerId: 'B', date: '2024-01-25', channel: 'call-center', kind: 'service', outcome: 'resolved' },
  survey('B', '2024-02-01', 4), // after its resolution
  survey('C', '2024-01-15', 10, '0-10'),
  survey('C', '2024-02-15', 6, '0-10'),
  survey('D', '2024-03-01', 8, '0-10'),
];
const transactions = [
  { customerId: 'E', date: '2024-01-03', amount: 10 },
  { customerId: 'C', date: '2024-01-20', amount: 10 },
  { customerId: 'A', date: '2024-02-20', amount: 10 }, // 10 days after A's last response: stayed
  { customerId: 'B', date: '2024-03-15', amount: 10 }, // 43 days after B's: not within 30
];
const segments = { customerId: ['A', 'B', 'C', 'D'], segment: ['gold', 'silver', 'gold', 'silver'] };
const s = satisfaction(transactions, interactions, { start: '2024-01-01', end: '2024-03-31', retentionWindow: 30, segments });

describe('satisfaction on a hand-built history', () => {
  it('per month: responses, means, CSAT (top two points) and NPS (0-10 only)', () => {
    const [jan, feb, mar] = s.periods;
    expect(s.periods.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    // January: A 5, B 3, B 2 (1-5) and C 10 (0-10): normalized 1, 0.5, 0.25, 1
    expect(jan).toMatchObject({ responses: 4, respondents: 3, meanScore: null, csat: r(2, 4), nps: { value: 100, promoters: 1, passives: 0, detractors: 0, responses: 1 } });
    expect(jan!.meanNormalized).toBeCloseTo(2.75 / 4, 12);
    // February: A 4, B 4, C 6: normalized 0.75, 0.75, 0.6; C a detractor
    expect(feb).toMatchObject({ responses: 3, respondents: 3, csat: r(2, 3), nps: { value: -100, detractors: 1, responses: 1 } });
    expect(feb!.meanNormalized).toBeCloseTo(2.1 / 3, 12);
    // March: D 8 of 0-10 alone: one scale, so a mean score; a passive, not in CSAT's top two (9-10)
    expect(mar).toMatchObject({ responses: 1, meanScore: 8, csat: r(0, 1), nps: { value: 0, passives: 1, responses: 1 } });
    expect(s.overall).toMatchObject({ responses: 8, respondents: 4, csat: r(4, 8), nps: { value: 0, promoters: 1, passives: 1, detractors: 1, responses: 3 } });
    expect(s.overall.meanNormalized).toBeCloseTo(5.65 / 8, 12);
  });

  it('per segment, with the CSAT share tested against the rest', async () => {
    const { tanhSinh } = await import('../helpers/numeric.js');
    expect(s.segments.gold).toMatchObject({ responses: 4, respondents: 2, csat: r(3, 4) });
    expect(s.segments.silver).toMatchObject({ responses: 4, respondents: 2, csat: r(1, 4) });
    // 3/4 against 1/4: pooled 1/2, z = 0.5 / √(1/4 · (1/4 + 1/4)) = √2, p = 2 P(Z > √2)
    const t = s.segments.gold!.csatVsRest!;
    expect(t.difference).toBeCloseTo(0.5, 12);
    expect(t.z).toBeCloseTo(Math.SQRT2, 12);
    expect(t.pValue).toBeCloseTo(2 * tanhSinh((x) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI), Math.SQRT2, 40), 10);
    expect(s.segments.silver!.csatVsRest!.z).toBeCloseTo(-Math.SQRT2, 12);
  });

  it('complainers before the complaint, while it is open, after its resolution', () => {
    expect(s.complaints.complainers).toBe(1);
    expect(s.complaints.beforeComplaint).toMatchObject({ responses: 1, meanScore: 3 });
    expect(s.complaints.whileOpen).toMatchObject({ responses: 1, meanScore: 2 });
    expect(s.complaints.afterResolution).toMatchObject({ responses: 1, meanScore: 4 });
  });

  it('satisfied respondents who stayed against dissatisfied ones', () => {
    // last responses: A 4 (satisfied, bought 10 days later), B 4 (satisfied, bought 43 days later), C 6 and D 8 of 0-10 (not)
    expect(s.retention).toEqual({ satisfied: r(1, 2), dissatisfied: r(0, 2), difference: 0.5, window: 30 });
  });

  it('validates scores against their scale, naming row and field', () => {
    expect(() => satisfaction(transactions, [survey('A', '2024-01-01', 6)], {})).toThrow(/row 0: score must be a number from 1 to 5/);
    expect(() => satisfaction(transactions, [survey('A', '2024-01-01', 6, '5-1')], {})).toThrow(/row 0: scale must be 'min-max'/);
    expect(() => satisfaction(transactions, [survey('A', '2024-01-01', 6)], { scoreScale: '0-10' })).not.toThrow();
    expect(() => satisfaction(transactions, null as never, {})).toThrow(CustomerValueError);
    expect(InteractionSchema.safeParse(survey('A', '2024-01-01', 4, '1-5')).success).toBe(true);
    expect(InteractionSchema.safeParse(survey('A', '2024-01-01', 4, 'five')).success).toBe(false);
  });
});

describe('satisfaction on simulateCrmHistory: the simulated link shows', () => {
  it('satisfied respondents stay more often, and complainers score lower while their complaint is open', async () => {
    const { simulateCrmHistory } = await import('../../src/index.js');
    const h = simulateCrmHistory({ customers: 5000, seed: 1 });
    const q = satisfaction(h.transactions, h.interactions, { period: 'quarter' });
    // the simulator lets service quality set both the scores and the lifetime (~1,600 respondents: SE of the difference ≈ 0.025)
    expect(q.retention.difference!).toBeGreaterThan(0.03);
    expect(q.complaints.whileOpen.meanNormalized!).toBeLessThan(q.complaints.afterResolution.meanNormalized! - 0.1);
    expect(q.overall.nps.responses).toBeGreaterThan(0);
    expect(q.overall.responses).toBeGreaterThan(q.overall.nps.responses);
  });
});
