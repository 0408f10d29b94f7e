/**
 * The command line's arguments: one parser for every command, each option documented once
 * (the help text is built from this table).
 * @internal
 */
import { parseArgs } from 'node:util';

/** A usage error: exit code 2, the message and the help. */
export class UsageError extends Error {}

export const OPTIONS = {
  delimiter: { type: 'string', help: "field separator: one character or 'whitespace' (default ',')" },
  'customer-id': { type: 'string', help: 'column of the customer id (default customerId)' },
  date: { type: 'string', help: 'column of the date (default date)' },
  amount: { type: 'string', help: 'column of the amount (default amount)' },
  'date-format': { type: 'string', help: "numeric dates: 'yyyymmdd', 'epoch-ms', 'epoch-s' or 'epoch-day' (default: ISO strings)" },
  'observation-end': { type: 'string', help: 'last day observed, inclusive (default: the last day in the file)' },
  'calibration-end': { type: 'string', help: 'summarize: also the holdout columns after this day' },
  unit: { type: 'string', help: "'day', 'week' (default), 'month' or 'year'" },
  compressed: { type: 'boolean', help: 'summarize: one row per distinct history, with a count' },
  model: { type: 'string', help: 'fit: the purchase model kind (default bg-nbd); predict: the JSON file fit wrote' },
  spend: { type: 'string', help: "fit: also a spend model, e.g. 'gamma-gamma'" },
  horizon: { type: 'string', help: 'predict, report: the horizon in unit (default 52)' },
  'discount-rate': { type: 'string', help: 'predict: discount rate per unit for CLV (default 0)' },
  margin: { type: 'string', help: 'predict: margin applied to spend for CLV (default 1)' },
  dialect: { type: 'string', help: "sql: 'duckdb', 'postgres', 'bigquery', 'snowflake' or 'spark'" },
  table: { type: 'string', help: 'sql: the transactions table' },
  output: { type: 'string', short: 'o', help: 'write to this file instead of standard output' },
  quiet: { type: 'boolean', short: 'q', help: 'no progress bar' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
} as const;

export type CliOptions = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export const COMMANDS: Record<string, string> = {
  summarize: 'summarize <transactions.csv|.parquet>: one row per customer (CSV)',
  fit: 'fit <file>: fit --model (and --spend) on transactions or a summary CSV; the models as JSON',
  predict: 'predict <file> --model model.json: P(alive), expected purchases (and spend, CLV) per customer (CSV)',
  report: 'report <transactions>: summary, RFM segments, ABC tiers, BG/NBD and the top customers (text)',
  sql: 'sql <summary|compressed|rfm|abc> --dialect D --table T: the query, to run in your warehouse',
};

/** The help text: commands, then options. */
export function helpText(): string {
  const opts = Object.entries(OPTIONS).map(([name, o]) => `  --${name}${o.type === 'string' ? ' <value>' : ''}${'short' in o ? `, -${o.short}` : ''}\n      ${o.help}`);
  return ['usage: customer-value <command> [file] [options]', '', 'commands:', ...Object.values(COMMANDS).map((c) => `  ${c}`), '', 'options:', ...opts, '', 'exit codes: 0 done, 1 bad data (the message names the row), 2 bad usage, 3 unexpected error'].join('\n');
}

/** The command, its positional arguments and the options; unknown options are usage errors. */
export function parse(argv: readonly string[]): { command: string | undefined; positionals: string[]; options: CliOptions } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS as never, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, options: parsed.values as CliOptions };
}

/** A number option, or its default; anything else is a usage error naming it. */
export function numberOption(options: CliOptions, name: 'horizon' | 'discount-rate' | 'margin', fallback: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name} must be a number, got ${JSON.stringify(raw)}`);
  return x;
}
