/**
 * A test-only simulator of Pareto/NBD and BG/NBD customers with static covariates, written
 * apart from the library (its own generator, purchases drawn one gap at a time), with the
 * covariate scaling written out from CLVTools 0.12's definitions:
 * Pareto/NBD α_i = α e^(-γ_p'z), β_i = β e^(-γ_d'z); BG/NBD α_i = α e^(-γ_p'z),
 * a_i = a e^(γ_d'z), b_i = b e^(γ_d'z).
 */
import { gammaDraw, uniforms } from './erlangWorld.js';

export interface CovariateWorld {
  summary: { customerId: string[]; frequency: number[]; recency: number[]; T: number[] };
  covariates: { customerId: string[]; z1: number[]; z2: number[] };
}

/** n customers observed for T, with two covariates: z1 binary (half each), z2 uniform on (-1, 1). */
export function covariateWorld(
  kind: 'pareto-nbd' | 'bg-nbd',
  p: Record<string, number>,
  gamma: { purchase: [number, number]; dropout: [number, number] },
  n: number,
  T: number,
  seed: number,
): CovariateWorld {
  const u = uniforms(seed);
  const out: CovariateWorld = { summary: { customerId: [], frequency: [], recency: [], T: [] }, covariates: { customerId: [], z1: [], z2: [] } };
  for (let i = 0; i < n; i++) {
    const z1 = i % 2;
    const z2 = 2 * u() - 1;
    const etaP = gamma.purchase[0] * z1 + gamma.purchase[1] * z2;
    const etaD = gamma.dropout[0] * z1 + gamma.dropout[1] * z2;
    const lambda = gammaDraw(u, p.r as number, (p.alpha as number) * Math.exp(-etaP));
    let x = 0;
    let last = 0;
    if (kind === 'pareto-nbd') {
      const mu = gammaDraw(u, p.s as number, (p.beta as number) * Math.exp(-etaD));
      const death = -Math.log(u()) / mu;
      for (let t = -Math.log(u()) / lambda; t <= Math.min(T, death); t += -Math.log(u()) / lambda) {
        x++;
        last = t;
      }
    } else {
      const ga = gammaDraw(u, (p.a as number) * Math.exp(etaD), 1);
      const gb = gammaDraw(u, (p.b as number) * Math.exp(etaD), 1);
      const drop = ga / (ga + gb);
      for (let t = -Math.log(u()) / lambda; t <= T; t += -Math.log(u()) / lambda) {
        x++;
        last = t;
        if (u() < drop) break;
      }
    }
    const id = `k${i}`;
    out.summary.customerId.push(id);
    out.summary.frequency.push(x);
    out.summary.recency.push(last);
    out.summary.T.push(T);
    out.covariates.customerId.push(id);
    out.covariates.z1.push(z1);
    out.covariates.z2.push(z2);
  }
  return out;
}
