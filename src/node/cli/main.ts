/**
 * The `customer-value` command: parse, run one command, write its output, and exit with
 * 0 (done), 1 (bad data: a CustomerValueError, which names the row), 2 (bad usage) or
 * 3 (anything else).
 * @internal
 */
import { writeFileSync } from 'node:fs';
import { CustomerValueError } from '../../errors.js';
import { COMMANDS, helpText, parse, UsageError, type CliOptions } from './args.js';
import { fitCommand, predictCommand, reportCommand, sqlCommand, summarizeCommand } from './commands.js';
import { progressBar, type Bar } from './progressBar.js';

type Command = (arg: string | undefined, o: CliOptions, bar: Bar) => Promise<string> | string;
const RUN: Record<keyof typeof COMMANDS, Command> = {
  summarize: summarizeCommand,
  fit: fitCommand,
  predict: predictCommand,
  report: reportCommand,
  sql: (kind, o) => sqlCommand(kind, o),
};

/** Run the command line on `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream } = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    const { command, positionals, options } = parse(argv);
    if (options.help || command === undefined) {
      io.stdout.write(`${helpText()}\n`);
      return command === undefined && !options.help ? 2 : 0;
    }
    const run = RUN[command];
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    if (positionals.length > 1) throw new UsageError(`${command} takes one file, got ${positionals.length}`);
    const text = await run(positionals[0], options, progressBar(io.stderr, options.quiet === true));
    if (options.output !== undefined) writeFileSync(options.output, text);
    else io.stdout.write(text);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`customer-value: ${e.message}\n(customer-value --help lists the commands and options)\n`);
      return 2;
    }
    if (e instanceof CustomerValueError) {
      io.stderr.write(`customer-value: ${e.message}\n`);
      return 1;
    }
    io.stderr.write(`customer-value: unexpected error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 3;
  }
}
