// npm run report: bundles the report page (report/) into a static folder (default docs/report/)
// that any static file host serves: index.html, app.js and worker.js (the library, vega and
// vega-lite). Usage: node scripts/build-report.mjs [outdir]
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = process.argv[2] ?? `${root}docs/report`;
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: `${root}report/app.ts`, worker: `${root}report/worker.ts` },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  outdir: out,
  logLevel: 'warning',
});
copyFileSync(`${root}report/index.html`, `${out}/index.html`);
console.log(`report page written to ${out}`);
