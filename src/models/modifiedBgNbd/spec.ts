import type { PurchaseModelSpec } from '../spec.js';
import { withDead } from '../predictions/shared.js';
import { bgGivenAlive, drawBgFuture } from '../bgNbd/spec.js';
import { logLikelihood, type BgNbdParams } from '../bgNbd/likelihood.js';
import { pmf } from '../bgNbd/predictions.js';
import { fitModifiedBgNbd } from './fit.js';
import { alive, bracket, expected, survivalAhead } from './predictions.js';
import { simulateModifiedBgNbd } from './simulate.js';

/** MBG/NBD, the modified BG/NBD (Batislam, Denizel & Filiztekin 2007): the registry's record. @internal */
export const modifiedBgNbdSpec: PurchaseModelSpec<BgNbdParams> = {
  kind: 'mbg-nbd',
  title: 'MBG/NBD',
  role: 'purchase',
  params: ['r', 'alpha', 'a', 'b'],
  // this library's fit on the CDNOW sample (no published estimates), weeks
  example: { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 },
  discrete: false,
  logLikelihood: (p, data) => logLikelihood(p, data, 'mbg'),
  expected,
  pmf: (p, n, t) => pmf(p, n, t, 'mbg'),
  alive,
  bracket,
  survivalAhead,
  // Batislam et al. (2007): λ ~ Gamma(r, α), p ~ Beta(a, b), as BG/NBD
  mixing: (p) => [{ process: 'purchase', variable: 'λ', family: 'gamma', shape: p.r, rate: p.alpha }, { process: 'dropout', variable: 'p', family: 'beta', a: p.a, b: p.b }],
  // given alive at T: λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1) (the dropout at 0 survived too); later dropouts follow purchases, as BG/NBD's
  conditionalPmf: (p, n, x, tx, T, t) => withDead(alive(p, x, tx, T), pmf(bgGivenAlive(p, x, T, 1), n, t, 'bg'), n),
  drawFuture: (p, x, T, t, rng, on) => drawBgFuture(bgGivenAlive(p, x, T, 1), t, rng, on),
  fit: fitModifiedBgNbd,
  simulate: simulateModifiedBgNbd,
};
