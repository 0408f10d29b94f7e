/**
 * The demo's satisfaction and profitability sections, on the simulated CRM history. Part of
 * `npm run demo`.
 */
import { customerProfitability, loyalty, satisfaction, type SimulatedCrmHistory } from 'customer-value';
import { heading, pct, table } from './format.js';

export function crmMeasuresSection(crm: SimulatedCrmHistory): void {
  const s = satisfaction(crm.transactions, crm.interactions, { period: 'quarter' });
  const v = (r: { value: number | null }) => (r.value === null ? '-' : pct(r.value));
  const n = (x: number | null, digits = 2) => (x === null ? '-' : x.toFixed(digits));
  console.log(heading('Satisfaction (survey scores on the interactions)'));
  console.log(
    table(
      s.periods.slice(-4).map((p) => ({ period: p.period, responses: p.responses, respondents: p.respondents, meanNormalized: n(p.meanNormalized), csat: v(p.csat), nps: n(p.nps.value, 1) })),
    ),
  );
  const c = s.complaints;
  console.log(
    `Complainers (${c.complainers}): CSAT ${v(c.beforeComplaint.csat)} before the complaint, ${v(c.whileOpen.csat)} while it is open, ${v(c.afterResolution.csat)} after its resolution.`,
  );
  console.log(
    `Satisfied respondents who bought again within ${s.retention.window} days: ${v(s.retention.satisfied)}; dissatisfied: ${v(s.retention.dissatisfied)} (the simulator ties both to service quality).`,
  );
  const l = loyalty(crm.transactions, crm.interactions, { period: 'quarter' });
  const types = new Map<string, number>();
  for (const t of l.type) types.set(t, (types.get(t) ?? 0) + 1);
  console.log(heading('Loyalty (RFM behaviour and survey attitude, Dick & Basu types)'));
  console.log(table([...types].map(([type, customers]) => ({ type, customers, share: pct(customers / l.length) }))));
  const last = l.periods.length - 1;
  console.log(`Loyal customers: ${l.loyal.reduce((a, b) => a + b, 0)} of ${l.length}; behaviourally loyal in the last quarter: ${l.periods.loyalBuyers[last]} of ${l.periods.buyers[last]} buyers so far.`);
  const p = customerProfitability(crm.transactions, crm.interactions, { margin: 0.3, costs: { perTransaction: 0.5 } });
  console.log(heading('Profitability (margin 30 %, 0.50 per transaction, interaction costs)'));
  console.log(table(p.tiers.map((t) => ({ tier: t.tier, customers: t.customers, profit: Math.round(t.profit), customerShare: t.customerShare === null ? '-' : pct(t.customerShare), profitShare: t.profitShare === null ? '-' : pct(t.profitShare) }))));
  console.log(
    `Whale curve: the most profitable ${p.whale.peakCustomerShare === null ? '-' : pct(p.whale.peakCustomerShare)} of customers earn ${p.whale.peakProfitShare === null ? '-' : pct(p.whale.peakProfitShare)} of the total profit; the ${p.totals.lossCustomers} loss customers give back ${Math.round(-p.totals.loss)}.`,
  );
}
