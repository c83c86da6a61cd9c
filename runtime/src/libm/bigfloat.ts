// Arbitrary-precision floating point over BigInt: the accurate phase of Ziv's strategy.
//
// Every function in libm/ first computes its result in double-double arithmetic with a known
// error bound; when that bound does not decide the rounding (about one argument in 2^15 or
// less), it asks this file for the value to ~250 bits, then to ~500. The algorithms are the
// textbook series, chosen for being easy to check rather than fast:
//   exp: x = k·ln2 + r, exp(r/2^8) by Taylor, squared 8 times;
//   log: x = 2^k·f with f in [1/√2, √2], log f = 2·atanh((f-1)/(f+1)) by its series;
//   sin/cos: x - q·π/2 with π to as many bits as x has integer bits, then Taylor;
//   atan: halve the angle three times (t → t/(1+√(1+t²))), then the series.
// A value is m·2^e with m a BigInt holding `precision` significant bits (truncated).

/** A binary floating-point value m·2^e (m = 0 is zero). */
export interface Big {
  readonly m: bigint;
  readonly e: number;
}

let precision = 256;

/** Run `body` with `bits` of working precision. */
export function withPrecision<T>(bits: number, body: () => T): T {
  const saved = precision;
  precision = bits;
  try {
    return body();
  } finally {
    precision = saved;
  }
}

export function bitLength(m: bigint): number {
  if (m < 0n) m = -m;
  return m === 0n ? 0 : m.toString(16).length * 4 - clz4(m);
}

function clz4(m: bigint): number {
  const top = m.toString(16).charCodeAt(0);
  const digit = top <= 57 ? top - 48 : top - 87;
  return digit >= 8 ? 0 : digit >= 4 ? 1 : digit >= 2 ? 2 : 3;
}

/** m·2^e cut to the working precision (truncated toward zero). */
export function big(m: bigint, e: number): Big {
  const extra = bitLength(m) - precision;
  if (extra > 0) return { m: m >> BigInt(extra), e: e + extra };
  return { m, e };
}

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** The exact value of a finite double. */
export function fromNumber(x: number): Big {
  if (x === 0) return { m: 0n, e: 0 };
  scratch[0] = x;
  const hi = words[1]!;
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(words[0]!);
  let e = biased - 1075;
  if (biased === 0) e = -1074;
  else m |= 1n << 52n;
  return { m: hi >>> 31 ? -m : m, e };
}

export const fromInt = (n: number): Big => ({ m: BigInt(n), e: 0 });

/** The exponent of the leading bit: |a| in [2^t, 2^(t+1)). */
export function magnitude(a: Big): number {
  return a.m === 0n ? -Infinity : bitLength(a.m) - 1 + a.e;
}

export function mul(a: Big, b: Big): Big {
  return big(a.m * b.m, a.e + b.e);
}

export function add(a: Big, b: Big): Big {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  // Align to the smaller exponent, but never keep bits far below the precision of the larger.
  const floor = Math.max(Math.min(a.e, b.e), Math.max(magnitude(a), magnitude(b)) - precision - 8);
  const am = a.e >= floor ? a.m << BigInt(a.e - floor) : a.m >> BigInt(floor - a.e);
  const bm = b.e >= floor ? b.m << BigInt(b.e - floor) : b.m >> BigInt(floor - b.e);
  return big(am + bm, floor);
}

export const neg = (a: Big): Big => ({ m: -a.m, e: a.e });
export const sub = (a: Big, b: Big): Big => add(a, neg(b));
export const scale = (a: Big, k: number): Big => ({ m: a.m, e: a.e + k });

export function div(a: Big, b: Big): Big {
  const shift = precision + 2 + bitLength(b.m) - bitLength(a.m);
  const am = shift > 0 ? a.m << BigInt(shift) : a.m;
  return big(am / b.m, a.e - b.e - Math.max(shift, 0));
}

/** √a for a ≥ 0, by Newton's iteration on integers. */
export function sqrt(a: Big): Big {
  if (a.m === 0n) return a;
  let shift = 2 * precision + 4 - bitLength(a.m);
  if ((a.e - shift) % 2 !== 0) shift++;
  const n = a.m << BigInt(shift);
  let r = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const next = (r + n / r) >> 1n;
    if (next >= r) break;
    r = next;
  }
  return big(r, (a.e - shift) / 2);
}

