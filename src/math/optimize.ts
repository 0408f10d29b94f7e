/**
 * Unconstrained minimization for maximum likelihood in log-parameter space: a Nelder-Mead
 * simplex to get into the basin, then BFGS with a backtracking (Armijo) line search and
 * analytic or central-difference gradients; finite-difference Hessians for standard errors.
 * @internal
 */
import { choleskyLower } from './linalg.js';

export interface Objective {
  /** The function value; non-finite values are treated as +Infinity (outside the domain). */
  f(x: Float64Array): number;
  /** Optional analytic gradient: fill `g`, return f(x). */
  fg?: ((x: Float64Array, g: Float64Array) => number) | undefined;
}

export interface MinimizeOptions {
  maxIterations?: number;
  /** A cheaper approximation of f (e.g. on a subsample) for the simplex stage. */
  simplexObjective?: ((x: Float64Array) => number) | undefined;
  simplexIterations?: number;
  /** Converged when max |gradient| <= gtol * max(1, |f|). */
  gtol?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  gradientNorm: number;
  message: string;
}

const safe = (v: number): number => (Number.isFinite(v) ? v : Number.POSITIVE_INFINITY);

/**
 * Central-difference gradient, (f(x + h) - f(x - h)) / 2h with h = 1e-5 (1 + |x|) in
 * log-parameter space: truncation O(h^2) and rounding O(eps |f| / h), about 1e-10 relative
 * to |f|, enough to locate even flat optima to 1e-6.
 */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, g: Float64Array, known?: number): number {
  const fx = known ?? f(x);
  const y = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const h = 1e-5 * (1 + Math.abs(xi));
    y[i] = xi + h;
    const f1 = f(y);
    y[i] = xi - h;
    const fm1 = f(y);
    y[i] = xi;
    g[i] = (f1 - fm1) / (2 * h);
  }
  return fx;
}

