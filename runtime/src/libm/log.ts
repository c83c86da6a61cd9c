// log and log10, correctly rounded (as glibc's are in practice), and the double-double
// logarithm that pow needs.
//
// Fast phase: x = 2^e·m, m in [1, 2); the top 8 bits of m pick c ≈ 1/m from a table, so that
// r = m·c − 1 (exact as a double-double) has |r| < 2^-8, and
//   log x = e·ln2 − log c + log1p(r),   log1p(r) = r − r²/2 + r³/3 − r⁴·(1/4 − r/5 + … − r⁷/11),
// the first three terms in double-double. Entries with m ≥ 1.414 use log(2c) and e + 1, and
// c = 1 (m just above 1) or 1/2 (m just below 2), so that near x = 1 the result is log1p(r)
// alone, with no cancellation: the relative error stays below 2^-77 everywhere.

import * as B from "./bigfloat.js";
import { productError } from "./dd.js";

/** Per entry: c, then −log(c) (or −log(2c)) as hi, lo. */
let table: Float64Array | undefined;
/** ln 2 = LN2_HI + LN2_LO, LN2_HI with 42 bits (e·LN2_HI is exact). */
let LN2_HI = 0;
let LN2_LO = 0;

function init(): Float64Array {
  const t = new Float64Array(3 * 256);
  B.withPrecision(160, () => {
    for (let i = 0; i < 256; i++) {
      const c = i === 0 ? 1 : i === 255 ? 0.5 : 1 / (1 + (i + 0.5) / 256);
      t[3 * i] = c;
      const minusLog = B.neg(B.log(B.fromNumber(i >= 106 ? 2 * c : c)));
      const hi = B.nearest(minusLog);
      t[3 * i + 1] = hi;
      t[3 * i + 2] = B.nearest(B.sub(minusLog, B.fromNumber(hi)));
    }
    const ln2 = B.ln2();
    LN2_HI = B.nearest({ m: ln2.m >> BigInt(-42 - ln2.e + 1), e: -41 });
    LN2_LO = B.nearest(B.sub(ln2, B.fromNumber(LN2_HI)));
  });
  table = t;
  return t;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** The low part of the last logCore. */
export let logLow = 0;

/** log x = hi + logLow for a positive normal x, relative error < 2^-77. */
export function logCore(x: number): number {
  const t = table ?? init();
  f64[0] = x;
  const word = u32[1]!;
  const i = (word >>> 12) & 255;
  let e = (word >>> 20) - 1023;
  if (i >= 106) e++;
  u32[1] = (word & 0xfffff) | 0x3ff00000;
  const m = f64[0]!;
  const c = t[3 * i]!;
  // r = m·c − 1 exactly (Veltkamp product; m·c is within 2^-7 of 1, so p − 1 is exact).
  const p = m * c;
  const pe = productError(m, c, p);
  let rh = p - 1;
  let s = rh + pe;
  const rl = pe - (s - rh);
  rh = s;
  // r² = q + ql.
  const q = rh * rh;
  const ql = productError(rh, rh, q) + 2 * rh * rl;
  // r³ = u + ul (q·rh exactly, plus the small cross terms).
  const u = q * rh;
  const ul = productError(q, rh, u) + ql * rh + q * rl;
  // r³/3 = v + vl.
  const v = u / 3;
  const threeV = 3 * v;
  const threeVl = productError(3, v, threeV); // 3·v = threeV + threeVl exactly
  const vl = (u - threeV - threeVl + ul) / 3;
  const tail =
    q *
    q *
    (-0.25 +
      rh *
        (0.2 +
          rh * (-1 / 6 + rh * (1 / 7 + rh * (-0.125 + rh * (1 / 9 + rh * (-0.1 + rh / 11)))))));
  // log1p(r) = r − r²/2 + r³/3 + tail.
  const halfQ = -0.5 * q;
  let a = rh + halfQ;
  let al = halfQ - (a - rh);
  s = a + v;
  al += v - (s - a);
  a = s;
  al += rl - 0.5 * ql + vl + tail;
  // + e·ln2 − log c.
  const eh = e * LN2_HI;
  const lh = t[3 * i + 1]!;
  const w = eh + lh;
  const bb = w - eh;
  const wl = eh - (w - bb) + (lh - bb);
  const hi = w + a;
  const b2 = hi - w;
  logLow = w - (hi - b2) + (a - b2) + (wl + al + t[3 * i + 2]! + e * LN2_LO);
  return hi;
}

/** log x for x ≥ 0 or NaN (±0: −inf; a NaN comes back as it is). */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x;
  if (x < 2.2250738585072014e-308) return slowLog(x);
  const hi = logCore(x);
  const lo = logLow;
  const error = Math.abs(hi) * 2 ** -72;
  const r = hi + (lo - error);
  if (r !== hi + (lo + error)) return slowLog(x);
  return r;
}

function slowLog(x: number): number {
  return B.correctlyRounded(() => B.log(B.fromNumber(x)));
}
