// C printf number conversions as glibc on x86-64 performs them, for string.format (lstrlib.c
// str_format hands each item to sprintf): %d %i %o %u %x %X %e %E %f %g %G with the flags
// "-+ #0", a width and a precision.
//
// Float digits are exact: the decimal expansion of the double, rounded half-to-even at the
// last digit (glibc rounds the exact binary value in the current rounding mode). JS
// toFixed/toExponential are also exact except on exact ties, where they round half up, so
// they serve whenever a tie is impossible; ties and large values take a BigInt path.

/** A parsed conversion specification. `precision` is -1 when absent. */
export interface FormatSpec {
  left: boolean; // '-'
  plus: boolean; // '+'
  space: boolean; // ' '
  alt: boolean; // '#'
  zero: boolean; // '0'
  width: number;
  precision: number;
}

const TWO_63 = 2 ** 63;
const INT64_MIN_DIGITS = "9223372036854775808";

/** Pad `body` (with its `sign` or prefix kept in front of any zeros) to the spec's width. */
export function pad(sign: string, body: string, spec: FormatSpec, zeroAllowed: boolean): string {
  const fill = spec.width - sign.length - body.length;
  if (fill <= 0) return sign + body;
  if (spec.left) return sign + body + " ".repeat(fill);
  if (spec.zero && zeroAllowed) return sign + "0".repeat(fill) + body;
  return " ".repeat(fill) + sign + body;
}

/**
 * `(long)x` as x86-64 computes it (cvttsd2si): truncation, and 2^63's bit pattern (INT64_MIN)
 * for NaN and out-of-range values. Returns the magnitude's decimal digits and the sign.
 */
function signedDigits(x: number): [negative: boolean, digits: string] {
  if (!(x >= -TWO_63 && x < TWO_63)) return [true, INT64_MIN_DIGITS];
  const n = Math.trunc(x);
  const magnitude = Math.abs(n);
  return [
    n < 0,
    magnitude <= Number.MAX_SAFE_INTEGER ? String(magnitude) : BigInt(magnitude).toString(),
  ];
}

/**
 * `(unsigned long)x` as gcc compiles it on x86-64: values below 2^63 convert as signed
 * (negatives wrap), larger ones as (x - 2^63) with the top bit flipped.
 */
function unsignedValue(x: number): bigint {
  if (x >= TWO_63) {
    const rest = x - TWO_63;
    return rest >= TWO_63 ? 0n : BigInt(Math.trunc(rest)) + (1n << 63n);
  }
  if (!(x >= -TWO_63)) return 1n << 63n; // NaN and values below INT64_MIN
  return BigInt.asUintN(64, BigInt(Math.trunc(x)));
}

/** %d %i (signed) and %o %u %x %X (unsigned) of a Lua number. */
export function formatInteger(x: number, conversion: string, spec: FormatSpec): string {
  let sign = "";
  let digits: string;
  let prefix = "";
  if (conversion === "d" || conversion === "i") {
    const [negative, magnitude] = signedDigits(x);
    digits = magnitude;
    sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  } else {
    const value = unsignedValue(x);
    const radix = conversion === "o" ? 8 : conversion === "u" ? 10 : 16;
    digits = value.toString(radix);
    if (conversion === "X") digits = digits.toUpperCase();
    if (spec.alt && value !== 0n && radix === 16) prefix = conversion === "X" ? "0X" : "0x";
  }
  if (spec.precision >= 0) {
    // An explicit precision is a minimum digit count; zero with precision 0 prints nothing.
    if (spec.precision === 0 && digits === "0") digits = "";
    if (digits.length < spec.precision)
      digits = "0".repeat(spec.precision - digits.length) + digits;
  }
  if (spec.alt && conversion === "o" && digits[0] !== "0") digits = `0${digits}`;
  return pad(sign + prefix, digits, spec, spec.precision < 0);
}

// ---- exact decimal digits ----

const bits = new DataView(new ArrayBuffer(8));

