/**
 * customer-value/node: file helpers for Node. The core (`customer-value`) does no I/O.
 * @packageDocumentation
 */
export { readCsv } from './readCsv.js';
export type { ReadCsvOptions } from './readCsv.js';
export { streamCsv } from './streamCsv.js';
export type { StreamCsvOptions, StreamCsvProgress } from './streamCsv.js';
