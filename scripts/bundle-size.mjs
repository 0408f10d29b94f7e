// npm run check:package measures what a browser bundle of the built package costs: esbuild
// resolves 'customer-value' through package.json's exports (the ESM build, one file per
// module) and tree-shakes; minified and gzipped sizes. Each import has a budget (KB,
// minified and gzipped, a few percent above what it is now): a change that grows a bundle
// past it fails the check, so the size is raised on purpose or not at all.
import * as esbuild from 'esbuild';
import { gzipSync } from 'node:zlib';
const cases = [
  ['summarize + fitBgNbd', "export { summarize, fitBgNbd } from 'customer-value';", 77, 28],
  ['summarize', "export { summarize } from 'customer-value';", 45, 16],
  ['the whole library', "export * from 'customer-value';", 320, 112],
  ['customer-value/charts', "export * from 'customer-value/charts';", 155, 53],
  ['customer-value/sql', "export * from 'customer-value/sql';", 150, 52],
];
let over = 0;
for (const [name, code, minBudget, gzipBudget] of cases) {
  const r = await esbuild.build({ stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', write: false, platform: 'neutral', mainFields: ['module', 'main'] });
  const b = r.outputFiles[0].contents;
  const min = b.length / 1024;
  const gzip = gzipSync(b).length / 1024;
  const fits = min <= minBudget && gzip <= gzipBudget;
  if (!fits) over++;
  console.log(`${name}: ${min.toFixed(0)} KB min, ${gzip.toFixed(0)} KB gzip (budget ${minBudget} / ${gzipBudget})${fits ? '' : ' OVER BUDGET'}`);
}
if (over > 0) {
  console.error(`${over} bundle(s) over budget: shrink them, or raise the budget in scripts/bundle-size.mjs and say why`);
  process.exit(1);
}
