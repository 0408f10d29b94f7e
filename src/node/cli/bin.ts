#!/usr/bin/env node
/** The executable behind package.json's `bin`. @internal */
import { main } from './main.js';

// a reader that stops early (`| head`) is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
