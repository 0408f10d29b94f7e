/**
 * Values memoized by a (frequency, T) pair: real data has far fewer distinct pairs than
 * customers, and the costly part of every conditional prediction depends on the pair only.
 * Whole frequencies below 2^20 index a dense array (one array read, then one `Map` probe
 * on T); other frequencies fall back to a nested `Map`.
 * @internal
 */
export class PairCache {
  private readonly byX: Array<Map<number, number> | undefined> = [];
  private readonly other = new Map<number, Map<number, number>>();

  get(x: number, T: number, compute: (x: number, T: number) => number): number {
    let byT: Map<number, number> | undefined;
    if (x >= 0 && x < 1048576 && (x | 0) === x) {
      byT = this.byX[x];
      if (byT === undefined) this.byX[x] = byT = new Map();
    } else {
      byT = this.other.get(x);
      if (byT === undefined) this.other.set(x, (byT = new Map()));
    }
    let v = byT.get(T);
    if (v === undefined) {
      v = compute(x, T);
      byT.set(T, v);
    }
    return v;
  }
}

/**
 * Values memoized by (frequency, T, recency), for brackets that read t_x (the Erlang-k
 * models): whole-day data repeat triples often, and a bracket costs microseconds. @internal
 */
export class TripleCache {
  private readonly byPair = new PairCache();
  private readonly maps: Array<Map<number, number>> = [];

  get(x: number, T: number, tx: number, compute: (x: number, T: number) => number): number {
    // the pair cache hands out an index into `maps` for each (x, T)
    const slot = this.byPair.get(x, T, () => {
      this.maps.push(new Map());
      return this.maps.length - 1;
    });
    const byTx = this.maps[slot] as Map<number, number>;
    let v = byTx.get(tx);
    if (v === undefined) {
      v = compute(x, T);
      byTx.set(tx, v);
    }
    return v;
  }
}
