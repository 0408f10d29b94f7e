/**
 * The commands: each reads its input, calls the library and writes text. Model kinds come
 * from the registry, so every registered model can be fitted and predicted.
 * @internal
 */
import { abc } from '../../abc/abc.js';
import { customerLifetimeValue } from '../../clv/customerLifetimeValue.js';
import { toRows } from '../../data/toRows.js';
import { conditionalExpectedPurchases } from '../../models/predictions/conditionalExpectedPurchases.js';
import { conditionalExpectedSpend } from '../../models/predictions/conditionalExpectedSpend.js';
import { probabilityAlive } from '../../models/predictions/probabilityAlive.js';
import { kindsOf, registry } from '../../models/registry.js';
import type { FittedModel, ModelKind, PurchaseModel, SpendModel } from '../../models/types.js';
import { rfm } from '../../rfm/rfm.js';
import { abcSql } from '../../sql/abcSql.js';
import { rfmSql } from '../../sql/rfmSql.js';
import { compressedSummarySql, summarySql } from '../../sql/summarySql.js';
import { compressSummary } from '../../summary/compressSummary.js';
import { numberOption, UsageError, type CliOptions } from './args.js';
import { checkFile, isSummaryFile, readOptions, readSummaryFile, summarizeFile } from './readInput.js';
import type { Bar } from './progressBar.js';
import { readFileSync } from 'node:fs';
import { columnsToCsv } from '../../data/csv.js';

type Columns = Record<string, ArrayLike<unknown>>;

async function summaryOf(file: string, o: CliOptions, bar: Bar): Promise<Columns> {
  return (isSummaryFile(file, o) ? readSummaryFile(file, o) : await summarizeFile(file, o, bar)) as Columns;
}

function kindOption(value: string | undefined, role: 'purchase' | 'spend', fallback?: string): ModelKind {
  const kinds = kindsOf(role) as string[];
  const kind = value ?? fallback;
  if (kind === undefined || !kinds.includes(kind)) throw new UsageError(`--${role === 'spend' ? 'spend' : 'model'} must be one of ${kinds.join(', ')}, got ${JSON.stringify(value)}`);
  return kind as ModelKind;
}

/** The registered fit of a kind (every purchase and spend spec has one). */
function fitOf(kind: ModelKind): (summary: unknown, options: object) => FittedModel {
  const spec = registry[kind] as unknown as { fit(summary: unknown, options: object): FittedModel };
  return (summary, options) => spec.fit(summary, options);
}

/** What a model file holds: kind, parameters and the fit's figures (plain JSON). */
function modelJson(m: FittedModel): Record<string, unknown> {
  return { kind: m.kind, params: m.params, logLikelihood: m.logLikelihood, converged: m.converged, ...(m.standardErrors ? { standardErrors: m.standardErrors } : {}) };
}

export async function summarizeCommand(file: string | undefined, o: CliOptions, bar: Bar): Promise<string> {
  const s = await summarizeFile(checkFile(file), o, bar);
  return columnsToCsv(o.compressed ? (compressSummary(s as never) as unknown as Columns) : (s as Columns));
}

export async function fitCommand(file: string | undefined, o: CliOptions, bar: Bar): Promise<string> {
  const s = await summaryOf(checkFile(file), o, bar);
  const purchase = fitOf(kindOption(o.model, 'purchase', 'bg-nbd'))(s, {});
  const out: Record<string, unknown> = { purchase: modelJson(purchase) };
  if (o.spend !== undefined) out.spend = modelJson(fitOf(kindOption(o.spend, 'spend'))(s, {}));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The model file `fit` wrote. */
function readModels(path: string | undefined): { purchase: PurchaseModel; spend?: SpendModel } {
  if (path === undefined) throw new UsageError('predict needs --model <model.json> (written by customer-value fit)');
  let json: { purchase?: PurchaseModel; spend?: SpendModel };
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as typeof json;
  } catch (e) {
    throw new UsageError(`--model ${JSON.stringify(path)} is not a model file: ${(e as Error).message}`);
  }
  if (!json.purchase) throw new UsageError(`--model ${JSON.stringify(path)} has no purchase model`);
  return json as { purchase: PurchaseModel; spend?: SpendModel };
}

