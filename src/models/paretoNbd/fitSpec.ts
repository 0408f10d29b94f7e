/**
 * The part of the registry's record that the fits read: a bundle of the fitter needs no
 * predictions and no simulator (the full record, ./spec.ts, spreads this one). @internal
 */
import type { FitSpec } from '../spec.js';
import { fitParetoNbd } from './fit.js';
import { logLikelihood, rowLogLik, type ParetoNbdParams } from './likelihood.js';
import { omegaBounds, sarmanovComponents } from './correlation.js';
import { fitCorrelatedCovariates } from '../covariates/correlated.js';

export const paretoNbdFitSpec: FitSpec<ParetoNbdParams> = {
  kind: 'pareto-nbd',
  title: 'Pareto/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 's', 'beta'],
  // Fader, Hardie & Lee (2005), CDNOW sample, weeks
  example: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
  discrete: false,
  logLikelihood,
  correlation: { components: sarmanovComponents, bounds: omegaBounds, rowLogLikelihood: rowLogLik, fitWithCovariates: fitCorrelatedCovariates },
  // CLVTools 0.12: α_i = α e^(-γ_purchase'z), β_i = β e^(-γ_dropout'z)
  covariateLinks: { purchase: [{ param: 'alpha', sign: -1 }], dropout: [{ param: 'beta', sign: -1 }] },
  fit: fitParetoNbd,
};
