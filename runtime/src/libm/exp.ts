// exp, correctly rounded (as glibc's exp is in practice).
//
// Fast phase: e^z = 2^(k/128)·e^r with k = round(z·128/ln2) and |r| ≤ ln2/256; 2^(j/128) comes
// from a table of double-doubles, e^r − 1 from its Taylor polynomial to degree 8 (the first two
// terms in double-double). The relative error of hi + lo is below 2^-75 (|r|³/6 rounded once is
// the largest term: 2^-53·2^-28); when that does not decide the rounding, bigfloat.ts decides.

import * as B from "./bigfloat.js";
import { type Big, exp as bigExp, fromNumber, ln2 } from "./bigfloat.js";
import { productError, splitBig } from "./dd.js";

/** 2^(j/128) for j = 0..127 as [hi, lo] pairs. */
let table: Float64Array | undefined;
/** ln2/128 = C1 + C2 + C3, C1 and C2 with 35 significant bits (k·C1, k·C2 exact for |k| < 2^18). */
let C1 = 0;
let C2 = 0;
let C3 = 0;
const K_PER_UNIT = 128 / Math.LN2;

function init(): Float64Array {
  const t = new Float64Array(256);
  B.withPrecision(200, () => {
    for (let j = 0; j < 128; j++)
      splitBig(bigExp(B.scale(B.mul(B.fromInt(j), ln2()), -7)), t, 2 * j);
    const c = B.scale(ln2(), -7);
    const top = B.magnitude(c);
    C1 = truncate(c, top - 34);
    const rest = B.sub(c, fromNumber(C1));
    C2 = truncate(rest, B.magnitude(rest) - 34);
    C3 = B.nearest(B.sub(rest, fromNumber(C2)));
  });
  table = t;
  return t;
}

/** `a` cut to the bits at and above 2^lsb, as a double. */
function truncate(a: Big, lsb: number): number {
  const shift = lsb - a.e;
  return B.nearest({ m: a.m >> BigInt(shift), e: lsb });
}

/** The low part and the power of two of the last expCore. */
export let expLow = 0;
export let expExponent = 0;

/** e^(zh + zl) = (hi + expLow)·2^expExponent for |zh| < 746, relative error < 2^-75. */
export function expCore(zh: number, zl: number): number {
  const t = table ?? init();
  const k = Math.round(zh * K_PER_UNIT);
  // r = z − k·ln2/128: zh − k·C1 is exact (Sterbenz), the rest in double-double. (The
  // double-double steps of dd.ts are written out: locals are faster than its `low`.)
  const a = zh - k * C1;
  const b = -k * C2;
  let rh = a + b;
  const bb = rh - a;
  let rl = a - (rh - bb) + (b - bb) + (zl - k * C3);
  let s = rh + rl;
  rl -= s - rh;
  rh = s;
  // e^r − 1 = r + r²/2 + r³·(1/6 + r/24 + … + r⁵/40320); r² exactly by Veltkamp splitting.
  const p = rh * rh;
  const pl = productError(rh, rh, p) + 2 * rh * rl;
  const tail =
    p *
    rh *
    (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh * (1 / 40320))))));
  const half = 0.5 * p;
  let eh = rh + half;
  let el = half - (eh - rh) + rl + 0.5 * pl + tail;
  s = eh + el;
  el -= s - eh;
  eh = s;
  const j = k & 127;
  const th = t[2 * j]!;
  const tl = t[2 * j + 1]!;
  // 2^(j/128)·(1 + e) = th + th·e + tl·(1 + e), th·eh exactly.
  const ph = th * eh;
  const phl = productError(th, eh, ph) + th * el + tl * eh;
  const hi = th + ph;
  expLow = ph - (hi - th) + phl + tl;
  expExponent = (k - j) / 128;
  return hi;
}

/** (hi + lo)·2^e, already rounded hi+lo, for results that are normal or overflow. */
export function scaleNormal(r: number, e: number): number {
  if (e > 1023) return r * 2 ** 1000 * POW2[e - 1000 + 1022]!;
  return r * POW2[e + 1022]!;
}

/** 2^e for e = −1022..1023 (a lookup: `2 ** e` is a call to Math.pow). */
const POW2 = (() => {
  const table = new Float64Array(2046);
  for (let e = -1022; e <= 1023; e++) table[e + 1022] = 2 ** e;
  return table;
})();

/** C exp (glibc: correctly rounded but in extremely rare cases). */
export function exp(x: number): number {
  if (!(x < 709.8)) return Number.isNaN(x) || x === Infinity ? x : expNear(x);
  if (x < -708.3) return x < -745.2 ? 0 : correctlyRoundedExp(x);
  const hi = expCore(x, 0);
  const lo = expLow;
  const error = hi * 2 ** -75;
  const r = hi + (lo - error);
  if (r !== hi + (lo + error)) return correctlyRoundedExp(x);
  return scaleNormal(r, expExponent);
}

function expNear(x: number): number {
  return x > 709.8 ? Infinity : correctlyRoundedExp(x);
}

function correctlyRoundedExp(x: number): number {
  return B.correctlyRounded(() => bigExp(fromNumber(x)));
}
