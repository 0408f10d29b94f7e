import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CustomerValueError, summarize, toRows } from '../src/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README stays true to the code', () => {
  it('the tour example prints what the README says', () => {
    const transactions = [
      { customerId: 'a', date: '2024-01-01', amount: 10 },
      { customerId: 'a', date: '2024-01-15', amount: 30 },
      { customerId: 'a', date: '2024-01-15T18:30:00-05:00', amount: 20 },
      { customerId: 'b', date: new Date(Date.UTC(2024, 0, 8)), amount: 5 },
    ];
    expect(readme).toContain("{ customerId: 'a', date: '2024-01-15T18:30:00-05:00', amount: 20 }");
    const summary = summarize(transactions, { observationEnd: '2024-01-29', unit: 'week' });
    expect(toRows(summary)).toEqual([
      { customerId: 'a', frequency: 1, recency: 2, T: 4, monetaryValue: 50, totalValue: 60, firstPurchase: '2024-01-01', lastPurchase: '2024-01-15' },
      { customerId: 'b', frequency: 0, recency: 0, T: 3, monetaryValue: 0, totalValue: 5, firstPurchase: '2024-01-08', lastPurchase: '2024-01-08' },
    ]);
    expect(summary.report).toMatchObject({ rows: 4, used: 4, afterObservationEnd: 0, duplicateOrders: 0 });
  });

  it('the error example has the message the README shows', () => {
    expect(readme).toContain(`'summarize: row 0: amount must be a finite number, got "12,50"'`);
    try {
      summarize([{ customerId: 'a', date: '2024-01-01', amount: '12,50' as unknown as number }]);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(CustomerValueError);
      expect((e as CustomerValueError).message).toBe('summarize: row 0: amount must be a finite number, got "12,50"');
      expect((e as CustomerValueError).issues[0]!.path).toEqual(['transactions', 0, 'amount']);
    }
  });

  it('names the two commands of a fresh clone', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });
});

describe('the README API index', () => {
  it('lists exactly the runtime exports of the package', async () => {
    const api = await import('../src/index.js');
    const node = await import('../src/node/index.js');
    const sql = await import('../src/sql/index.js');
    const charts = await import('../src/charts/index.js');
    const section = readme.slice(readme.indexOf('## API index'), readme.indexOf('## Performance'));
    const listed = new Set([...section.matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]));
    listed.delete('customer-value');
    const exported = new Set([...Object.keys(api), ...Object.keys(node), ...Object.keys(sql), ...Object.keys(charts)]);
    expect([...listed].filter((n) => !exported.has(n!))).toEqual([]);
    expect([...exported].filter((n) => !listed.has(n))).toEqual([]);
  });
});
