import type { RetentionModelSpec } from '../spec.js';
import { liftedLifetime } from './lifted.js';
import { discountedLifetime, expectedLifetime, logSurvival, retention, type BdwParams } from './likelihood.js';
import { simulateBetaDiscreteWeibull } from './simulate.js';

/** Beta-discrete-Weibull retention (Fader, Hardie, Liu, Davin & Steenburgh 2018): the registry's record. @internal */
export const betaDiscreteWeibullSpec: RetentionModelSpec<BdwParams> = {
  kind: 'bdw',
  title: 'BdW',
  role: 'retention',
  params: ['alpha', 'beta', 'c'],
  // an illustrative cohort with falling churn (c < 1); the sBG is c = 1
  example: { alpha: 0.9, beta: 1.6, c: 0.75 },
  logSurvival,
  retention,
  discountedLifetime,
  expectedLifetime,
  liftedLifetime,
  simulate: simulateBetaDiscreteWeibull,
};
