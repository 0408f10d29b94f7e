/**
 * Hessians accurate to about 1e-6 relative, for standard errors. With an analytic gradient,
 * the Jacobian of the gradient by central differences at h = 1e-3 (2n gradient evaluations);
 * without, second differences of values (symmetric four-point mixed differences off the
 * diagonal) at steps h and h/2 combined by Richardson extrapolation, (4 D(h/2) - D(h)) / 3,
 * which cancels the O(h^2) truncation error (4n + 8 n(n-1)/2 + 1 evaluations).
 * @internal
 */
import type { Objective } from './optimize.js';

/** Step for coordinate i in log-parameter space. */
const step = (x: number, h: number): number => h * (1 + Math.abs(x));

/** The Hessian of obj at x (symmetric, n x n row-major). */
export function richardsonHessian(obj: Objective, x: Float64Array): Float64Array {
  return obj.fg ? gradientJacobian(obj.fg, x) : valueHessian(obj.f, x);
}

function gradientJacobian(fg: NonNullable<Objective['fg']>, x: Float64Array): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  const central = (i: number, h: number, out: Float64Array): void => {
    y[i] = (x[i] as number) + h;
    fg(y, gp);
    y[i] = (x[i] as number) - h;
    fg(y, gm);
    y[i] = x[i] as number;
    for (let j = 0; j < n; j++) out[j] = ((gp[j] as number) - (gm[j] as number)) / (2 * h);
  };
  // an analytic gradient is exact to rounding, so one central difference at h = 1e-3 has
  // truncation error ~1e-6 relative and rounding error ~1e-13 / h: no extrapolation needed
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    central(i, step(x[i] as number, 1e-3), d);
    for (let j = 0; j < n; j++) H[i * n + j] = d[j] as number;
  }
  return symmetrize(H, n);
}

function valueHessian(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const f0 = f(x);
  const at = (i: number, hi: number, j: number, hj: number): number => {
    y[i] = (x[i] as number) + hi;
    if (j >= 0) y[j] = (x[j] as number) + hj;
    const v = f(y);
    y[i] = x[i] as number;
    if (j >= 0) y[j] = x[j] as number;
    return v;
  };
  const diag = (i: number, h: number): number => (at(i, h, -1, 0) - 2 * f0 + at(i, -h, -1, 0)) / (h * h);
  const mixed = (i: number, hi: number, j: number, hj: number): number =>
    (at(i, hi, j, hj) - at(i, hi, j, -hj) - at(i, -hi, j, hj) + at(i, -hi, j, -hj)) / (4 * hi * hj);
  const hs = Array.from(x, (v) => step(v, 1e-2));
  for (let i = 0; i < n; i++) {
    const h = hs[i] as number;
    H[i * n + i] = (4 * diag(i, h / 2) - diag(i, h)) / 3;
    for (let j = 0; j < i; j++) {
      const hj = hs[j] as number;
      const v = (4 * mixed(i, h / 2, j, hj / 2) - mixed(i, h, j, hj)) / 3;
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

function symmetrize(H: Float64Array, n: number): Float64Array {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = ((H[i * n + j] as number) + (H[j * n + i] as number)) / 2;
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/**
 * Eigenvalues (ascending) and unit eigenvectors (columns of `vectors`, row-major n x n) of a
 * small symmetric matrix, by cyclic Jacobi rotations.
 */
export function symmetricEigen(A: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(A);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-30 * (1 + frobenius(a))) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (apq === 0) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(a, v, n, p, q, c, s);
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (a[i * n + i] as number) - (a[j * n + j] as number));
  const values = Float64Array.from(order, (i) => a[i * n + i] as number);
  const vectors = new Float64Array(n * n);
  order.forEach((col, k) => {
    for (let r = 0; r < n; r++) vectors[r * n + k] = v[r * n + col] as number;
  });
  return { values, vectors };
}

function frobenius(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) ** 2;
  return s;
}

/** Apply the Jacobi rotation (p, q, c, s) to a (both sides) and accumulate it in v. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p] as number;
    const akq = a[k * n + q] as number;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k] as number;
    const aqk = a[q * n + k] as number;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p] as number;
    const vkq = v[k * n + q] as number;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
