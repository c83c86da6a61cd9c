// pow, exp and log against lua5.1 (glibc's libm): libm-cases.golden is what lua5.1 prints for
// libm-cases.lua; this file draws the same arguments (the same LCG, with Lua's `%`) and calls
// the runtime's functions. glibc's results are not correctly rounded in a few cases, all
// within 0.002 ulp of a halfway point (checked at 300 bits) or exact ties glibc rounds up
// (10^23); those lines are listed as known differences.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exp } from "../../../runtime/src/libm/exp.js";
import { log } from "../../../runtime/src/libm/log.js";
import { cPow } from "../../../runtime/src/number.js";

const golden = readFileSync(new URL("./libm-cases.golden", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((line) => (line === "inf" ? Infinity : line === "-inf" ? -Infinity : Number(line)));

function cases(): number[] {
  let seed = 4242;
  const rnd = (): number => {
    const a = seed * 1103515245 + 12345;
    seed = a - Math.floor(a / 2147483648) * 2147483648; // luai_nummod
    return seed / 2147483648;
  };
  const out: number[] = [];
  for (let i = 0; i < 3000; i++) out.push(cPow(rnd() * 100, (rnd() - 0.5) * 20));
  for (let i = 0; i < 500; i++) out.push(cPow(-(rnd() * 10), Math.floor((rnd() - 0.5) * 60)));
  for (let i = 0; i < 500; i++) {
    const x = 1 + (rnd() - 0.5) * 2 ** -20;
    out.push(cPow(x, (rnd() - 0.5) * 2 ** 28));
  }
  for (let i = 0; i < 300; i++) out.push(cPow(2, (rnd() - 0.5) * 2150));
  for (let k = -300; k <= 300; k++) out.push(cPow(10, k));
  for (let i = 0; i < 2000; i++) out.push(exp((rnd() - 0.5) * 1500));
  for (let i = 0; i < 1000; i++) out.push(exp((rnd() - 0.5) * 2 ** -20));
  for (let i = 0; i < 2000; i++) out.push(log(rnd() * 10 ** ((rnd() - 0.5) * 600)));
  for (let i = 0; i < 1000; i++) out.push(log(1 + (rnd() - 0.5) * 2 ** (-rnd() * 50)));
  for (let i = 0; i < 100; i++) out.push(log(rnd() * 2 ** -1030));
  return out;
}

/**
 * Lines (0-based) where glibc is not correctly rounded: pow 396, 2299, 2718, 10^23 (4623, an
 * exact tie), 10^210 (4810, 0.0008 ulp from halfway); exp 8022, 8246; log 8812, 9016.
 */
const KNOWN = new Set([396, 2299, 2718, 4623, 4810, 8022, 8246, 8812, 9016]);

describe("libm against lua5.1", () => {
  it("pow, exp and log print what lua5.1 prints", () => {
    const ours = cases();
    expect(ours.length).toBe(golden.length);
    const differ: number[] = [];
    ours.forEach((value, i) => {
      if (!Object.is(value, golden[i])) differ.push(i);
    });
    expect(differ.filter((i) => !KNOWN.has(i))).toEqual([]);
  });
});