/** Nelder-Mead on f from x0 with an initial step of `step` per coordinate. */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  iterations: number,
  step = 0.5,
): { x: Float64Array; f: number; evaluations: number } {
  const n = x0.length;
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = (p[i] as number) + step;
    pts.push(p);
  }
  const vals = pts.map((p) => safe(f(p)));
  let evals = n + 1;
  const centroid = new Float64Array(n);
  const trial = (c: Float64Array, worst: Float64Array, t: number): Float64Array => {
    const out = new Float64Array(n);
    for (let j = 0; j < n; j++) out[j] = (c[j] as number) + t * ((worst[j] as number) - (c[j] as number));
    return out;
  };
  for (let it = 0; it < iterations; it++) {
    const order = vals.map((v, i) => i).sort((a, b) => (vals[a] as number) - (vals[b] as number));
    const sortedP = order.map((i) => pts[i] as Float64Array);
    const sortedV = order.map((i) => vals[i] as number);
    for (let i = 0; i <= n; i++) {
      pts[i] = sortedP[i] as Float64Array;
      vals[i] = sortedV[i] as number;
    }
    const spread = Math.abs((vals[n] as number) - (vals[0] as number));
    if (spread <= 1e-10 * (1 + Math.abs(vals[0] as number))) break;
    centroid.fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (pts[i] as Float64Array)[j]! / n;
    const worst = pts[n] as Float64Array;
    const xr = trial(centroid, worst, -1);
    const fr = safe(f(xr));
    evals++;
    if (fr < (vals[0] as number)) {
      const xe = trial(centroid, worst, -2);
      const fe = safe(f(xe));
      evals++;
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < (vals[n - 1] as number)) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const outside = fr < (vals[n] as number);
      const xc = trial(centroid, worst, outside ? -0.5 : 0.5);
      const fc = safe(f(xc));
      evals++;
      if (fc < (outside ? fr : (vals[n] as number))) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        // shrink towards the best point
        for (let i = 1; i <= n; i++) {
          const p = pts[i] as Float64Array;
          for (let j = 0; j < n; j++) p[j] = (pts[0] as Float64Array)[j]! + 0.5 * ((p[j] as number) - (pts[0] as Float64Array)[j]!);
          vals[i] = safe(f(p));
          evals++;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if ((vals[i] as number) < (vals[best] as number)) best = i;
  return { x: pts[best] as Float64Array, f: vals[best] as number, evaluations: evals };
}

/** Minimize: simplex start, BFGS finish. */
export function minimize(obj: Objective, x0: Float64Array, options: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIter = options.maxIterations ?? 500;
  const gtol = options.gtol ?? 1e-11;
  let evals = 0;
  const f = (x: Float64Array): number => {
    evals++;
    return safe(obj.f(x));
  };
  const fg = (x: Float64Array, g: Float64Array): number => {
    if (obj.fg) {
      evals++;
      const v = obj.fg(x, g);
      for (let i = 0; i < n; i++) if (!Number.isFinite(g[i] as number)) return Number.POSITIVE_INFINITY;
      return safe(v);
    }
    return numericGradient(f, x, g);
  };

  const coarse = options.simplexObjective;
  const start = nelderMead(coarse ? (x) => safe(coarse(x)) : f, x0, options.simplexIterations ?? 15 * n);
  let x = Float64Array.from(start.x);
  let g = new Float64Array(n);
  let fx = fg(x, g);
  if (!Number.isFinite(fx)) {
    return { x, f: fx, iterations: 0, evaluations: evals, converged: false, gradientNorm: Number.NaN, message: 'objective not finite at the start' };
  }
  // inverse Hessian approximation, start scaled identity
  const H = new Float64Array(n * n);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = scale;
  };
  resetH(1 / Math.max(1, maxAbs(g)));
  if (coarse || !obj.fg) {
    // the curvature at the simplex optimum (of the subsample when there is one) is a good first
    // inverse Hessian; with numeric gradients it costs fewer evaluations than BFGS needs to learn it
    const Hc = hessianFromValues(coarse ? (y) => safe(coarse(y)) : f, x);
    const inv = invertSpd(Hc, n);
    if (inv && inv.every(Number.isFinite)) H.set(inv);
  }
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let iterations = 0;
  let stall = 0;
  let message = 'maximum iterations reached';
  let converged = false;
  for (; iterations < maxIter; iterations++) {
    const gnorm = maxAbs(g);
    if (gnorm <= gtol * Math.max(1, Math.abs(fx))) {
      converged = true;
      message = 'gradient below tolerance';
      break;
    }
    // d = -H g
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v -= (H[i * n + j] as number) * (g[j] as number);
      d[i] = v;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (d[i] as number) * (g[i] as number);
    // the quasi-Newton step predicts a decrease of -slope / 2: once that is below 1e-14 |f|
    // (well above rounding, and a parameter error of order 1e-6), we are at the optimum
    if (slope < 0 && -slope / 2 <= 1e-14 * Math.max(1, Math.abs(fx)) && iterations > 0) {
      converged = true;
      message = 'predicted decrease below tolerance';
      break;
    }
    if (!(slope < 0)) {
      // not a descent direction: restart with steepest descent
      resetH(1 / Math.max(1, gnorm));
      for (let i = 0; i < n; i++) d[i] = -(H[i * n + i] as number) * (g[i] as number);
      slope = 0;
      for (let i = 0; i < n; i++) slope += (d[i] as number) * (g[i] as number);
    }
    const fNew = lineSearch(obj, f, fg, x, fx, d, slope, xNew, gNew);
    if (Number.isNaN(fNew)) {
      // no decrease along d: at the optimum to machine precision, or a bad direction
      const tiny = gnorm <= 1e-5 * Math.max(1, Math.abs(fx));
      converged = tiny;
      message = tiny ? 'no further decrease possible (at the optimum to rounding)' : 'line search failed';
      break;
    }
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
      sy += (s[i] as number) * (y[i] as number);
    }
    const decrease = fx - fNew;
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    if (sy > 1e-12) bfgsUpdate(H, s, y, sy, n);
    if (decrease <= 1e-15 * Math.max(1, Math.abs(fx))) {
      if (++stall >= 3) {
        const tiny = maxAbs(g) <= 1e-5 * Math.max(1, Math.abs(fx));
        converged = tiny;
        message = tiny ? 'function change below rounding' : 'stalled away from a stationary point';
        break;
      }
    } else stall = 0;
  }
  return { x, f: fx, iterations, evaluations: evals, converged, gradientNorm: maxAbs(g), message };
}

