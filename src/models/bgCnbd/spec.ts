import type { Random } from '../../math/random.js';
import type { PurchaseModelSpec } from '../spec.js';
import { fitBgCnbd, MAX_K } from './fit.js';
import { logLikelihood, type CnbdParams, type CnbdVariant } from './likelihood.js';
import { alive, bracket, conditionalPmf, drawFuture, expected, pmf, survivalAhead } from './predictions.js';
import { simulateBgCnbd } from './simulate.js';

/** The spec entries both CNBD-k variants share (all but kind, title, example, fit and simulate). @internal */
export function cnbdCapabilities(variant: CnbdVariant) {
  return {
    role: 'purchase' as const,
    params: ['k', 'r', 'alpha', 'a', 'b'] as const,
    wholeParams: { k: [1, MAX_K] as const },
    discrete: false,
    logLikelihood: (p: CnbdParams, data: Parameters<typeof logLikelihood>[1]) => logLikelihood(p, data, variant),
    needsRegularity: (p: CnbdParams) => p.k > 1,
    expected: (p: CnbdParams, t: number) => expected(p, t, variant),
    pmf: (p: CnbdParams, n: number, t: number) => pmf(p, n, t, variant),
    alive: (p: CnbdParams, x: number, tx: number, T: number) => alive(p, x, tx, T, variant),
    bracket: (p: CnbdParams, x: number, T: number, t: number, tx: number) => bracket(p, x, T, t, tx, variant),
    survivalAhead: (p: CnbdParams, x: number, T: number, t: number, tx: number) => survivalAhead(p, x, T, t, tx, variant),
    conditionalPmf: (p: CnbdParams, n: number, x: number, tx: number, T: number, t: number) => conditionalPmf(p, n, x, tx, T, t, variant),
    drawFuture: (p: CnbdParams, x: number, T: number, t: number, rng: Random, on: (tau: number) => void, tx: number) => drawFuture(p, x, T, t, tx, variant, rng, on),
    // with k > 1 the time since the last purchase tells how far the current interval is
    recencyMatters: (p: CnbdParams) => p.k > 1,
    // Platzer & Reutterer (2016): λ ~ Gamma(r, α), p ~ Beta(a, b)
    mixing: (p: CnbdParams) => [{ process: 'purchase' as const, variable: 'λ', family: 'gamma' as const, shape: p.r, rate: p.alpha }, { process: 'dropout' as const, variable: 'p', family: 'beta' as const, a: p.a, b: p.b }],
  };
}

/** BG/CNBD-k (Platzer & Reutterer 2016): the registry's record. @internal */
export const bgCnbdSpec: PurchaseModelSpec<CnbdParams> = {
  kind: 'bg-cnbd-k',
  title: 'BG/CNBD-k',
  ...cnbdCapabilities('bg'),
  // this library's fit on the CDNOW sample at k = 2 (weeks; the likelihood chooses k = 1
  // there, where BG/CNBD-k is BG/NBD): k > 1 so that the contract tests see the phases
  example: { k: 2, r: 0.2269, alpha: 1.463, a: 0.944, b: 2.074 },
  fit: fitBgCnbd,
  simulate: simulateBgCnbd,
};
