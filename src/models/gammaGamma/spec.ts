import { logGamma } from '../../math/special.js';
import type { SpendModelSpec } from '../spec.js';
import { fitGammaGamma } from './fit.js';
import { logLikelihood, type GammaGammaParams } from './likelihood.js';
import { conditionalSpend } from './predictions.js';
import { simulateGammaGamma } from './simulate.js';

/** Gamma-Gamma spend (Fader, Hardie & Lee 2005b; Fader & Hardie 2013): the registry's record. @internal */
export const gammaGammaSpec: SpendModelSpec<GammaGammaParams> = {
  kind: 'gamma-gamma',
  title: 'Gamma-Gamma',
  role: 'spend',
  params: ['p', 'q', 'v'],
  // Fader, Hardie & Lee (2005b), CDNOW repeat customers
  example: { p: 6.25, q: 3.74, v: 15.44 },
  logLikelihood,
  conditionalSpend,
  // a customer's spend level ζ = p/ν with ν ~ Gamma(q, v): f(z) = f_ν(p/z) · p/z²
  spendLevelDensity: (p, z) => Math.exp(p.q * Math.log(p.v) + (p.q - 1) * Math.log(p.p / z) - (p.v * p.p) / z - logGamma(p.q) + Math.log(p.p) - 2 * Math.log(z)),
  // ν | x, m ~ Gamma(p x + q, v + x m); each value ~ Gamma(p, ν)
  drawLevel: (g, x, m, rng) => rng.gamma(g.p * x + g.q, g.v + x * m),
  drawValue: (g, nu, rng) => rng.gamma(g.p, nu),
  fit: fitGammaGamma,
  simulate: simulateGammaGamma,
};