export async function predictCommand(file: string | undefined, o: CliOptions, bar: Bar): Promise<string> {
  const models = readModels(o.model);
  const s = await summaryOf(checkFile(file), o, bar);
  const horizon = numberOption(o, 'horizon', 52);
  const out: Columns = {
    customerId: s.customerId ?? [],
    probabilityAlive: probabilityAlive(models.purchase, s as never),
    expectedPurchases: conditionalExpectedPurchases(models.purchase, s as never, horizon),
  };
  if (models.spend) {
    out.expectedSpend = conditionalExpectedSpend(models.spend, s as never);
    out.clv = customerLifetimeValue({ purchaseModel: models.purchase, spendModel: models.spend, customers: s as never, horizon, unit: readOptions(o).unit, discountRate: numberOption(o, 'discount-rate', 0), margin: numberOption(o, 'margin', 1) }) as unknown as ArrayLike<unknown>;
  }
  return columnsToCsv(out);
}

const table = (rows: ReadonlyArray<Record<string, unknown>>): string => {
  if (rows.length === 0) return '(none)\n';
  const names = Object.keys(rows[0]!);
  const cell = (v: unknown): string => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
  const width = names.map((n) => Math.max(n.length, ...rows.map((r) => cell(r[n]).length)));
  const line = (vals: string[]): string => vals.map((v, j) => v.padEnd(width[j]!)).join('  ').trimEnd();
  return `${[line(names), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(names.map((n) => cell(r[n]))))].join('\n')}\n`;
};

export async function reportCommand(file: string | undefined, o: CliOptions, bar: Bar): Promise<string> {
  const s = (await summarizeFile(checkFile(file), o, bar)) as Columns & { length?: number };
  const horizon = numberOption(o, 'horizon', 52);
  const segments = toRows(rfm(s as never).segments);
  const tiers = abc({ customerId: s.customerId, value: s.totalValue } as never);
  const model = fitOf('bg-nbd')(s, {}) as PurchaseModel & FittedModel;
  const alive = probabilityAlive(model, s as never);
  const expected = conditionalExpectedPurchases(model, s as never, horizon);
  const top = Array.from(expected.keys()).sort((a, b) => (expected[b] as number) - (expected[a] as number)).slice(0, 10);
  const n = (s.customerId ?? []).length;
  return [
    `customers: ${n}${typeof (s as { observationEnd?: unknown }).observationEnd === 'string' ? `, observed to ${(s as unknown as { observationEnd: string }).observationEnd}` : ''}`,
    '',
    'RFM segments',
    table(segments.map((r) => ({ segment: r.segment, customers: r.count, share: r.shareOfCustomers, revenue: r.shareOfRevenue }))),
    `ABC tiers (Gini ${tiers.pareto.gini.toFixed(3)}, top 20 % hold ${(100 * tiers.pareto.top20Share).toFixed(1)} % of value)`,
    table(toRows(tiers.tiers).map((r) => ({ tier: r.tier, customers: r.count, value: r.shareOfValue }))),
    `BG/NBD: ${Object.entries(model.params).map(([k, v]) => `${k} ${(v as number).toFixed(4)}`).join(', ')}${model.converged ? '' : ' (NOT CONVERGED)'}`,
    '',
    `Top 10 customers by expected purchases in the next ${horizon} ${readOptions(o).unit}s`,
    table(top.map((i) => ({ customerId: (s.customerId as ArrayLike<unknown>)[i], frequency: (s.frequency as ArrayLike<unknown>)[i], pAlive: alive[i], expected: expected[i] }))),
  ].join('\n');
}

export function sqlCommand(kind: string | undefined, o: CliOptions): string {
  if (o.dialect === undefined || o.table === undefined) throw new UsageError('sql needs --dialect and --table');
  const base = { dialect: o.dialect as never, table: o.table, fields: readOptions(o).fields, observationEnd: o['observation-end'] };
  const queries: Record<string, () => string> = {
    summary: () => summarySql({ ...base, unit: readOptions(o).unit, calibrationEnd: o['calibration-end'] }),
    compressed: () => compressedSummarySql({ ...base, unit: readOptions(o).unit }),
    rfm: () => rfmSql({ ...base, asOf: o['observation-end'] }),
    abc: () => abcSql(base),
  };
  const query = kind === undefined ? undefined : queries[kind];
  if (!query) throw new UsageError(`sql needs one of ${Object.keys(queries).join(', ')}, got ${JSON.stringify(kind)}`);
  return `${query()};\n`;
}
