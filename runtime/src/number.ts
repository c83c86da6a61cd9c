// Numbers and strings: lua_Number2str (`%.14g`, LUAI_NUMFFORMAT) and luaO_str2d, the two
// conversions behind tostring, print, concatenation and string → number coercion.

import { powPositive } from "./libm/pow.js";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * The NaN an invalid x86 floating-point operation makes (the "default NaN": sign bit set, so
 * glibc prints it `-nan`), for C library results that JS computes as its positive NaN.
 */
export const DEFAULT_NAN: number = (() => {
  const bits = new Float64Array(1);
  new Uint32Array(bits.buffer)[1] = 0xfff80000;
  return bits[0]!;
})();

/**
 * C pow (glibc), which luai_numpow and math.pow call. Finite results are correctly rounded, as
 * glibc's are in practice (libm/pow.ts; V8's `**` is off by an ulp on ~10% of arguments).
 * Zeros, infinities and NaNs follow `**` except where its result is NaN: pow(1, y) and
 * pow(x, ±0) are 1, pow(-1, ±inf) is 1, a NaN operand comes back with its own sign (but a NaN
 * base to an odd power is a positive NaN), and a negative base with a non-integer exponent is
 * the default NaN. The NaN cases follow glibc's pow (its zeroinfnan branches) on x86-64.
 */
export function cPow(x: number, y: number): number {
  if (y - y === 0 && y !== 0) {
    // Finite y ≠ 0 and finite x ≠ 0: |x|^y, negated for a negative x and an odd y.
    if (x > 0 && x < Infinity) return x === 1 ? 1 : powPositive(x, y);
    if (x < 0 && x > -Infinity && Number.isInteger(y)) {
      const r = x === -1 ? 1 : powPositive(-x, y);
      return y % 2 === 0 ? r : -r;
    }
  }
  const r = x ** y;
  if (!Number.isNaN(r)) return r;
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY)) return 1;
  // pow(NaN, y) is x*x (x's own NaN), negated when y is an odd integer: then a positive NaN.
  if (Number.isNaN(x)) return Number.isInteger(y) && y % 2 !== 0 ? Number.NaN : x;
  if (Number.isNaN(y)) return y;
  return DEFAULT_NAN;
}

/** C fmod: JS `%` but for its NaN results (a NaN operand's own, else the default NaN). */
export function cFmod(x: number, y: number): number {
  const r = x % y;
  if (!Number.isNaN(r)) return r;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  return DEFAULT_NAN;
}

/** glibc prints a NaN with its sign bit set as `-nan` (what x86 produces for 0/0). */
function nanToString(n: number): string {
  f64[0] = n;
  return u32[1] >>> 31 ? "-nan" : "nan";
}

/** `%.14g` of `n` with glibc's spellings: inf, -inf, nan, -nan, -0. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && n < 1e14 && n > -1e14) {
    return n === 0 && 1 / n < 0 ? "-0" : String(n);
  }
  if (Number.isNaN(n)) return nanToString(n);
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  // Shortest round-trip digits: when there are at most 14 of them, they are also the digits
  // of the exact value rounded to 14 places.
  const shortest = String(n);
  const fast = shortForm(shortest);
  if (fast !== undefined) return fast;
  return formatG14(n);
}

/** `String(n)` when it is already what %.14g prints (plain notation, ≤ 14 digits, exponent in range). */
function shortForm(s: string): string | undefined {
  if (s.indexOf("e") >= 0) return undefined;
  let digits = 0;
  let leadingZeros = true;
  let intDigits = 0;
  let seenPoint = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 /* . */) {
      seenPoint = true;
      continue;
    }
    if (c < 48 || c > 57) continue; // sign
    if (!seenPoint) intDigits++;
    if (leadingZeros && c === 48) {
      continue;
    }
    leadingZeros = false;
    digits++;
  }
  if (digits > 14) return undefined;
  // %g switches to exponent form below 1e-4: "0.0000" has four zeros after the point.
  const abs = s.charCodeAt(0) === 45 ? s.slice(1) : s;
  if (abs.startsWith("0.0000")) return undefined;
  if (intDigits > 14) return undefined;
  return s;
}

/** The general `%.14g`, exact including round-half-even on exact ties (as glibc does). */
function formatG14(n: number): string {
  const negative = n < 0;
  const abs = negative ? -n : n;
  let mantissaExp = abs.toExponential(13); // d.ddddddddddddde±x, ties rounded up
  const fifteen = abs.toExponential(14);
  if (fifteen.charCodeAt(15) === 53 /* 5 */) {
    // Maybe a tie: the exact value ends with that 5. "d." then digits: the 14th significant
    // digit is at index 14, the 15th at 15.
    const exact = abs.toExponential(60);
    const e = exact.indexOf("e");
    if (/^0*$/.test(exact.slice(16, e)) && (exact.charCodeAt(14) - 48) % 2 === 0) {
      mantissaExp = exact.slice(0, 15) + exact.slice(e); // glibc rounds half to even
    }
  }
  const e = mantissaExp.indexOf("e");
  const exponent = Number(mantissaExp.slice(e + 1));
  const mantissa = mantissaExp.slice(0, e);
  const digits = mantissa.replace(".", "");
  let out: string;
  if (exponent < -4 || exponent >= 14) {
    const frac = digits.slice(1).replace(/0+$/, "");
    const sign = exponent < 0 ? "-" : "+";
    const abs = Math.abs(exponent);
    out = `${digits[0]}${frac ? `.${frac}` : ""}e${sign}${abs < 10 ? `0${abs}` : abs}`;
  } else if (exponent >= 0) {
    const intPart = digits.slice(0, exponent + 1);
    const frac = digits.slice(exponent + 1).replace(/0+$/, "");
    out = frac ? `${intPart}.${frac}` : intPart;
  } else {
    const frac = ("0".repeat(-exponent - 1) + digits).replace(/0+$/, "");
    out = `0.${frac}`;
  }
  return negative ? `-${out}` : out;
}

/** Whitespace as C's isspace: space, \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * luaO_str2d: what glibc's strtod reads (decimal, hexadecimal `0x1.8p3`, `inf`, `infinity`,
 * `nan`, with a sign), with surrounding whitespace allowed and nothing else. Returns undefined
 * when `s` is not a numeral.
 */
export function stringToNumber(s: string): number | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  if (start === end) return undefined;
  const body = start === 0 && end === s.length ? s : s.slice(start, end);
  if (DECIMAL.test(body)) return Number(body);
  return hexOrSpecial(body);
}

const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/;

/** strtod's hexadecimal floats and its `inf`/`infinity`/`nan` spellings. */
function hexOrSpecial(body: string): number | undefined {
  const m = HEX.exec(body);
  if (m !== null) {
    const intDigits = m[2];
    const fracDigits = m[3] ?? "";
    if (intDigits.length + fracDigits.length === 0) return undefined;
    let value = 0;
    for (const c of intDigits) value = value * 16 + Number.parseInt(c, 16);
    let scale = 1 / 16;
    for (const c of fracDigits) {
      value += Number.parseInt(c, 16) * scale;
      scale /= 16;
    }
    if (m[4] !== undefined) value *= 2 ** Number(m[4]);
    return m[1] === "-" ? -value : value;
  }
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(body);
  if (special !== null) {
    const v = special[2].toLowerCase() === "nan" ? Number.NaN : Number.POSITIVE_INFINITY;
    return special[1] === "-" ? -v : v;
  }
  return undefined;
}
