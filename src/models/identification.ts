/**
 * Whether a fit identifies its parameters, from the Hessian of the negative log-likelihood
 * in log-parameter space at the optimum: its eigenvalues are the information about
 * combinations of log-parameters. A combination whose information is below 1e-2 has a
 * standard error above 10 on the log scale (a factor e^10 ≈ 22,000): the data do not
 * determine it, and the likelihood is flat along it (a ridge). The eigenvector names the
 * parameters involved and what is identified instead: when two log-parameters move together
 * along the ridge their ratio is identified (Pareto/NBD: s and β, whose ratio is the mean
 * dropout rate; BG/NBD: a and b), when they move oppositely their product.
 * @internal
 */
import { symmetricEigen } from '../math/hessian.js';

/** Information below this (per combination of log-parameters) counts as none. */
export const MIN_INFORMATION = 1e-2;

export interface Identification {
  /** False when the likelihood is flat along some combination of the parameters. */
  readonly identified: boolean;
  /** True when it is flat in every direction: the data carry no information at all. */
  readonly flat: boolean;
  /** What is and is not identified, for the fit's warnings. */
  readonly warnings: string[];
  /** Parameters on a two-parameter ridge (whose ratio or product is identified). */
  readonly ridge: readonly number[];
}

const fmt = (v: number): string => (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(3) : String(Number(v.toPrecision(4))));

/** The identification of a fit with parameters `theta` (names) and log-space Hessian H. */
export function identification(fn: string, H: Float64Array, names: readonly string[], theta: Float64Array): Identification {
  const k = names.length;
  if (!H.every(Number.isFinite)) {
    return { identified: false, flat: false, ridge: [], warnings: [`${fn}: the likelihood's curvature is not finite at the estimate; standard errors are not available`] };
  }
  const { values, vectors } = symmetricEigen(H, k);
  const top = Math.max(...Array.from(values, Math.abs));
  if (!(top > MIN_INFORMATION)) {
    return { identified: false, flat: true, ridge: [], warnings: [`${fn}: the likelihood is flat: the data carry no information about ${names.join(', ')}`] };
  }
  const warnings: string[] = [];
  const ridge: number[] = [];
  for (let c = 0; c < k; c++) {
    if ((values[c] as number) >= MIN_INFORMATION) break;
    const v = Array.from({ length: k }, (_, r) => vectors[r * k + c] as number);
    const involved = v.map((x, i) => ({ i, x })).filter((e) => Math.abs(e.x) >= 0.25);
    if (involved.length === 2) ridge.push(...involved.map((e) => e.i));
    warnings.push(`${fn}: ${describeRidge(involved, names, theta)}; the fit does not identify the model from these data (a longer calibration period or more customers would)`);
  }
  return { identified: warnings.length === 0, flat: false, warnings, ridge };
}

/** What a flat direction means, from its main components (index, weight) in log-parameters. */
function describeRidge(involved: Array<{ i: number; x: number }>, names: readonly string[], theta: Float64Array): string {
  if (involved.length === 2) {
    const [a, b] = involved as [{ i: number; x: number }, { i: number; x: number }];
    const na = names[a.i] as string;
    const nb = names[b.i] as string;
    const ta = theta[a.i] as number;
    const tb = theta[b.i] as number;
    return a.x * b.x > 0
      ? `${na} and ${nb} grow together along a flat ridge of the likelihood (${na} = ${fmt(ta)}, ${nb} = ${fmt(tb)}): only ${na}/${nb} = ${fmt(ta / tb)} is identified`
      : `${na} and ${nb} trade off along a flat ridge of the likelihood (${na} = ${fmt(ta)}, ${nb} = ${fmt(tb)}): only ${na}·${nb} = ${fmt(ta * tb)} is identified`;
  }
  if (involved.length === 1) {
    const i = (involved[0] as { i: number }).i;
    return `${names[i]} (${fmt(theta[i] as number)}) is not identified: the likelihood is flat in it`;
  }
  return `the likelihood is flat along a combination of ${involved.map((e) => names[e.i]).join(', ')}`;
}
