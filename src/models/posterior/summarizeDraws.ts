/**
 * Posterior summaries of chains of draws: mean, sd, quantiles, split R-hat, ESS.
 * @internal
 */
import { sortedQuantile } from '../../math/sort.js';
import { effectiveSampleSize, splitRhat } from './diagnostics.js';

/** The quantiles every posterior reports, by label. */
export const QUANTILES = { '2.5%': 0.025, '5%': 0.05, '25%': 0.25, '50%': 0.5, '75%': 0.75, '95%': 0.95, '97.5%': 0.975 } as const;
export type QuantileLabel = keyof typeof QUANTILES;

/** Per parameter summaries of the draws of several chains. */
export interface DrawSummaries {
  /** Per parameter, all kept draws, chain after chain. */
  readonly draws: Readonly<Record<string, Float64Array>>;
  readonly mean: Readonly<Record<string, number>>;
  readonly sd: Readonly<Record<string, number>>;
  /** Per parameter the 2.5, 5, 25, 50, 75, 95 and 97.5 % quantiles, e.g. `quantiles.r['97.5%']`. */
  readonly quantiles: Readonly<Record<string, Readonly<Record<QuantileLabel, number>>>>;
  /** The 2.5 % and 97.5 % quantiles (a 95 % credible interval), as a bootstrap record has them. */
  readonly lower: Readonly<Record<string, number>>;
  readonly upper: Readonly<Record<string, number>>;
  /** Split R-hat (Gelman et al. 2013, BDA3 (11.4)); below 1.01 when the chains agree. */
  readonly rhat: Readonly<Record<string, number>>;
  /** Effective sample size over all chains (BDA3 §11.5). */
  readonly ess: Readonly<Record<string, number>>;
}

/** Summaries of `chains[c][name]` (each chain's draws of each parameter). */
export function summarizeChains(names: readonly string[], chains: ReadonlyArray<Readonly<Record<string, Float64Array>>>): DrawSummaries {
  const out = { draws: {}, mean: {}, sd: {}, quantiles: {}, lower: {}, upper: {}, rhat: {}, ess: {} } as { [K in keyof DrawSummaries]: Record<string, never> };
  for (const name of names) {
    const per = chains.map((c) => c[name] as Float64Array);
    const all = new Float64Array(per.reduce((s, c) => s + c.length, 0));
    let offset = 0;
    for (const c of per) {
      all.set(c, offset);
      offset += c.length;
    }
    let mean = 0;
    for (let i = 0; i < all.length; i++) mean += all[i] as number;
    mean /= all.length;
    let ss = 0;
    for (let i = 0; i < all.length; i++) ss += ((all[i] as number) - mean) ** 2;
    const sorted = Float64Array.from(all).sort();
    const q = Object.fromEntries(Object.entries(QUANTILES).map(([label, p]) => [label, sortedQuantile(sorted, p)])) as Record<QuantileLabel, number>;
    Object.assign(out.draws, { [name]: all });
    Object.assign(out.mean, { [name]: mean });
    Object.assign(out.sd, { [name]: Math.sqrt(ss / Math.max(1, all.length - 1)) });
    Object.assign(out.quantiles, { [name]: q });
    Object.assign(out.lower, { [name]: q['2.5%'] });
    Object.assign(out.upper, { [name]: q['97.5%'] });
    Object.assign(out.rhat, { [name]: per.length > 1 || (per[0] as Float64Array).length >= 4 ? splitRhat(per) : Number.NaN });
    Object.assign(out.ess, { [name]: effectiveSampleSize(per) });
  }
  return out as unknown as DrawSummaries;
}
