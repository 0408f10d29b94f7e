import type { CustomerId } from './types.js';

const EMPTY = -1;
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

/**
 * Dictionary encoding of customer ids to dense indices 0, 1, 2, ... in order of first
 * appearance: an open-addressing hash table (linear probing, FNV-1a over the string's code
 * units; numbers hashed by value) with the hashes kept beside the slots, so that a probe
 * rarely touches the key. About twice as fast as a `Map` on a million string ids, whose
 * cost is dominated by cache misses. `1` and `'1'` are different ids.
 * @internal
 */
export class IdIndex {
  /** Distinct ids by index. */
  readonly ids: CustomerId[] = [];
  /** Slot p holds the id's index at 2p (or EMPTY) and its hash at 2p + 1: one cache line per probe. */
  private table: Int32Array;
  private mask: number;

  constructor() {
    const cap = 1 << 12;
    this.table = new Int32Array(cap * 2).fill(EMPTY);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Hash of a valid id (non-empty string or finite number). */
  static hash(id: CustomerId): number {
    if (typeof id === 'string') {
      let h = 0x811c9dc5 | 0;
      const n = id.length;
      for (let j = 0; j < n; j++) h = Math.imul(h ^ id.charCodeAt(j), 16777619);
      return h;
    }
    if ((id | 0) === id) return Math.imul(id ^ 0x5bd1e995, 0x9e3779b1) ^ 0x7f4a7c15;
    f64[0] = id;
    return Math.imul((i32[0] as number) ^ Math.imul(i32[1] as number, 0x85ebca6b), 0x9e3779b1) ^ 0x2545f491;
  }

  /** The index of `id`, adding it when new. */
  add(id: CustomerId): number {
    const h = IdIndex.hash(id);
    const table = this.table;
    const mask = this.mask;
    let p = h & mask;
    for (;;) {
      const s = table[2 * p] as number;
      if (s === EMPTY) break;
      if (table[2 * p + 1] === h && this.ids[s] === id) return s;
      p = (p + 1) & mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    table[2 * p] = index;
    table[2 * p + 1] = h;
    if (this.ids.length * 2 > mask + 1) this.grow();
    return index;
  }

  /** The index of `id`, or -1. */
  get(id: CustomerId): number {
    const h = IdIndex.hash(id);
    const table = this.table;
    let p = h & this.mask;
    for (;;) {
      const s = table[2 * p] as number;
      if (s === EMPTY) return -1;
      if (table[2 * p + 1] === h && this.ids[s] === id) return s;
      p = (p + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    const cap = (this.mask + 1) * 2;
    const table = new Int32Array(cap * 2).fill(EMPTY);
    const mask = cap - 1;
    for (let q = 0; q < old.length; q += 2) {
      const s = old[q] as number;
      if (s === EMPTY) continue;
      const h = old[q + 1] as number;
      let p = h & mask;
      while (table[2 * p] !== EMPTY) p = (p + 1) & mask;
      table[2 * p] = s;
      table[2 * p + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** A new index holding `ids` at 0..n-1, for joining other records to them. @internal */
export function indexOf(ids: readonly CustomerId[]): IdIndex {
  const index = new IdIndex();
  for (const id of ids) index.add(id);
  return index;
}

/**
 * The range [lo, hi] of whole-number ids in a typed array when it is compact (fewer than
 * 4n + 1024 values), so that ids can address a table directly; undefined otherwise. @internal
 */
export function compactIdRange(ids: ArrayLike<unknown>): { lo: number; hi: number } | undefined {
  const n = ids.length;
  if (!ArrayBuffer.isView(ids) || n === 0) return undefined;
  const v = ids as unknown as ArrayLike<number>;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = v[i] as number;
    if (x !== Math.floor(x)) return undefined;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo < 4 * n + 1024 ? { lo, hi } : undefined;
}
