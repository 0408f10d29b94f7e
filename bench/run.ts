/**
 * npm run bench: every measurement in its own process, results as JSON lines.
 * BENCH_SIZES=1e5,1e6 npm run bench  limits the sizes.
 */
import { execFileSync } from 'node:child_process';

const sizes = (process.env.BENCH_SIZES ?? '1e5,1e6,1e7').split(',').map(Number);
const run = (script: string, args: string[]): Record<string, unknown> => {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
};

const results: Record<string, unknown>[] = [];
for (const n of process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').includes('summarize') ? [] : sizes) {
  const byMode: Record<string, Record<string, unknown>> = {};
  for (const mode of ['baseline', 'columns', 'unsorted', 'numeric', 'rows']) {
    const r = run('bench/summarize.ts', [String(n), mode]);
    byMode[mode] = r;
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const ratio = (byMode.columns?.bestMs as number) / (byMode.baseline?.bestMs as number);
  console.log(JSON.stringify({ bench: 'summarize', rows: n, columnsVsBaseline: Math.round(ratio * 100) / 100 }));
}

// models: each benchmark in its own process
for (const name of ['fitBgNbd-cdnow', 'fitParetoNbd-cdnow', 'fitBgNbd-1e6-days', 'fitParetoNbd-1e5-days', 'fitGammaGamma-8e5', 'predict-1e6']) {
  if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').includes(name)) continue;
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/models.ts', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(out.trim());
}

// the model-layer targets, each against the bare computation in the same process
for (const name of ['alive-1e6', 'conditional-1e6', 'summarize-int-1e7', 'summarize-string-1e6', 'cnbd-1e5', 'ggom-recovery', 'covariates-recovery', 'dynamic-apparel', 'bootstrap-1e5', 'predictive-1e5', 'pipeline-1e6']) {
  if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').includes(name)) continue;
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/targets.ts', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  console.log(out.trim());
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes('posterior')) {
  console.log(execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/posterior.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes('segments')) {
  console.log(execFileSync(process.execPath, ['--import', 'tsx', 'bench/segments.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes('crm')) {
  console.log(execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/crm.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
}

if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes('valuechain')) {
  console.log(execFileSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', 'bench/valuechain.ts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
}

// the warehouse: DuckDB through the generated SQL against summarize in this process, same log
if (!process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes('warehouse')) {
  for (const n of (process.env.BENCH_WAREHOUSE_SIZES ?? '1e7,1e8').split(',').map(Number)) {
    for (const mode of ['duckdb', 'js']) {
      console.log(execFileSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', 'bench/warehouse.ts', String(n), mode], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim());
    }
  }
}
