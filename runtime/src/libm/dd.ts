// Double-double tables. The fast phases (exp.ts, log.ts, pow.ts) carry values as hi + lo with
// |lo| ≤ ulp(hi)/2 (~106 bits: Dekker 1971, Knuth TAOCP 4.2.2), writing the TwoSum and
// Veltkamp-split products through `productError`, which returns one number (so V8 inlines it):
// helpers returning two values would be much slower than locals.
// Their tables are computed once, on first use, by bigfloat.ts and split here.

import { type Big, fromNumber, nearest, withPrecision } from "./bigfloat.js";

/** The two doubles nearest a Big: hi = round(a), lo = round(a − hi), stored at into[at..]. */
export function splitBig(a: Big, into: Float64Array, at: number): void {
  withPrecision(160, () => {
    const hi = nearest(a);
    into[at] = hi;
    const h = fromNumber(hi);
    const floor = Math.min(a.e, h.e);
    const rest = (a.m << BigInt(a.e - floor)) - (h.m << BigInt(h.e - floor));
    into[at + 1] = nearest({ m: rest, e: floor });
  });
}

/**
 * The rounding error of the product p = fl(a·b): a·b − p exactly, by Dekker's product with
 * Veltkamp's splitting (2^27 + 1), for |a·b| far from overflow.
 */
export function productError(a: number, b: number, p: number): number {
  let split = 134217729 * a;
  const ah = split - (split - a);
  const al = a - ah;
  split = 134217729 * b;
  const bh = split - (split - b);
  const bl = b - bh;
  return al * bl - (p - ah * bh - al * bh - ah * bl);
}
