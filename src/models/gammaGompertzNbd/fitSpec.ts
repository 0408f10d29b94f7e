/**
 * The part of the registry's record that the fits read: a bundle of the fitter needs no
 * predictions and no simulator (the full record, ./spec.ts, spreads this one). @internal
 */
import type { FitSpec } from '../spec.js';
import { fitGammaGompertzNbd } from './fit.js';
import { logLik, logLikelihood, type GammaGompertzNbdParams } from './likelihood.js';

export const gammaGompertzNbdFitSpec: FitSpec<GammaGompertzNbdParams> = {
  kind: 'ggom-nbd',
  title: 'Gamma-Gompertz/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 'b', 's', 'beta'],
  // Bemmaor & Glady (2012), Table 2: CDNOW sample, weeks
  example: { r: 0.553, alpha: 10.578, b: 0.0002, s: 0.603, beta: 0.0026 },
  discrete: false,
  logLikelihood,
  // CLVTools 0.12: α_i = α e^(-γ_purchase'z), β_i = β e^(-γ_dropout'z)
  covariateLinks: { purchase: [{ param: 'alpha', sign: -1 }], dropout: [{ param: 'beta', sign: -1 }] },
  likelihoodOf: (data) => (theta, grad) => logLik(data, theta, grad),
  fit: fitGammaGompertzNbd,
};
