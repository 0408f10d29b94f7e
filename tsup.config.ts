import { defineConfig } from 'tsup';

// The ESM build is tsc's emit, one file per module (tsconfig.build.json), so that bundlers
// drop the modules a program does not use (package.json "sideEffects": false). tsup bundles
// the CommonJS build (one file per entry) and the command line.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', sql: 'src/sql/index.ts', charts: 'src/charts/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    splitting: false,
  },
  {
    entry: { cli: 'src/node/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'node',
    splitting: false,
  },
]);
