// pow for x > 0, correctly rounded (as glibc's pow is in practice): e^(y·log x) with log x from
// logCore (relative error < 2^-77) and y·log x formed exactly as a double-double, then expCore
// (relative error < 2^-75). The product's error is |y·log x|·2^-77 ≤ 2^-67.5 relative to the
// result at the overflow threshold. When the bound does not decide the rounding, bigfloat.ts
// decides; integer exponents there are computed exactly, so exact halfway cases
// ((2^18−1)^3 has 54 bits) round to even.

import * as B from "./bigfloat.js";
import { productError } from "./dd.js";
import { expCore, expExponent, expLow, scaleNormal } from "./exp.js";
import { logCore, logLow } from "./log.js";

/** x^y for finite x > 0, x ≠ 1, finite y ≠ 0. */
export function powPositive(x: number, y: number): number {
  if (y === 0.5) return Math.sqrt(x); // correctly rounded
  if (y === 1) return x;
  if (y === 2) return x * x; // one rounding
  if (y === -1) return 1 / x;
  if (x < 2.2250738585072014e-308) return slowPow(x, y);
  const lh = logCore(x);
  const ll = logLow;
  // z = y·log x = zh + zl, y·lh exactly.
  const zh = y * lh;
  const zl = productError(y, lh, zh) + y * ll;
  if (!(zh < 709.8)) return zh > 709.8 ? Infinity : slowPow(x, y);
  if (zh < -708.3) return zh < -745.2 ? 0 : slowPow(x, y);
  const hi = expCore(zh, zl);
  const lo = expLow;
  const error = hi * (2 ** -75 + Math.abs(zh) * 2 ** -77);
  const r = hi + (lo - error);
  if (r !== hi + (lo + error)) return slowPow(x, y);
  return scaleNormal(r, expExponent);
}

function slowPow(x: number, y: number): number {
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    // Exact: x^n = m^n·2^(e·n), or its reciprocal rounded at 1024 bits.
    const base = B.fromNumber(x);
    const power = { m: base.m ** BigInt(Math.abs(y)), e: base.e * Math.abs(y) };
    if (y > 0) return B.withPrecision(1 << 20, () => B.nearest(power));
    return B.correctlyRounded(() => B.div(B.fromInt(1), power));
  }
  return B.correctlyRounded(() => B.exp(B.mul(B.fromNumber(y), B.log(B.fromNumber(x)))));
}
