import { defineConfig } from 'vitest/config';

// Date handling must not depend on the machine's time zone: the date and summary tests run
// again under two zones far from UTC (process.env.TZ is honoured by Node at run time).
const zoneSensitive = ['test/data/**/*.test.ts', 'test/summary/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'utc', include: ['test/**/*.test.ts'], exclude: ['test/package/**'], env: { TZ: 'UTC' } } },
      // packs, installs and loads the tarball: one slow file, alone in its project
      { extends: true, test: { name: 'package', include: ['test/package/**/*.test.ts'] } },
      { extends: true, test: { name: 'los-angeles', include: zoneSensitive, exclude: ['test/**/*.slow.test.ts'], env: { TZ: 'America/Los_Angeles' } } },
      { extends: true, test: { name: 'sydney', include: zoneSensitive, exclude: ['test/**/*.slow.test.ts'], env: { TZ: 'Australia/Sydney' } } },
    ],
    // vitest's default leaves a core idle (cpus - 1 workers): use both of CI's two
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
