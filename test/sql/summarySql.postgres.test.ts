import { summarySqlSuite } from './summarySuite.js';

// PGlite is single-threaded WebAssembly: one unit on the 1e6-row log (plus the holdout split)
summarySqlSuite('postgres', ['day']);
