import type { TransactionReadOptions } from '../data/encodeTransactions.js';
import { encodeTransactions } from '../data/encodeTransactions.js';
import { encodeInteractions, type EncodedInteractions, type InteractionReadOptions } from '../data/encodeInteractions.js';
import { indexOf, type IdIndex } from '../data/idIndex.js';
import { partialFromEncoded, type SummaryPartial } from '../summary/partial.js';
import type { EncodedTransactions } from '../data/encodeTransactions.js';

/** Transactions grouped per customer and day, and interactions on the same customer numbering. @internal */
export interface CustomerHistory {
  tx: EncodedTransactions;
  partial: SummaryPartial;
  index: IdIndex;
  interactions: EncodedInteractions | undefined;
  /** Customers known from transactions: 0..nTx-1; interaction-only customers follow. */
  nTx: number;
}

/** @internal */
export function customerHistory(
  fn: string,
  transactions: unknown,
  interactions: unknown,
  options: TransactionReadOptions & InteractionReadOptions,
  lastDay?: number,
): CustomerHistory {
  const tx = encodeTransactions(transactions, fn, options, lastDay);
  const partial = partialFromEncoded(tx);
  const index = indexOf(tx.customerIds);
  const nTx = tx.customerIds.length;
  const inter = interactions === undefined || interactions === null ? undefined : encodeInteractions(interactions, fn, index, options);
  return { tx, partial, index, interactions: inter, nTx };
}

/** The last transaction or interaction day of a history: the default `asOf`. @internal */
export function historyEnd(h: CustomerHistory): number {
  let end = h.tx.maxDay;
  const it = h.interactions;
  if (it) for (let i = 0; i < it.length; i++) if (!(end >= (it.day[i] as number))) end = it.day[i] as number;
  return end;
}