/** round-half-even(x * 10^k) for a finite x > 0, exactly, as a BigInt. */
function scaledRound(x: number, k: number): bigint {
  const [q, up] = scaled(x, k);
  return up ? q + 1n : q;
}

/** floor(x * 10^k) for a finite x > 0, exactly, and whether half-even rounding goes up. */
function scaled(x: number, k: number): [bigint, boolean] {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(bits.getUint32(4));
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  // x = mantissa * 2^exponent; x * 10^k = num / den.
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const twice = (num - q * den) * 2n;
  return [q, twice > den || (twice === den && (q & 1n) === 1n)];
}

/**
 * The exact decimal expansion of a finite x >= 0 as [digits, number of integer digits], when
 * cheap: x < 1e21 with at most 100 fractional bits, where toFixed(bits) is exact.
 */
function shortExpansion(x: number): [string, number] | undefined {
  if (Number.isInteger(x) && x <= Number.MAX_SAFE_INTEGER) {
    const text = String(x);
    return [text, text.length];
  }
  if (x >= 1e21) return undefined;
  let bits = 0;
  while (!Number.isInteger(x * 2 ** bits)) if (++bits > 100) return undefined;
  const text = x.toFixed(bits);
  const point = text.indexOf(".");
  return point < 0 ? [text, text.length] : [text.slice(0, point) + text.slice(point + 1), point];
}

/**
 * Round the digit string `digits` to its first `keep` digits, half to even (the digits after
 * are exact). Returns the kept digits, one longer when the rounding carried out ("99" → "100").
 */
function roundDigits(digits: string, keep: number): string {
  if (digits.length <= keep) return digits + "0".repeat(keep - digits.length);
  let kept = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  let up = next > 5;
  if (next === 5) {
    let rest = false;
    for (let i = keep + 1; i < digits.length; i++) {
      if (digits.charCodeAt(i) !== 48) {
        rest = true;
        break;
      }
    }
    up = rest || (keep > 0 && (digits.charCodeAt(keep - 1) - 48) % 2 === 1);
  }
  if (!up) return kept;
  let i = keep - 1;
  while (i >= 0 && kept[i] === "9") i--;
  kept =
    i < 0
      ? `1${"0".repeat(keep)}`
      : kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + "0".repeat(keep - 1 - i);
  return kept;
}

