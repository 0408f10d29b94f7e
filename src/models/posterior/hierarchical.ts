/**
 * The hierarchical models samplePosterior draws besides the registered ones, by name: the
 * table generic code looks them up in (no branch on a kind).
 * @internal
 */
import * as z from 'zod/mini';
import { parseOptions, wholeOption } from '../../data/options.js';
import { CustomerValueError, optionError } from '../../errors.js';
import type { SummaryInput } from '../../summary/readSummary.js';
import { hierarchicalData, runHierarchical } from '../hierarchical/run.js';
import type { ProgressOptions } from '../progress.js';
import type { HierarchicalKind, HierarchicalPosterior } from '../hierarchical/types.js';
import { fitParetoNbd } from '../paretoNbd/fit.js';
import { paretoGggModel } from '../paretoGgg/model.js';
import { samplePoissonHierarchical } from '../paretoGgg/poisson.js';
import { abeModel, abeStart } from '../paretoNbdHb/model.js';
import { resolvePriors } from './priors.js';

export type { HierarchicalKind, HierarchicalPosterior };

/** Options only the hierarchical models read. */
export interface HierarchicalOptions {
  /** Individual draws kept per customer for predictions (evenly spaced through all chains). Default 200. */
  keep?: number | undefined;
  /** Gibbs sweeps per kept draw (each kept draw is every `thin`-th sweep; BTYDplus thins by 50). Default 1. */
  thin?: number | undefined;
  /** Pareto/GGG only: false fixes every regularity k_i at 1 (the Pareto/NBD (HB) with gamma heterogeneity). Default true. */
  regularity?: boolean | undefined;
}

const schema = z.looseObject({ keep: z.optional(wholeOption(1, 100_000)), thin: z.optional(wholeOption(1, 10_000)), regularity: z.optional(z.boolean({ error: 'must be true or false' })) });

interface Common {
  draws?: number | undefined;
  warmup?: number | undefined;
  chains?: number | undefined;
  seed?: number | undefined;
  priors?: unknown;
  fields?: { readonly [field: string]: string } | undefined;
}

/** The Pareto/NBD maximum-likelihood estimates (r, α, s, β) to start from; 1s when the fit fails. */
function paretoStart(summary: SummaryInput, fields: Common['fields']): Float64Array {
  try {
    const fit = fitParetoNbd(summary, { fields });
    const p = fit.params;
    if ([p.r, p.alpha, p.s, p.beta].every((v) => v > 1e-6 && v < 1e6)) return Float64Array.of(p.r, p.alpha, p.s, p.beta);
  } catch (error) {
    if (!(error instanceof CustomerValueError)) throw error;
  }
  return Float64Array.of(1, 1, 1, 1);
}

function runOptions(o: Common & HierarchicalOptions) {
  const draws = o.draws ?? 1000;
  return { draws, warmup: o.warmup ?? draws, chains: o.chains ?? 4, seed: o.seed ?? 1, keep: o.keep ?? 200, thin: o.thin ?? 1, fields: o.fields, progress: o as ProgressOptions };
}

function paretoGgg(summary: SummaryInput, options: Common & HierarchicalOptions): HierarchicalPosterior {
  const fn = 'samplePosterior';
  const o = { ...options, ...parseOptions(fn, schema, options) } as Common & HierarchicalOptions;
  const regularity = o.regularity ?? true;
  const input = hierarchicalData(fn, summary, o, regularity);
  if (!regularity) return samplePoissonHierarchical(summary, input, o.priors, runOptions(o));
  const names = ['r', 'alpha', 's', 'beta', 't', 'gamma'];
  const { priors, logPriors } = resolvePriors(fn, names, o.priors);
  const base = paretoStart(summary, o.fields);
  // regularity starts at k ~ Gamma(4, 4): mean 1 (Poisson timing), sd 0.5
  const start = Float64Array.of(...base, 4, 4);
  return runHierarchical(paretoGggModel(logPriors), input, start, priors, runOptions(o));
}

function paretoNbdHb(summary: SummaryInput, options: Common & HierarchicalOptions): HierarchicalPosterior {
  const fn = 'samplePosterior';
  const o = { ...options, ...parseOptions(fn, schema, options) } as Common & HierarchicalOptions;
  if (o.priors !== undefined) optionError(fn, 'priors', "is not taken by 'pareto-nbd-hb' (its conjugate normal-inverse-Wishart prior is fixed; see the TSDoc)", o.priors);
  if (o.regularity !== undefined) optionError(fn, 'regularity', "is an option of 'pareto-ggg' only", o.regularity);
  const input = hierarchicalData(fn, summary, o, false);
  return runHierarchical(abeModel(), input, abeStart(paretoStart(summary, o.fields)), {}, runOptions(o));
}

/** kind -> sampler. */
export const HIERARCHICAL: { readonly [K in HierarchicalKind]: (summary: SummaryInput, options: Common & HierarchicalOptions) => HierarchicalPosterior } = {
  'pareto-nbd-hb': paretoNbdHb,
  'pareto-ggg': paretoGgg,
};

