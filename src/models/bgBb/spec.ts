import type { PurchaseModelSpec } from '../spec.js';
import { fitBgBb, opportunityProblem } from './fit.js';
import { logLikelihood, type BgBbParams } from './likelihood.js';
import { alive, bracket, conditionalPmf, drawFuture, expected, pmf, survivalAhead } from './predictions.js';
import { simulateBgBb } from './simulate.js';

/** BG/BB for discrete opportunities (Fader, Hardie & Shang 2010): the registry's record. @internal */
export const bgBbSpec: PurchaseModelSpec<BgBbParams> = {
  kind: 'bg-bb',
  title: 'BG/BB',
  role: 'purchase',
  params: ['alpha', 'beta', 'gamma', 'delta'],
  // FHS (2010), the donations data
  example: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
  discrete: true,
  logLikelihood,
  expected,
  pmf: (p, n, t) => pmf(p, n, t),
  alive,
  bracket,
  survivalAhead,
  // Fader, Hardie & Shang (2010): p ~ Beta(α, β) per opportunity, θ ~ Beta(γ, δ)
  mixing: (p) => [{ process: 'purchase', variable: 'p', family: 'beta', a: p.alpha, b: p.beta }, { process: 'dropout', variable: 'θ', family: 'beta', a: p.gamma, b: p.delta }],
  conditionalPmf,
  drawFuture: (p, x, n, nStar, rng, on) => drawFuture(p, x, n, nStar, rng, on),
  historyProblem: opportunityProblem,
  fit: fitBgBb,
  simulate: simulateBgBb,
};
