import { dayToIso, toDay } from '../data/days.js';
import { optionError } from '../errors.js';
import { Random } from '../math/random.js';

/** Options of {@link simulateCrmHistory}. */
export interface SimulateCrmHistoryOptions {
  /** Customers (buyers and prospects). Default 1000. */
  customers?: number | undefined;
  /** First day of the history. Default '2023-01-01'. */
  start?: Date | string | number | undefined;
  /** Length in days. Default 730. */
  days?: number | undefined;
  /** Share of customers who are contacted but never buy. Default 0.25. */
  prospectShare?: number | undefined;
  /** Number of marketing campaigns, evenly spread. Default 12. */
  campaigns?: number | undefined;
  /** Seed; the same seed gives the same history. Default 1. */
  seed?: number | undefined;
}

export interface SimulatedCrmHistory {
  transactions: {
    customerId: string[];
    date: string[];
    amount: Float64Array;
    orderId: string[];
    category: string[];
    readonly length: number;
  };
  interactions: {
    customerId: string[];
    date: string[];
    channel: string[];
    kind: string[];
    /** null: not part of a campaign. */
    campaignId: Array<string | null>;
    cost: Float64Array;
    /** null: no outcome recorded. */
    outcome: Array<string | null>;
    /** Survey score of a 'survey' interaction (null otherwise), on `scale`. */
    score: Array<number | null>;
    scale: Array<string | null>;
    readonly length: number;
  };
}

const CATEGORIES = ['books', 'music', 'video', 'games', 'software'];

/**
 * A seeded, realistic CRM history for demos, tests and benchmarks. Customers are acquired
 * over the first 70 % of the window, most after a first marketing touch (some never buy:
 * prospects); buyers purchase at individual Poisson rates (Gamma-distributed across
 * customers) until an exponential lifetime ends (the Pareto/NBD story), with log-normal
 * amounts over five categories and occasional returns. Campaigns contact a share of the
 * known customers by email or phone; some respond, some of those buy soon after and some get
 * an offer they accept or decline. Purchases occasionally lead to a complaint, most of which
 * a later service interaction resolves. Costs: email 0.05, phone 2, call centre 5.
 *
 * Satisfaction: each buyer experiences a service quality q ~ Beta(4, 1.6). It sets how often
 * their purchases lead to a complaint (0.5 % + 5 % (1 - q)), how long they stay (a mean
 * lifetime of 400 e^(5 (q - 0.72)) days: satisfied customers stay longer), and their survey
 * scores. A tenth of purchases is followed by a survey three days later. Scores are
 * 1 + round(4u) on '1-5', or round(10u) on '0-10' for three surveys in ten, with
 * u = q + N(0, 0.15²) clipped to [0, 1]. A complaint brings a survey while it is open (30 %,
 * u lowered by 0.35) and after its resolution (50 %, lowered by 0.05).
 *
 * @example
 * ```ts
 * const { transactions, interactions } = simulateCrmHistory({ customers: 5000, seed: 42 });
 * valueChain(transactions, interactions, { period: 'month' });
 * ```
 */
