import type { PurchaseModelSpec } from '../spec.js';
import { fitBgNbd } from './fit.js';
import { logLikelihood, type BgNbdParams } from './likelihood.js';
import { alive, aliveMany, bracket, expected, pmf, survivalAhead } from './predictions.js';
import { simulateBgNbd } from './simulate.js';

/** BG/NBD (Fader, Hardie & Lee 2005): the registry's record. @internal */
export const bgNbdSpec: PurchaseModelSpec<BgNbdParams> = {
  kind: 'bg-nbd',
  title: 'BG/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 'a', 'b'],
  // FHL (2005), CDNOW sample, weeks
  example: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  discrete: false,
  logLikelihood: (p, data) => logLikelihood(p, data),
  expected,
  pmf: (p, n, t) => pmf(p, n, t),
  alive,
  aliveMany,
  bracket,
  survivalAhead,
  fit: fitBgNbd,
  simulate: simulateBgNbd,
};
