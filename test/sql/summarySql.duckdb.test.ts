import { summarySqlSuite } from './summarySuite.js';

summarySqlSuite('duckdb', ['day', 'month']);