export function simulateCrmHistory(options: SimulateCrmHistoryOptions = {}): SimulatedCrmHistory {
  const fn = 'simulateCrmHistory';
  if (typeof options !== 'object' || options === null) optionError(fn, 'options', 'must be an object', options);
  const n = options.customers ?? 1000;
  const span = options.days ?? 730;
  const k = options.campaigns ?? 12;
  const prospectShare = options.prospectShare ?? 0.25;
  const start = toDay(options.start ?? '2023-01-01');
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) optionError(fn, 'customers', 'must be a whole number from 0 to 1,000,000 (the history is kept in memory)', n);
  if (!Number.isInteger(span) || span < 1 || span > 36_600) optionError(fn, 'days', 'must be a whole number from 1 to 36,600', span);
  if (!Number.isInteger(k) || k < 0 || k > 10_000) optionError(fn, 'campaigns', 'must be a whole number from 0 to 10,000', k);
  if (typeof prospectShare !== 'number' || !(prospectShare >= 0 && prospectShare <= 1)) optionError(fn, 'prospectShare', 'must be in [0, 1]', prospectShare);
  if (Number.isNaN(start)) optionError(fn, 'start', 'must be a valid date', options.start);
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) optionError(fn, 'seed', 'must be a finite number', options.seed);
  const rng = new Random(options.seed ?? 1);
  const iso = (d: number): string => dayToIso(start + d);
  const tx = { customerId: [] as string[], date: [] as string[], amount: [] as number[], orderId: [] as string[], category: [] as string[] };
  const it = { customerId: [] as string[], date: [] as string[], channel: [] as string[], kind: [] as string[], campaignId: [] as Array<string | null>, cost: [] as number[], outcome: [] as Array<string | null>, score: [] as Array<number | null>, scale: [] as Array<string | null> };
  let orders = 0;
  const touch = (id: string, d: number, channel: string, kind: string, cost: number, campaign?: string, outcome?: string): void => {
    if (d >= span) return;
    it.customerId.push(id);
    it.date.push(iso(d));
    it.channel.push(channel);
    it.kind.push(kind);
    it.campaignId.push(campaign ?? null);
    it.cost.push(cost);
    it.outcome.push(outcome ?? null);
    it.score.push(null);
    it.scale.push(null);
  };
  /** A survey at day d with satisfaction u (before noise) in [0, 1]. */
  const survey = (id: string, d: number, u: number): void => {
    if (d >= span) return;
    touch(id, d, 'email', 'survey', 0.05);
    const v = Math.min(1, Math.max(0, u + 0.15 * rng.normal()));
    const nps = rng.uniform() < 0.3;
    it.score[it.score.length - 1] = nps ? Math.round(10 * v) : 1 + Math.round(4 * v);
    it.scale[it.scale.length - 1] = nps ? '0-10' : '1-5';
  };
  const buy = (id: string, d: number, favourite: number, quality: number): void => {
    if (d >= span) return;
    const amount = Math.round(Math.exp(3.3 + 0.7 * rng.normal()) * 100) / 100;
    const cat = rng.uniform() < 0.6 ? (CATEGORIES[favourite] as string) : (CATEGORIES[Math.floor(rng.uniform() * 5)] as string);
    const order = `O${++orders}`;
    tx.customerId.push(id);
    tx.date.push(iso(d));
    tx.amount.push(amount);
    tx.orderId.push(order);
    tx.category.push(cat);
    if (rng.uniform() < 0.03) {
      tx.customerId.push(id);
      tx.date.push(iso(Math.min(span - 1, d + 1 + Math.floor(rng.uniform() * 14))));
      tx.amount.push(-amount);
      tx.orderId.push(`R${orders}`);
      tx.category.push(cat);
    }
    if (rng.uniform() < 0.005 + 0.05 * (1 - quality)) {
      const cd = d + 1 + Math.floor(rng.uniform() * 7);
      touch(id, cd, 'call-center', 'complaint', 5);
      if (rng.uniform() < 0.3) survey(id, cd + 1, quality - 0.35);
      if (rng.uniform() < 0.85) {
        const rd = cd + 2 + Math.floor(rng.uniform() * 10);
        touch(id, rd, 'call-center', 'service', 5, undefined, 'resolved');
        if (rng.uniform() < 0.5) survey(id, rd + 2, quality - 0.05);
      }
    } else if (rng.uniform() < 0.1) survey(id, d + 3, quality);
  };
  // customers: acquisition, first touch, purchases
  const acquired = new Float64Array(n);
  const favourite = new Uint8Array(n);
  const quality = new Float64Array(n);
  const ids = Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const a = Math.floor(rng.uniform() * span * 0.7);
    acquired[i] = a;
    favourite[i] = Math.floor(rng.uniform() * 5);
    const prospect = rng.uniform() < prospectShare;
    if (prospect || rng.uniform() < 0.6) {
      const lead = prospect ? 0 : 1 + Math.floor(rng.exponential(1 / 20));
      touch(id, Math.max(0, a - lead), rng.uniform() < 0.7 ? 'web' : 'email', 'contact', 0.05);
    }
    if (prospect) {
      acquired[i] = Number.POSITIVE_INFINITY;
      continue;
    }
    const rate = rng.gamma(0.9, 35); // purchases per day
    const q = (quality[i] = rng.beta(4, 1.6));
    // satisfied customers stay longer: mean lifetime 400 e^(5 (q - 0.72)) days
    const death = a + rng.exponential(1 / (400 * Math.exp(5 * (q - 0.72))));
    buy(id, a, favourite[i] as number, q);
    for (let t = a + rng.exponential(rate); t < Math.min(death, span); t += rng.exponential(rate)) buy(id, Math.floor(t), favourite[i] as number, q);
  }
  // campaigns
  for (let c = 0; c < k; c++) {
    const day = Math.floor(((c + 0.5) * span) / Math.max(1, k));
    const name = `CMP${String(c + 1).padStart(2, '0')}`;
    const phone = c % 3 === 2;
    for (let i = 0; i < n; i++) {
      if (!((acquired[i] as number) <= day) && rng.uniform() > 0.3) continue; // mostly known customers, some new leads
      if (rng.uniform() > 0.4) continue;
      const id = ids[i] as string;
      touch(id, day, phone ? 'phone' : 'email', 'contact', phone ? 2 : 0.05, name);
      if (rng.uniform() < (phone ? 0.18 : 0.08)) {
        const rd = day + Math.floor(rng.uniform() * 5);
        touch(id, rd, phone ? 'phone' : 'web', 'response', 0, name);
        if (rng.uniform() < 0.5) touch(id, rd, 'web', 'offer', 0.5, name, rng.uniform() < 0.6 ? 'accepted' : 'declined');
        if (rng.uniform() < 0.5) {
          buy(id, rd + Math.floor(rng.uniform() * 20), favourite[i] as number, (quality[i] as number) || 0.7);
          if (!((acquired[i] as number) <= day)) acquired[i] = day;
        }
      }
    }
  }
  return {
    transactions: Object.defineProperty(
      { customerId: tx.customerId, date: tx.date, amount: Float64Array.from(tx.amount), orderId: tx.orderId, category: tx.category },
      'length',
      { value: tx.amount.length, enumerable: false },
    ) as SimulatedCrmHistory['transactions'],
    interactions: Object.defineProperty(
      { customerId: it.customerId, date: it.date, channel: it.channel, kind: it.kind, campaignId: it.campaignId, cost: Float64Array.from(it.cost), outcome: it.outcome, score: it.score, scale: it.scale },
      'length',
      { value: it.cost.length, enumerable: false },
    ) as SimulatedCrmHistory['interactions'],
  };
}