/** The nearest integer (ties away from zero), as a Number. */
export function roundToInt(a: Big): number {
  if (a.e >= 0) return Number(a.m << BigInt(a.e));
  const half = 1n << BigInt(-a.e - 1);
  const m = a.m < 0n ? -a.m : a.m;
  const n = Number((m + half) >> BigInt(-a.e));
  return a.m < 0n ? -n : n;
}

const constants = new Map<string, Big>();

/** A constant computed once at the highest precision asked for so far. */
function cached(name: string, compute: () => Big): Big {
  const have = constants.get(name);
  if (have !== undefined && bitLength(have.m) >= precision) return big(have.m, have.e);
  const value = withPrecision(precision + 32, compute);
  constants.set(name, value);
  return big(value.m, value.e);
}

/** Σ (−1)^j / ((2j+1)·n^(2j+1)) = atan(1/n) (sign > 0: the atanh series, all terms positive). */
function arctanInverse(n: number, alternate: boolean): Big {
  let power = div(fromInt(1), fromInt(n));
  const n2 = fromInt(n * n);
  let sum = power;
  for (let j = 1; ; j++) {
    power = div(power, n2);
    if (power.m === 0n || magnitude(power) < magnitude(sum) - precision - 4) break;
    const term = div(power, fromInt(2 * j + 1));
    sum = alternate && j % 2 === 1 ? sub(sum, term) : add(sum, term);
  }
  return sum;
}

/** ln 2 = 2·atanh(1/3). */
export const ln2 = (): Big => cached("ln2", () => scale(arctanInverse(3, false), 1));
/** π = 16·atan(1/5) − 4·atan(1/239) (Machin). */
export const pi = (): Big =>
  cached("pi", () => sub(scale(arctanInverse(5, true), 4), scale(arctanInverse(239, true), 2)));

/** e^x for |x| < 2^11. */
export function exp(x: Big): Big {
  const k = roundToInt(div(x, ln2()));
  const r = scale(sub(x, mul(fromInt(k), ln2())), -8);
  let term = fromInt(1);
  let sum = term;
  for (let j = 1; ; j++) {
    term = div(mul(term, r), fromInt(j));
    if (term.m === 0n || magnitude(term) < -precision - 4) break;
    sum = add(sum, term);
  }
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  return scale(sum, k);
}

/** log x for x > 0. */
export function log(x: Big): Big {
  let k = magnitude(x);
  let f = scale(x, -k); // in [1, 2)
  if (sub(f, fromNumber(Math.SQRT2)).m > 0n) {
    f = scale(f, -1);
    k++;
  }
  const one = fromInt(1);
  const s = div(sub(f, one), add(f, one));
  const s2 = mul(s, s);
  let power = s;
  let sum = s;
  for (let j = 1; ; j++) {
    power = mul(power, s2);
    if (power.m === 0n || magnitude(power) < magnitude(sum) - precision - 4) break;
    sum = add(sum, div(power, fromInt(2 * j + 1)));
  }
  return add(scale(sum, 1), mul(fromInt(k), ln2()));
}

/** [sin r, cos r] by Taylor series (|r| ≤ 1). */
function sinCosSeries(r: Big): [Big, Big] {
  const r2 = mul(r, r);
  let s = r;
  let term = r;
  for (let j = 1; ; j++) {
    term = neg(div(mul(term, r2), fromInt(2 * j * (2 * j + 1))));
    if (term.m === 0n || magnitude(term) < magnitude(s) - precision - 4) break;
    s = add(s, term);
  }
  let c = fromInt(1);
  term = c;
  for (let j = 1; ; j++) {
    term = neg(div(mul(term, r2), fromInt((2 * j - 1) * (2 * j))));
    if (term.m === 0n || magnitude(term) < -precision - 4) break;
    c = add(c, term);
  }
  return [s, c];
}

