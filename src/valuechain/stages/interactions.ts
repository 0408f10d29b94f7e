/**
 * The interaction pass of the value chain: each customer's interactions in day order, with
 * per period touches, touched customers, channel mix, responses, contacts, complaints,
 * offers, service requests and their resolution; per campaign its contacts, responders and
 * cost; per (customer, period) the first response. @internal
 */
import { argsort } from '../../math/sort.js';
import type { CampaignAcc } from '../campaigns.js';
import type { ChainContext } from './context.js';

const RESPONSE = 'response';
const CONTACT = 'contact';
const COMPLAINT = 'complaint';
const SERVICE = 'service';
const OFFER = 'offer';

export interface InteractionActivity {
  /** First interaction day per customer (Infinity: none), up to `end`. */
  readonly firstTouch: Float64Array;
  /** Interaction rows grouped per customer, by day. */
  readonly order: Uint32Array;
  readonly touched: Float64Array;
  readonly touches: Float64Array;
  readonly responses: Float64Array;
  readonly contacts: Float64Array;
  readonly complainers: Float64Array;
  readonly offers: Float64Array;
  readonly accepted: Float64Array;
  readonly requests: Float64Array;
  readonly resolvedRequests: Float64Array;
  readonly daysToResolve: number[][];
  readonly channelMix: Array<Map<string, number>>;
  readonly campaigns: Map<string, CampaignAcc>;
  /** customer * (P + 1) + period -> day of the customer's first response in the period. */
  readonly firstResponse: Map<number, number>;
}

function firstTouches(ctx: ChainContext): Float64Array {
  const firstTouch = new Float64Array(ctx.nAll).fill(Number.POSITIVE_INFINITY);
  const it = ctx.h.interactions;
  if (!it) return firstTouch;
  for (let i = 0; i < it.length; i++) {
    const c = it.customer[i] as number;
    const d = it.day[i] as number;
    if (ctx.endOpt !== undefined && d > ctx.endOpt) continue;
    if (d < (firstTouch[c] as number)) firstTouch[c] = d;
  }
  return firstTouch;
}

function emptyActivity(ctx: ChainContext, order: Uint32Array): InteractionActivity {
  const P = ctx.P;
  const per = (): Float64Array => new Float64Array(P);
  return {
    firstTouch: firstTouches(ctx),
    order,
    touched: per(),
    touches: per(),
    responses: per(),
    contacts: per(),
    complainers: per(),
    offers: per(),
    accepted: per(),
    requests: per(),
    resolvedRequests: per(),
    daysToResolve: Array.from({ length: P }, () => []),
    channelMix: Array.from({ length: P }, () => new Map()),
    campaigns: new Map(),
    firstResponse: new Map(),
  };
}

/** Add interaction i (customer c, day d) to its campaign. */
function addToCampaign(a: InteractionActivity, campaign: string, touch: string, c: number, d: number, cost: number): void {
  let acc = a.campaigns.get(campaign);
  if (!acc) a.campaigns.set(campaign, (acc = { first: new Map(), responders: new Set(), cost: 0, start: Number.POSITIVE_INFINITY }));
  acc.cost += cost;
  if (touch === CONTACT) {
    if (!acc.first.has(c)) acc.first.set(c, d);
    acc.start = Math.min(acc.start, d);
  } else if (touch === RESPONSE) acc.responders.add(c);
}

export function interactionActivity(ctx: ChainContext): InteractionActivity {
  const it = ctx.h.interactions;
  if (!it) return emptyActivity(ctx, new Uint32Array(0));
  const { P, pOf, endOf, endOpt, nAll } = ctx;
  // interactions grouped per customer, sorted by day
  const order = argsort(Float64Array.from({ length: it.length }, (_, i) => (it.customer[i] as number) * 4e6 + (it.day[i] as number) + 2e6));
  const a = emptyActivity(ctx, order);
  const touchStamp = new Int32Array(nAll).fill(-1);
  const complainStamp = new Int32Array(nAll).fill(-1);
  const respondStamp = new Int32Array(nAll).fill(-1);
  const resolvedAt = new Float64Array(order.length);
  for (let s = 0; s < order.length; ) {
    const c = it.customer[order[s] as number] as number;
    let e = s;
    while (e < order.length && it.customer[order[e] as number] === c) e++;
    // next 'resolved' day at or after each interaction, walking backwards
    let nextResolved = Number.POSITIVE_INFINITY;
    for (let k = e - 1; k >= s; k--) {
      const i = order[k] as number;
      if (it.outcome[i] === 'resolved') nextResolved = it.day[i] as number;
      resolvedAt[k] = nextResolved;
    }
    for (let k = s; k < e; k++) {
      const i = order[k] as number;
      const d = it.day[i] as number;
      if (endOpt !== undefined && d > endOpt) continue;
      const touch = it.kind[i] as string;
      const campaign = it.campaignId[i];
      if (campaign !== undefined) addToCampaign(a, campaign, touch, c, d, it.cost[i] as number);
      const p = pOf(d);
      if (p < 0 || p >= P) continue;
      a.touches[p] = (a.touches[p] as number) + 1;
      if (touchStamp[c] !== p) {
        touchStamp[c] = p;
        a.touched[p] = (a.touched[p] as number) + 1;
      }
      const mix = a.channelMix[p] as Map<string, number>;
      mix.set(it.channel[i] as string, (mix.get(it.channel[i] as string) ?? 0) + 1);
      const isAccepted = it.outcome[i] === 'accepted';
      if (touch === RESPONSE) a.responses[p] = (a.responses[p] as number) + 1;
      else if (touch === CONTACT) a.contacts[p] = (a.contacts[p] as number) + 1;
      else if (touch === OFFER) {
        a.offers[p] = (a.offers[p] as number) + 1;
        if (isAccepted) a.accepted[p] = (a.accepted[p] as number) + 1;
      }
      if (touch === COMPLAINT && complainStamp[c] !== p) {
        complainStamp[c] = p;
        a.complainers[p] = (a.complainers[p] as number) + 1;
      }
      if (touch === COMPLAINT || touch === SERVICE) {
        a.requests[p] = (a.requests[p] as number) + 1;
        const r = resolvedAt[k] as number;
        if (r <= endOf(p)) {
          a.resolvedRequests[p] = (a.resolvedRequests[p] as number) + 1;
          (a.daysToResolve[p] as number[]).push(r - d);
        }
      }
      if ((touch === RESPONSE || (touch === OFFER && isAccepted)) && respondStamp[c] !== p) {
        respondStamp[c] = p;
        a.firstResponse.set(c * (P + 1) + p, d);
      }
    }
    s = e;
  }
  return a;
}
