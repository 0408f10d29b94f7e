/**
 * Special functions in double precision: log-gamma, digamma, trigamma, log-beta and
 * log-space helpers.
 * @internal
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/**
 * log |Γ(x)| for x > 0 (and by reflection for non-integer x < 0). Stirling's series for
 * x >= 15 (truncation error < 3e-16), Lanczos (g = 7) below.
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    if (x === Math.floor(x)) return Number.POSITIVE_INFINITY;
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 15) {
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series =
      inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188)))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + LANCZOS_G + 0.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The correction term of Stirling's series, log Γ(x) - ((x - 1/2) log x - x + log √(2π)), x >= 15. */
function stirlingCorrection(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188)))));
}

/**
 * log Γ(x + d) - log Γ(x) for x > 0, x + d > 0, without the cancellation of the plain
 * difference when x is large (at x = 1e12 each log Γ is 2.6e13, so the plain difference keeps
 * no digit of a small result): for x >= 15 and x + d >= 15 Stirling's form
 * (x - 1/2) log1p(d/x) + d log(x + d) - d + [correction(x + d) - correction(x)], exact to
 * rounding; else the plain difference, whose terms are then moderate.
 */
export function logGammaRatio(x: number, d: number): number {
  if (d === 0) return 0;
  const y = x + d;
  if (x < 15 || y < 15) return logGamma(y) - logGamma(x);
  return (x - 0.5) * Math.log1p(d / x) + d * Math.log(y) - d + (stirlingCorrection(y) - stirlingCorrection(x));
}

/**
 * logGammaRatio(u, d) - logGammaRatio(v, d) = log[Γ(u+d) Γ(v) / (Γ(u) Γ(v+d))], without the
 * cancellation of the plain difference when d is large and u or v small (at d = 1e17 each
 * ratio is 3.8e18, so the plain difference keeps no digit): for u + d, v + d >= 15 and
 * d >= |u - v|,
 * log Γ(u+d) - log Γ(v+d) = δ log(v+d) + (u+d-1/2) log1p(δ/(v+d)) - δ + [correction
 * difference], δ = u - v, then minus log Γ(u) - log Γ(v) (by the same form when both are >= 15).
 */
export function logGammaRatioDiff(u: number, v: number, d: number): number {
  if (d === 0 || u === v) return 0;
  const zu = u + d;
  const zv = v + d;
  const delta = u - v;
  // the plain difference loses about d·log(z) · ε, this form about |δ|·log(z) · ε: take the smaller
  if (zu < 15 || zv < 15 || d < Math.abs(delta)) return logGammaRatio(u, d) - logGammaRatio(v, d);
  const shifted = delta * Math.log(zv) + (zu - 0.5) * Math.log1p(delta / zv) - delta + (stirlingCorrection(zu) - stirlingCorrection(zv));
  const base = u >= 15 && v >= 15 ? delta * Math.log(v) + (u - 0.5) * Math.log1p(delta / v) - delta + (stirlingCorrection(u) - stirlingCorrection(v)) : logGamma(u) - logGamma(v);
  return shifted - base;
}

/**
 * log B(a + da, b + db) - log B(a, b), without cancellation for large a, b (see
 * {@link logGammaRatio}) or a large shift db of small b, a + b ({@link logGammaRatioDiff}):
 * log Γ(a+da)/Γ(a) + [log Γ(b+db)/Γ(b) - log Γ(a+b+db)/Γ(a+b)] - log Γ(a+b+db+da)/Γ(a+b+db).
 */
export function logBetaRatio(a: number, b: number, da: number, db: number): number {
  return logGammaRatio(a, da) + logGammaRatioDiff(b, a + b, db) - logGammaRatio(a + b + db, da);
}

/** ψ(x) = d/dx log Γ(x), for x > 0: recurrence up to x >= 16, then the asymptotic series. */
export function digamma(x: number): number {
  let r = 0;
  while (x < 16) {
    r -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    r + Math.log(x) - 0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132)))))
  );
}

/** log(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(exp(a) - exp(b)) for a >= b. */
export function logSubExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a + Math.log1p(-Math.exp(b - a));
}