/** The digits of x >= 0 with `precision` decimals ("123.4500"), as C's %.Nf. */
export function fixedDigits(x: number, precision: number): string {
  if (Number.isInteger(x) && x <= Number.MAX_SAFE_INTEGER) {
    return precision > 0 ? `${x}.${"0".repeat(precision)}` : String(x);
  }
  // A tie at this precision needs x to have at most precision+1 fractional bits.
  if (precision <= 100 && x < 1e21 && !Number.isInteger(x * 2 ** (precision + 1))) {
    return x.toFixed(precision);
  }
  let digits: string;
  const expansion = shortExpansion(x);
  if (expansion !== undefined) {
    const [all, integerDigits] = expansion;
    digits = roundDigits(all, integerDigits + precision);
  } else {
    digits = scaledRound(x, precision).toString();
  }
  if (precision === 0) return digits;
  if (digits.length <= precision) digits = "0".repeat(precision + 1 - digits.length) + digits;
  const point = digits.length - precision;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * x > 0 rounded to precision+1 significant digits: [digits without the point, decimal
 * exponent], as C's %.Ne.
 */
export function exponentDigits(x: number, precision: number): [string, number] {
  let exponent = Math.floor(Math.log10(x));
  // A tie needs x * 2^(precision - exponent + 1) to be an integer (one spare bit for the
  // estimate of the exponent being one too high).
  const k = precision - exponent + 2;
  const maybeTie = k <= 0 ? Number.isInteger(x) : Number.isInteger(x * 2 ** k);
  if (!maybeTie && precision <= 100) {
    const text = x.toExponential(precision);
    const e = text.indexOf("e");
    const mantissa = precision > 0 ? text[0] + text.slice(2, e) : text.slice(0, e);
    return [mantissa, Number(text.slice(e + 1))];
  }
  const expansion = shortExpansion(x);
  if (expansion !== undefined) {
    const [all, integerDigits] = expansion;
    let first = 0;
    while (all.charCodeAt(first) === 48) first++;
    const rounded = roundDigits(all.slice(first), precision + 1);
    exponent = integerDigits - first - 1;
    return rounded.length > precision + 1
      ? [rounded.slice(0, precision + 1), exponent + 1]
      : [rounded, exponent];
  }
  const low = 10n ** BigInt(precision);
  const high = low * 10n;
  // The exponent is right when the exact (truncated) digits have precision + 1 of them; the
  // rounding may then carry into one more (9.99…e23 → 1.00…e24).
  for (;;) {
    const [q, up] = scaled(x, precision - exponent);
    if (q >= high) exponent++;
    else if (q < low) exponent--;
    else {
      const rounded = up ? q + 1n : q;
      return rounded === high
        ? [rounded.toString().slice(0, precision + 1), exponent + 1]
        : [rounded.toString(), exponent];
    }
  }
}

/** "e+05"-style exponent: sign and at least two digits. */
function exponentSuffix(letter: string, exponent: number): string {
  const magnitude = Math.abs(exponent);
  return `${letter}${exponent < 0 ? "-" : "+"}${magnitude < 10 ? "0" : ""}${magnitude}`;
}

/** Assemble %e from exponentDigits' result. */
function exponentForm(digits: string, exponent: number, letter: string, alt: boolean): string {
  const point = digits.length > 1 || alt ? "." : "";
  return digits[0] + point + digits.slice(1) + exponentSuffix(letter, exponent);
}

/** Remove trailing zeros of the fraction (and a bare point), as %g does without '#'. */
function trimFraction(text: string): string {
  if (text.indexOf(".") < 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}

/**
 * %e %E %f %g %G of a number. `special` spells inf/nan exactly as tostring does (so that
 * "-nan" follows the runtime's rule); the sign flags and width still apply.
 */
export function formatFloat(
  x: number,
  conversion: string,
  spec: FormatSpec,
  special: (x: number) => string,
): string {
  const upper = conversion === "E" || conversion === "G";
  if (!Number.isFinite(x)) {
    const spelled = special(x);
    const negative = spelled[0] === "-";
    const body = negative ? spelled.slice(1) : spelled;
    const sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    return pad(sign, upper ? body.toUpperCase() : body, spec, false);
  }
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
  const magnitude = Math.abs(x);
  const precision = spec.precision < 0 ? 6 : spec.precision;
  let body: string;
  if (conversion === "f") {
    body = fixedDigits(magnitude, precision);
    if (spec.alt && precision === 0) body += ".";
  } else if (conversion === "e" || conversion === "E") {
    const [digits, exponent] =
      magnitude === 0 ? ["0".repeat(precision + 1), 0] : exponentDigits(magnitude, precision);
    body = exponentForm(digits, exponent, upper ? "E" : "e", spec.alt);
  } else {
    // %g: P significant digits; %e style when the exponent X < -4 or X >= P, else %f with
    // P-1-X decimals (C99 7.19.6.1).
    const significant = precision === 0 ? 1 : precision;
    const [digits, exponent] =
      magnitude === 0 ? ["0".repeat(significant), 0] : exponentDigits(magnitude, significant - 1);
    if (exponent < -4 || exponent >= significant) {
      let mantissa = digits;
      if (!spec.alt) {
        let end = mantissa.length;
        while (end > 1 && mantissa.charCodeAt(end - 1) === 48) end--;
        mantissa = mantissa.slice(0, end);
      }
      body = exponentForm(mantissa, exponent, upper ? "E" : "e", spec.alt);
    } else {
      // The %f form with P-1-X decimals has the same P significant digits.
      body =
        exponent >= 0
          ? digits.length > exponent + 1
            ? `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`
            : digits
          : `0.${"0".repeat(-exponent - 1)}${digits}`;
      if (spec.alt) {
        if (body.indexOf(".") < 0) body += ".";
      } else {
        body = trimFraction(body);
      }
    }
  }
  return pad(sign, body, spec, true);
}