/**
 * Backtracking line search along d from x (Armijo condition, quadratic interpolation of the
 * step within [0.1 t, 0.5 t], steps in log space at most 5): the accepted point in xNew with
 * its gradient in gNew and its value returned; NaN when no step decreases f.
 */
function lineSearch(
  obj: Objective,
  f: (x: Float64Array) => number,
  fg: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  fx: number,
  d: Float64Array,
  slope: number,
  xNew: Float64Array,
  gNew: Float64Array,
): number {
  const n = x.length;
  const dmax = maxAbs(d);
  let t = dmax > 5 ? 5 / dmax : 1;
  for (let ls = 0; ls < 60; ls++) {
    for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + t * (d[i] as number);
    // with an analytic gradient evaluate both at once; otherwise the (costly) numeric
    // gradient only at the accepted point
    const fNew = obj.fg ? fg(xNew, gNew) : f(xNew);
    if (fNew <= fx + 1e-4 * t * slope) {
      if (!obj.fg) numericGradient(f, xNew, gNew, fNew);
      return fNew;
    }
    const tq = Number.isFinite(fNew) ? (-slope * t * t) / (2 * (fNew - fx - slope * t)) : 0.1 * t;
    t = Math.min(0.5 * t, Math.max(0.1 * t, tq));
  }
  return Number.NaN;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] as number));
  return m;
}

/** H <- (I - rho s y') H (I - rho y s') + rho s s'. */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  let yHy = 0;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += (H[i * n + j] as number) * (y[j] as number);
    Hy[i] = v;
    yHy += (y[i] as number) * v;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] =
        (H[i * n + j] as number) -
        rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
        (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number);
    }
  }
}

/**
 * Hessian by second differences of f (for objectives without an analytic gradient):
 * central differences on the diagonal, one-sided mixed differences off it, h = 1e-3 (1 + |x|)
 * in log space; 2n + n(n-1)/2 evaluations, relative accuracy about 1e-3 off the diagonal.
 */
function hessianFromValues(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const f0 = f(x);
  const h = Array.from(x, (v) => 1e-3 * (1 + Math.abs(v)));
  const plus = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    y[i] = (x[i] as number) + hi;
    plus[i] = f(y);
    y[i] = (x[i] as number) - hi;
    const minus = f(y);
    y[i] = x[i] as number;
    H[i * n + i] = ((plus[i] as number) - 2 * f0 + minus) / (hi * hi);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      y[i] = (x[i] as number) + (h[i] as number);
      y[j] = (x[j] as number) + (h[j] as number);
      const fij = f(y);
      y[i] = x[i] as number;
      y[j] = x[j] as number;
      const v = (fij - (plus[i] as number) - (plus[j] as number) + f0) / ((h[i] as number) * (h[j] as number));
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/** Inverse of a small symmetric positive-definite matrix (Cholesky); undefined if not PD. */
export function invertSpd(A: Float64Array, n: number): Float64Array | undefined {
  const L = choleskyLower(A, n);
  if (!L) return undefined;
  // inverse of L, then L^-T L^-1
  const Li = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    Li[i * n + i] = 1 / (L[i * n + i] as number);
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (L[i * n + k] as number) * (Li[k * n + j] as number);
      Li[i * n + j] = sum / (L[i * n + i] as number);
    }
  }
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = Math.max(i, j); k < n; k++) sum += (Li[k * n + i] as number) * (Li[k * n + j] as number);
      inv[i * n + j] = sum;
    }
  }
  return inv;
}