/** x − q·π/2 with q the nearest integer to x/(π/2), and q mod 4. */
export function reduceHalfPi(x: Big): [Big, number] {
  const bits = Math.max(0, magnitude(x)) + precision + 80;
  return withPrecision(bits, () => {
    const halfPi = scale(pi(), -1);
    const q = roundBig(div(x, halfPi));
    const r = sub(x, mul({ m: q, e: 0 }, halfPi));
    return [r, Number(((q % 4n) + 4n) % 4n)];
  });
}

function roundBig(a: Big): bigint {
  if (a.e >= 0) return a.m << BigInt(a.e);
  return (a.m + (1n << BigInt(-a.e - 1))) >> BigInt(-a.e);
}

/** [sin x, cos x]. */
export function sinCos(x: Big): [Big, Big] {
  const [r, q] = reduceHalfPi(x);
  const [s, c] = sinCosSeries(r);
  switch (q) {
    case 0:
      return [s, c];
    case 1:
      return [c, neg(s)];
    case 2:
      return [neg(s), neg(c)];
    default:
      return [neg(c), s];
  }
}

/** atan x. */
export function atan(x: Big): Big {
  if (x.m < 0n) return neg(atan(neg(x)));
  if (magnitude(x) >= 1) return sub(scale(pi(), -1), atan(div(fromInt(1), x)));
  // atan t = 2·atan(t / (1 + √(1 + t²))), three times: |t| < 2 becomes |t| < 0.16.
  const one = fromInt(1);
  let t = x;
  for (let i = 0; i < 3; i++) t = div(t, add(one, sqrt(add(one, mul(t, t)))));
  const t2 = mul(t, t);
  let power = t;
  let sum = t;
  for (let j = 1; ; j++) {
    power = neg(mul(power, t2));
    if (power.m === 0n || magnitude(power) < magnitude(sum) - precision - 4) break;
    sum = add(sum, div(power, fromInt(2 * j + 1)));
  }
  return scale(sum, 3);
}

/**
 * The double nearest to `a` (ties to even), subnormals and overflow included, or NaN when the
 * value is within `a`'s relative error bound 2^-(precision-slack) of a rounding boundary.
 */
/** The double nearest to `a` (ties to even). */
export const nearest = (a: Big): number => toNumber(a, -1);

export function toNumber(a: Big, slack = 24): number {
  if (a.m === 0n) return 0;
  const negative = a.m < 0n;
  const m = negative ? -a.m : a.m;
  const length = bitLength(m);
  const top = length - 1 + a.e;
  if (top > 1023) return negative ? -Infinity : Infinity;
  const lsb = Math.max(top - 52, -1074); // exponent of the last kept bit
  const shift = lsb - a.e;
  let result: number;
  if (shift <= 0) {
    result = ldexpExact(Number(m), a.e);
  } else {
    const kept = m >> BigInt(shift);
    const rest = m - (kept << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    // The error of `a` in units of its own last bit, from its relative bound.
    if (slack >= 0) {
      const errorShift = length - (precision - slack);
      const error = errorShift > 0 ? 1n << BigInt(errorShift) : 1n;
      const distance = rest > half ? rest - half : half - rest;
      if (distance <= error) return Number.NaN;
    }
    const up = rest > half || (rest === half && (kept & 1n) === 1n) ? 1n : 0n;
    result = ldexpExact(Number(kept + up), lsb);
  }
  return negative ? -result : result;
}

/** n·2^e for an integer n < 2^54, exactly (or ±Infinity). */
function ldexpExact(n: number, e: number): number {
  if (e > 900) return n * 2 ** 900 * 2 ** (e - 900);
  if (e < -1000) return n * 2 ** -1000 * 2 ** (e + 1000);
  return n * 2 ** e;
}

/** Ziv's loop: evaluate at 256, then 512, then 1024 bits until the rounding is decided. */
export function correctlyRounded(evaluate: () => Big): number {
  for (const bits of [256, 512, 1024]) {
    const value = withPrecision(bits, evaluate);
    const rounded = withPrecision(bits, () => toNumber(value));
    if (!Number.isNaN(rounded)) return rounded;
  }
  return withPrecision(1024, () => nearest(evaluate()));
}
