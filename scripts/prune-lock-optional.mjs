// The npm registry mirror this project builds against lacks some platform-specific optional
// packages (e.g. most @rollup/rollup-<platform> builds). `npm install` skips them silently,
// but then `npm ci` rejects the lockfile as out of sync. This removes, from every lockfile
// entry, optional dependencies that have no entry of their own. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const present = new Set(Object.keys(lock.packages).map((k) => k.replace(/^.*node_modules\//, '')));
let removed = 0;
for (const entry of Object.values(lock.packages)) {
  const opt = entry.optionalDependencies;
  if (!opt) continue;
  for (const name of Object.keys(opt)) {
    if (!present.has(name)) {
      delete opt[name];
      removed++;
    }
  }
  if (Object.keys(opt).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`removed ${removed} optional dependencies missing from the registry`);
