// Double-double tables. The fast phases (exp.ts, log.ts, pow.ts) carry values as hi + lo with
// |lo| ≤ ulp(hi)/2 (~106 bits: Dekker 1971, Knuth TAOCP 4.2.2), writing the TwoSum and
// Veltkamp-split products out inline: locals are much faster than helpers returning two values.
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
