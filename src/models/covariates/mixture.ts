/**
 * Signed mixtures of parameter sets (correlated rates as a Sarmanov mixture): a module of its
 * own, without the registry, so a model's fit spec can reach it. @internal
 */

/** A signed mixture of parameter sets (a correlated model) and one history's log-likelihood under each. */
export interface Mixture {
  readonly components: ReadonlyArray<{ p: Record<string, number>; w: number }>;
  rowLogLik(p: Record<string, number>, x: number, tx: number, T: number): number;
}

/** log Σ_c w_c L_c(x, t_x, T) of one history under a mixture's signed components (−∞ where the sum is not positive). */
export function mixtureLogLik(mix: Mixture, x: number, tx: number, T: number): number {
  let m = Number.NEGATIVE_INFINITY;
  const lls = mix.components.map((c) => {
    const v = mix.rowLogLik(c.p, x, tx, T);
    m = Math.max(m, v);
    return v;
  });
  let sum = 0;
  mix.components.forEach((c, k) => (sum += c.w * Math.exp((lls[k] as number) - m)));
  return sum > 0 ? m + Math.log(sum) : Number.NEGATIVE_INFINITY;
}
