import { describe, expect, it } from 'vitest';
import { hyp2f1, logHyp2f1 } from '../../src/math/hyp2f1.js';
import { digamma, logGamma, logUpperGamma } from '../../src/math/special.js';

// [a, b, c, z, value]: computed with mpmath 1.3 at 40 digits (scripts/reference/hyp2f1.py).
const MPMATH: Array<[number, number, number, number, string]> = [
  [0.243, 2.426, 2.219, 0.8983277283825494, '1.937370302592653590335182'],
  [2.243, 4.426, 4.219, 0.4740258161752194, '4.575315897643689311571786'],
  [50.243, 52.426, 52.219, 0.4740258161752194, '119045135592487.48552028'],
  [200.243, 202.426, 201.219, 0.9, '2.803546353523032008254203e+201'],
  [1000.5, 1002.0, 1001.2, 0.95, '5.261429942624823419411141e+1302'],
  [1, 3.806, 4.474, 0.9090909090909091, '5.922596407612762282012371'],
  [1, 1.182, 1.886, 0.9900990099009901, '9.418759576248779397630721'],
  [1, 3.806, 4.474, 0.9990009990009991, '53.00247067680441331239929'],
  [0.5, 0.5, 1.5, 0.25, '1.047197551196597746154214'],
  [1.5, 2.5, 3.7, 0.999, '66.55259812351530880329423'],
  [3.2, -1.7, 2.4, 0.6, '0.02625640984110466904835789'],
  [0.1, 0.2, 0.3, 0.5, '1.046432811217352081148524'],
  [10.0, 20.0, 5.5, 0.3, '64327.56394330928166441206'],
  [4.159, 1.606, 5.159, 0.2, '1.330104423593449739685895'],
  [25.0, 0.5, 30.0, 0.99, '2.534056575177529321881895'],
  [2.0, 3.0, 4.0, 0.0, '1.0'],
];

/** log10 of a decimal string, exact enough for values beyond the double range. */
function logOf(decimal: string): number {
  const [mant, exp] = decimal.split('e');
  return Math.log(Number(mant)) + Number(exp ?? 0) * Math.LN10;
}

describe('Gauss hypergeometric 2F1', () => {
  it.each(MPMATH)('2F1(%f, %f; %f; %f) matches mpmath to 1e-13 relative', (a, b, c, z, value) => {
    const r = logHyp2f1(a, b, c, z);
    expect(r.sign).toBe(1);
    // relative error of the value = absolute error of its log
    expect(Math.abs(r.log - logOf(value))).toBeLessThan(1e-12 * Math.max(1, Math.abs(logOf(value)) / 100));
  });

  it('matches closed forms', () => {
    for (const z of [0.01, 0.3, 0.7, 0.95, 0.999]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
      expect(hyp2f1(0.7, 2.5, 2.5, z) / (1 - z) ** -0.7).toBeCloseTo(1, 12);
      const x = Math.sqrt(z);
      expect(hyp2f1(0.5, 0.5, 1.5, z)).toBeCloseTo(Math.asin(x) / x, 12);
      expect(hyp2f1(0.5, 1, 1.5, z)).toBeCloseTo(Math.atanh(x) / x, 10);
    }
    // polynomial case: 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1))
    expect(hyp2f1(-2, 3, 5, 0.4)).toBeCloseTo(1 - (2 * 3 * 0.4) / 5 + (3 * 4 * 0.16) / 30, 14);
  });

  it('approaches Gauss\'s value at z = 1 when c - a - b > 0', () => {
    const [a, b, c] = [0.3, 0.8, 2.5];
    const gauss = Math.exp(logGamma(c) + logGamma(c - a - b) - logGamma(c - a) - logGamma(c - b));
    expect(hyp2f1(a, b, c, 1 - 1e-9)).toBeCloseTo(gauss, 6);
  });
});

describe('special functions', () => {
  it('log-gamma matches factorials and Γ(1/2)', () => {
    let f = 0;
    for (let n = 1; n < 170; n++) {
      expect(logGamma(n + 1)).toBeCloseTo((f += Math.log(n)), 9);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - 0.5772156649015329e-8, 10);
  });

  it('digamma matches its defining derivative and known values', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    // ψ(1/2) = -γ - 2 ln 2
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 14);
    for (const x of [0.05, 0.7, 3.3, 25, 400]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 5);
    }
  });

  it('upper incomplete gamma matches E1 and Γ(a) limits', () => {
    // E1(1) = 0.219383934395520273677... (A&S table 5.1)
    expect(Math.exp(logUpperGamma(0, 1))).toBeCloseTo(0.21938393439552027, 14);
    expect(Math.exp(logUpperGamma(0, 0.1))).toBeCloseTo(1.8229239584193906, 12);
    // Γ(1, z) = e^-z; Γ(1/2, z) = sqrt(pi) erfc(sqrt z): erfc(1) = 0.157299207050285
    expect(Math.exp(logUpperGamma(1, 0.3))).toBeCloseTo(Math.exp(-0.3), 14);
    expect(Math.exp(logUpperGamma(0.5, 1))).toBeCloseTo(Math.sqrt(Math.PI) * 0.15729920705028513, 13);
    // recurrence Γ(a+1, z) = a Γ(a, z) + z^a e^-z across a <= 0
    for (const [a, z] of [[-0.4, 0.13], [-0.4, 3], [-1.6, 0.5], [0.394, 0.13]] as const) {
      const lhs = Math.exp(logUpperGamma(a + 1, z));
      const rhs = a * Math.exp(logUpperGamma(a, z)) + z ** a * Math.exp(-z);
      expect(lhs / rhs).toBeCloseTo(1, 12);
    }
  });
});
