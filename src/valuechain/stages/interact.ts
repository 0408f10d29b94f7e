/**
 * Interact: how the business reaches its customers. Reach, touches per customer, channel
 * mix, response, complaint and resolution rates, days to resolve. @internal
 */
import { rate } from '../rate.js';
import type { InteractMetrics } from '../types.js';
import { median, reportedSum, type ChainContext } from './context.js';
import type { IdentifyStage } from './identify.js';
import type { InteractionActivity } from './interactions.js';
import type { WindowTotals } from './overall.js';
import type { PurchaseActivity } from './purchases.js';

function mixRows(mix: Map<string, number>, touches: number): InteractMetrics['channelMix'] {
  return [...mix.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([channel, n]) => ({ channel, interactions: n, share: n / Math.max(1, touches) }));
}

export function interactStage(ctx: ChainContext, inter: InteractionActivity, pur: PurchaseActivity, identify: IdentifyStage) {
  const a = inter;
  return {
    period(p: number): InteractMetrics {
      return {
        touched: a.touched[p] as number,
        reach: rate(a.touched[p] as number, identify.known[p] as number),
        touchesPerCustomer: rate(a.touches[p] as number, a.touched[p] as number),
        channelMix: mixRows(a.channelMix[p] as Map<string, number>, a.touches[p] as number),
        responseRate: rate(a.responses[p] as number, a.contacts[p] as number),
        complaintRate: rate(a.complainers[p] as number, pur.active[p] as number),
        resolutionRate: rate(a.resolvedRequests[p] as number, a.requests[p] as number),
        medianDaysToResolve: median(a.daysToResolve[p] as number[]),
      };
    },
    overall(win: WindowTotals): InteractMetrics {
      const mix = new Map<string, number>();
      for (const m of a.channelMix.slice(ctx.R0)) for (const [ch, n] of m) mix.set(ch, (mix.get(ch) ?? 0) + n);
      const touches = reportedSum(ctx, a.touches);
      const known = ctx.P > 0 ? (identify.known[ctx.P - 1] as number) : 0;
      return {
        touched: win.touched,
        reach: rate(win.touched, known),
        touchesPerCustomer: rate(touches, win.touched),
        channelMix: mixRows(mix, touches),
        responseRate: rate(reportedSum(ctx, a.responses), reportedSum(ctx, a.contacts)),
        complaintRate: rate(reportedSum(ctx, a.complainers), win.values.length),
        resolutionRate: rate(reportedSum(ctx, a.resolvedRequests), reportedSum(ctx, a.requests)),
        medianDaysToResolve: median(a.daysToResolve.slice(ctx.R0).flat()),
      };
    },
  };
}
