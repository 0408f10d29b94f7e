import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';

/** Transactions as columns, the shape the engines load. */
export interface TxColumns {
  customerId: readonly string[];
  date: readonly string[];
  amount: ArrayLike<number>;
}

/** An embedded SQL engine holding tables of transactions. */
export interface Engine {
  readonly dialect: 'duckdb' | 'postgres';
  load(table: string, tx: TxColumns): Promise<void>;
  query(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** In-memory DuckDB (@duckdb/node-api); tables are loaded from a CSV file. */
export async function duckdb(): Promise<Engine> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  return {
    dialect: 'duckdb',
    async load(table, tx) {
      const dir = mkdtempSync(join(tmpdir(), 'cv-sql-'));
      const file = join(dir, 'tx.csv');
      const lines = new Array<string>(tx.customerId.length + 1);
      lines[0] = 'customerId,date,amount';
      for (let i = 0; i < tx.customerId.length; i++) lines[i + 1] = `${tx.customerId[i]},${tx.date[i]},${tx.amount[i]}`;
      writeFileSync(file, lines.join('\n'));
      await c.run(`CREATE TABLE ${quoted(table)} AS SELECT * FROM read_csv('${file}', header = true, columns = {'customerId': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'})`);
      rmSync(dir, { recursive: true });
    },
    async query(sql) {
      return (await c.runAndReadAll(sql)).getRowObjects() as Array<Record<string, unknown>>;
    },
    async close() {
      c.closeSync();
    },
  };
}

/** PostgreSQL compiled to WebAssembly (PGlite), in memory. */
export async function postgres(): Promise<Engine> {
  const db = new PGlite();
  return {
    dialect: 'postgres',
    async load(table, tx) {
      await db.exec(`CREATE TABLE ${quoted(table)} ("customerId" TEXT, "date" DATE, "amount" DOUBLE PRECISION)`);
      const step = 200_000;
      for (let s = 0; s < tx.customerId.length; s += step) {
        const e = Math.min(tx.customerId.length, s + step);
        await db.query(`INSERT INTO ${quoted(table)} SELECT * FROM unnest($1::text[], $2::date[], $3::float8[])`, [
          tx.customerId.slice(s, e),
          tx.date.slice(s, e),
          Array.from({ length: e - s }, (_, i) => tx.amount[s + i]),
        ]);
      }
    },
    async query(sql) {
      return (await db.query<Record<string, unknown>>(sql)).rows;
    },
    async close() {
      await db.close();
    },
  };
}

/** A seeded log of `rows` transactions: `customers` ids, days over two years, 3 % returns, some same-day repeats. */
export function simulatedLog(rows: number, customers: number, seed = 7): TxColumns {
  let s = seed >>> 0;
  const u = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const base = Date.UTC(2023, 0, 1);
  const customerId = new Array<string>(rows);
  const date = new Array<string>(rows);
  const amount = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(customers * u() ** 2); // a skewed customer base
    customerId[i] = `c${c}`;
    date[i] = new Date(base + Math.floor(730 * u()) * 86_400_000).toISOString().slice(0, 10);
    const v = Math.round(100 * (5 + 80 * u() ** 3)) / 100;
    amount[i] = u() < 0.03 ? -v : v;
  }
  return { customerId, date, amount };
}
