import type { RetentionModelSpec } from '../spec.js';
import { liftedLifetime } from './lifted.js';
import { del, logSurvival, retention, type SbgParams } from './likelihood.js';
import { simulateShiftedBetaGeometric } from './simulate.js';

/** Shifted-beta-geometric retention (Fader & Hardie 2007): the registry's record. @internal */
export const shiftedBetaGeometricSpec: RetentionModelSpec<SbgParams> = {
  kind: 'sbg',
  title: 'sBG',
  role: 'retention',
  params: ['alpha', 'beta'],
  // Fader & Hardie (2007), the "regular" cohort
  example: { alpha: 0.704, beta: 1.182 },
  logSurvival,
  retention,
  // having survived n periods, the customer is an sBG customer with β + n
  discountedLifetime: (p, d, n) => del({ alpha: p.alpha, beta: p.beta + n }, d),
  expectedLifetime: (p, n) => (p.alpha > 1 ? (p.alpha + p.beta + n - 1) / (p.alpha - 1) : Number.POSITIVE_INFINITY),
  liftedLifetime,
  simulate: simulateShiftedBetaGeometric,
};
