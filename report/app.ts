/// <reference lib="dom" />
/**
 * The report page: the user drops a transactions CSV (and optionally interactions), the
 * worker computes, the page shows the sections and offers the per-customer table.
 */
interface Result {
  columns: Record<string, string>;
  stats: Array<[string, string]>;
  segments: Array<Record<string, unknown>>;
  tiers: Array<Record<string, unknown>>;
  model: Array<[string, string]>;
  top: Array<Record<string, unknown>>;
  svgs: Record<string, string>;
  customersCsv: string;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const escape = (s: unknown): string => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

function table(rows: ReadonlyArray<Record<string, unknown>>): string {
  if (rows.length === 0) return '<p>(none)</p>';
  const names = Object.keys(rows[0]!);
  return `<table><thead><tr>${names.map((n) => `<th>${escape(n)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${names.map((n) => `<td>${escape(r[n])}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
const pairs = (rows: ReadonlyArray<[string, string]>): string => `<table><tbody>${rows.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</tbody></table>`;

function show(r: Result): void {
  $('columns').textContent = `Columns used: customer id "${r.columns.customerId}", date "${r.columns.date}", amount "${r.columns.amount}".`;
  $('summary').innerHTML = pairs(r.stats);
  $('segments').innerHTML = table(r.segments) + (r.svgs.segments ?? '') + (r.svgs.heatmap ?? '');
  $('tiers').innerHTML = table(r.tiers) + (r.svgs.pareto ?? '') + (r.svgs.lorenz ?? '');
  $('clv').innerHTML = pairs(r.model) + table(r.top) + (r.svgs.histogram ?? '') + (r.svgs.alive ?? '') + (r.svgs.clv ?? '');
  $('dashboard').innerHTML = r.svgs.dashboard ?? '';
  const link = $<HTMLAnchorElement>('download');
  link.href = URL.createObjectURL(new Blob([r.customersCsv], { type: 'text/csv' }));
  link.download = 'customers.csv';
  link.hidden = false;
  $('results').hidden = false;
}

async function run(transactions: File, interactions: File | undefined): Promise<void> {
  $('error').textContent = '';
  $('results').hidden = true;
  const bar = $<HTMLProgressElement>('progress');
  const step = $('step');
  bar.value = 0;
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<{ type: string; share?: number; step?: string; result?: Result; message?: string }>) => {
    const m = event.data;
    if (m.type === 'progress') {
      bar.value = m.share ?? 0;
      step.textContent = m.step === 'done' ? 'done' : `${m.step}…`;
    } else if (m.type === 'result') {
      show(m.result as Result);
      worker.terminate();
      document.body.dataset.state = 'done';
    } else {
      $('error').textContent = m.message ?? 'failed';
      worker.terminate();
      document.body.dataset.state = 'error';
    }
  };
  document.body.dataset.state = 'running';
  worker.postMessage({ transactions: await transactions.text(), interactions: interactions ? await interactions.text() : undefined });
}

const start = (): void => {
  const tx = $<HTMLInputElement>('transactions').files?.[0];
  if (tx) void run(tx, $<HTMLInputElement>('interactions').files?.[0]);
};
$('transactions').addEventListener('change', start);
$('interactions').addEventListener('change', start);
const drop = $('drop');
drop.addEventListener('dragover', (e) => e.preventDefault());
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  const files = Array.from(e.dataTransfer?.files ?? []);
  const tx = files.find((f) => !/interaction/i.test(f.name)) ?? files[0];
  if (tx) void run(tx, files.find((f) => f !== tx));
});
