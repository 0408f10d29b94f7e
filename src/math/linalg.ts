/**
 * Small dense linear algebra for the samplers: row-major k × k matrices in Float64Arrays.
 * @internal
 */

/** The lower Cholesky factor L (A = L Lᵀ) of a symmetric k × k matrix, or undefined when A is not positive definite. */
export function choleskyLower(A: ArrayLike<number>, k: number): Float64Array | undefined {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * k + j] as number;
      for (let m = 0; m < j; m++) s -= (L[i * k + m] as number) * (L[j * k + m] as number);
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return undefined;
        L[i * k + i] = Math.sqrt(s);
      } else L[i * k + j] = s / (L[j * k + j] as number);
    }
  }
  return L;
}

/** out = L z for a lower-triangular k × k L (out may not alias z). */
export function lowerTimes(L: Float64Array, z: Float64Array, k: number, out: Float64Array): Float64Array {
  for (let i = 0; i < k; i++) {
    let s = 0;
    for (let j = 0; j <= i; j++) s += (L[i * k + j] as number) * (z[j] as number);
    out[i] = s;
  }
  return out;
}