/** log of the binomial coefficient C(n, k). */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * Upper incomplete gamma Γ(a, z) for real a and z > 0, in log space: continued fraction
 * (modified Lentz) for z > a + 1 or a <= 0 with z >= 1, and for any a < -1 (where
 * z + 1 - a > 2 makes it converge fast; lifting such an a by the recurrence would take -a
 * steps), the series of γ(a, z) for a > 0, and one or two steps of the recurrence
 * Γ(a, z) = (Γ(a + 1, z) - z^a e^-z) / a for -1 <= a <= 0 with small z.
 */
export function logUpperGamma(a: number, z: number): number {
  if (!(z > 0)) return a > 0 ? logGamma(a) : Number.POSITIVE_INFINITY;
  if ((z >= 1 && (z > a + 1 || a <= 0)) || a < -1) {
    // Γ(a, z) = e^-z z^a / (z + 1 - a - 1(1 - a)/(z + 3 - a - ...))
    const tiny = 1e-300;
    let b = z + 1 - a;
    let c = 1 / tiny;
    let d = 1 / b;
    let h = d;
    for (let i = 1; i < 10000; i++) {
      const an = -i * (i - a);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < tiny) d = tiny;
      c = b + an / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      const delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    return -z + a * Math.log(z) + Math.log(h);
  }
  // Γ(a, z) = Γ(a) - γ(a, z), γ by its series
  if (a > 0) return logSubExp(logGamma(a), logLowerGammaSeries(a, z));
  // a <= 0 and z < 1: Γ(a, z) = (Γ(a + 1, z) - z^a e^-z) / a, and both terms are positive when a < 0
  if (a === 0) return Math.log(expint1(z));
  const upper = logUpperGamma(a + 1, z);
  const lead = a * Math.log(z) - z;
  // (z^a e^-z - Γ(a+1, z)) / (-a), and z^a e^-z > Γ(a+1, z) here
  return logSubExp(lead, upper) - Math.log(-a);
}

/**
 * ln Q(a, z) = ln(Γ(a, z) / Γ(a)), the regularized upper incomplete gamma, for a > 0 and
 * z >= 0, given ln Γ(a) (callers drawing many z at one a compute it once): the continued
 * fraction for z > a + 1, else 1 - P(a, z) with P by its series, in log space.
 */
export function logRegularizedUpperGamma(a: number, z: number, logGammaA: number): number {
  if (!(z > 0)) return 0;
  if (z > a + 1 && z >= 1) return Math.min(0, logUpperGamma(a, z) - logGammaA);
  const logP = logLowerGammaSeries(a, z) - logGammaA;
  return logP < -0.6931471805599453 ? Math.log1p(-Math.exp(logP)) : Math.log(-Math.expm1(logP));
}

/** ln γ(a, z) = -z + a ln z + ln Σ_n z^n / (a (a+1) ... (a+n)), a > 0: the series, fast for z <= a + 1. */
function logLowerGammaSeries(a: number, z: number): number {
  let sum = 1 / a;
  let term = sum;
  for (let n = 1; n < 10000; n++) {
    term *= z / (a + n);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return -z + a * Math.log(z) + Math.log(sum);
}

const EULER_GAMMA = 0.57721566490153286061;

/** E1(z) = Γ(0, z) for 0 < z < 1, by its convergent series. */
function expint1(z: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 1; k < 200; k++) {
    term *= -z / k;
    const t = term / k;
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
  }
  return -EULER_GAMMA - Math.log(z) - sum;
}

/**
 * The regularized incomplete beta I_x(a, b) = B(x; a, b) / B(a, b) for a, b > 0, 0 <= x <= 1:
 * the continued fraction of DLMF 8.17.22 by the modified Lentz method, on the side where it
 * converges fast (x < (a+1)/(a+b+2), else 1 - I_{1-x}(b, a)), with the prefactor
 * x^a (1-x)^b / (a B(a, b)) in log space. Iterations grow like sqrt(max(a, b)); capped at 1e7.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - regularizedBeta(1 - x, b, a);
  // ln B(a, b) through the ratio of the larger argument (no cancellation of two huge log Γ)
  const lnB = a < b ? logGamma(a) - logGammaRatio(b, a) : logGamma(b) - logGammaRatio(a, b);
  const lnFront = a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - lnB;
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  const lentz = (num: number): number => {
    d = 1 + num * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + num / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    return d * c;
  };
  for (let m = 1; m <= 10_000_000; m++) {
    // d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)), d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
    f *= lentz((m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)));
    const delta = lentz((-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)));
    f *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(lnFront) * f;
}
