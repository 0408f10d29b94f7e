/**
 * Static covariates: Pareto/NBD and BG/NBD fitted with and without the apparel retailer's
 * Gender and Channel (CLVTools' example data, 600 customers, weeks; calibration through
 * 2006-12-31, holdout to 2010-12-20). The data sit beside the repository in
 * `../shared/datasets` (as in CI); without them this section says so and is skipped.
 * Part of `npm run demo`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitBgNbd, fitParetoNbd, holdoutComparison, parameterIntervals, splitCalibrationHoldout, type FittedModel, type PurchaseModel } from 'customer-value';
import { readCsv } from 'customer-value/node';
import { heading, table } from './format.js';

export function covariatesSection(): void {
  console.log(heading('Covariates: the apparel retailer (Pareto/NBD and BG/NBD with Gender and Channel)'));
  const dir = fileURLToPath(new URL('../../shared/datasets/', import.meta.url));
  if (!existsSync(`${dir}apparelTrans.csv`)) {
    console.log(`skipped: the apparel data are not at ${dir} (they come with the repository's shared datasets)`);
    return;
  }
  const tx = readCsv(`${dir}apparelTrans.csv`, { numeric: ['Price'] });
  const cov = readCsv(`${dir}apparelStaticCov.csv`, { numeric: ['Gender', 'Channel'] });
  const split = splitCalibrationHoldout(tx, { calibrationEnd: '2006-12-31', observationEnd: '2010-12-20', unit: 'week', fields: { customerId: 'Id', date: 'Date', amount: 'Price' } });
  const covariates = { data: cov, customerId: 'Id', purchase: ['Gender', 'Channel'], dropout: ['Gender', 'Channel'] };
  const prediction = { covariates: { data: cov, customerId: 'Id' } };
  const fits: Array<[string, FittedModel, boolean]> = [
    ['Pareto/NBD', fitParetoNbd(split), false],
    ['Pareto/NBD + covariates', fitParetoNbd(split, { covariates }), true],
    ['BG/NBD', fitBgNbd(split), false],
    ['BG/NBD + covariates', fitBgNbd(split, { covariates }), true],
  ];
  console.log(`${split.customerId.length} customers; calibration 104 weeks, holdout to 2010-12-20`);
  const withCov = fits[1]![1];
  const iv = parameterIntervals(withCov, { level: 0.95 });
  console.log('\nPareto/NBD coefficients (α_i = α e^(-γ_purchase·z), β_i = β e^(-γ_dropout·z), as CLVTools), 95 % Wald intervals:');
  console.log(
    table(
      Object.entries(iv)
        .filter(([name]) => name.includes('.'))
        .map(([name, i]) => ({ coefficient: name, estimate: i.estimate.toFixed(4), se: i.standardError.toFixed(4), low95: i.lower.toFixed(3), high95: i.upper.toFixed(3) })),
    ),
  );
  console.log('\nModel comparison (holdout: purchases per customer over the holdout weeks):');
  console.log(
    table(
      fits.map(([name, m, c]) => {
        const h = holdoutComparison(m as PurchaseModel, split, c ? prediction : {});
        return { model: name, logLik: m.logLikelihood.toFixed(1), aic: m.aic.toFixed(1), bic: m.bic.toFixed(1), converged: m.converged, holdoutMae: h.mae.toFixed(3), predicted: h.predictedTotal.toFixed(0), actual: h.actualTotal };
      }),
    ),
  );
  const bg = fits[3]![1];
  if (!bg.converged) console.log(`\nBG/NBD with covariates: ${bg.message}`);
}
