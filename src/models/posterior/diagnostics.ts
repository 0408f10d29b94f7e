/**
 * Convergence diagnostics of MCMC draws: split R-hat and the effective sample size with
 * Geyer's initial monotone sequence, as Gelman et al. (2013), Bayesian Data Analysis, 3rd
 * ed., §11.4-11.5 define them.
 * @internal
 */

/** Split each of the chains (rows of `n` draws) into halves: 2m chains of ⌊n/2⌋ draws. */
function split(chains: readonly Float64Array[]): Float64Array[] {
  const half = Math.floor((chains[0] as Float64Array).length / 2);
  return chains.flatMap((c) => [c.subarray(0, half), c.subarray(c.length - half)]);
}

function meanOf(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] as number;
  return s / v.length;
}

/** W (mean within-chain variance) and var⁺ (the pooled estimate of the posterior variance), BDA3 (11.2)-(11.3). */
function variances(chains: readonly Float64Array[]): { W: number; varPlus: number; means: number[] } {
  const m = chains.length;
  const n = (chains[0] as Float64Array).length;
  const means = chains.map(meanOf);
  const grand = means.reduce((a, b) => a + b, 0) / m;
  const B = (n / (m - 1)) * means.reduce((a, b) => a + (b - grand) ** 2, 0);
  let W = 0;
  chains.forEach((c, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += ((c[i] as number) - (means[j] as number)) ** 2;
    W += s / (n - 1) / m;
  });
  return { W, varPlus: ((n - 1) / n) * W + B / n, means };
}

/** Split R-hat, √(var⁺ / W) over the split chains (BDA3 (11.4)); 1 for draws that do not vary. */
export function splitRhat(chains: readonly Float64Array[]): number {
  const halves = split(chains);
  if ((halves[0] as Float64Array).length < 2) return Number.NaN;
  const { W, varPlus } = variances(halves);
  if (!(W > 0)) return varPlus > 0 ? Infinity : 1;
  return Math.sqrt(varPlus / W);
}

/**
 * Effective sample size m n / (1 + 2 Σ ρ̂_t) over the split chains, the autocorrelations
 * ρ̂_t = 1 - (W - mean autocovariance at lag t) / var⁺ (BDA3 (11.7)) summed in pairs while
 * the pair sums stay positive, made monotone (Geyer 1992); m n for draws that do not vary.
 */
export function effectiveSampleSize(chains: readonly Float64Array[]): number {
  const halves = split(chains);
  const m = halves.length;
  const n = (halves[0] as Float64Array).length;
  if (n < 4) return Number.NaN;
  const { W, varPlus, means } = variances(halves);
  if (!(varPlus > 0)) return m * n;
  const rho = (t: number): number => {
    let gamma = 0;
    halves.forEach((c, j) => {
      const mu = means[j] as number;
      let s = 0;
      for (let i = 0; i + t < n; i++) s += ((c[i] as number) - mu) * ((c[i + t] as number) - mu);
      gamma += s / n / m;
    });
    return 1 - (W - gamma) / varPlus;
  };
  let sum = 0;
  let previous = Infinity;
  for (let t = 0; t + 1 < n; t += 2) {
    let pair = (t === 0 ? 1 : rho(t)) + rho(t + 1);
    if (!(pair > 0)) break;
    pair = Math.min(pair, previous);
    previous = pair;
    sum += pair;
  }
  const tau = -1 + 2 * sum;
  return (m * n) / Math.max(tau, 1 / Math.log10(Math.max(10, m * n)));
}
