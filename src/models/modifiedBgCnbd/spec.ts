import type { PurchaseModelSpec } from '../spec.js';
import { cnbdCapabilities } from '../bgCnbd/spec.js';
import type { CnbdParams } from '../bgCnbd/likelihood.js';
import { fitModifiedBgCnbd } from './fit.js';
import { simulateModifiedBgCnbd } from './simulate.js';

/** MBG/CNBD-k (Platzer & Reutterer 2016): the registry's record. @internal */
export const modifiedBgCnbdSpec: PurchaseModelSpec<CnbdParams> = {
  kind: 'mbg-cnbd-k',
  title: 'MBG/CNBD-k',
  ...cnbdCapabilities('mbg'),
  // this library's fit on the CDNOW sample at k = 2 (weeks; the likelihood chooses k = 1)
  example: { k: 2, r: 0.5799, alpha: 2.288, a: 1.134, b: 1.585 },
  fit: fitModifiedBgCnbd,
  simulate: simulateModifiedBgCnbd,
};
