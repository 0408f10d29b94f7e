/**
 * The part of the registry's record that the fits read: a bundle of the fitter needs no
 * predictions and no simulator (the full record, ./spec.ts, spreads this one). @internal
 */
import type { FitSpec } from '../spec.js';
import { fitBgNbd } from './fit.js';
import { logLik, logLikelihood, prepare, type BgNbdParams } from './likelihood.js';

export const bgNbdFitSpec: FitSpec<BgNbdParams> = {
  kind: 'bg-nbd',
  title: 'BG/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 'a', 'b'],
  // FHL (2005), CDNOW sample, weeks
  example: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  discrete: false,
  logLikelihood: (p, data) => logLikelihood(p, data),
  // CLVTools 0.12: α_i = α e^(-γ_purchase'z), a_i = a e^(γ_dropout'z), b_i = b e^(γ_dropout'z)
  covariateLinks: { purchase: [{ param: 'alpha', sign: -1 }], dropout: [{ param: 'a', sign: 1 }, { param: 'b', sign: 1 }] },
  likelihoodOf: (data) => {
    const prep = prepare(data);
    return (theta, grad) => logLik(prep, theta, grad, 'bg');
  },
  fit: fitBgNbd,
};
