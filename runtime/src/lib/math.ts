// The math library (manual §5.6; lmathlib.c). Functions take numbers through checkNumber
// (strings convertible to numbers are accepted, as luaL_checknumber does).
//
// math.random uses its own generator (xorshift128+ over 32-bit halves), not libc's rand(),
// so sequences differ from lua5.1's; ranges, argument checks and errors are lua5.1's.

import { ret1, retN } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import { argError, checkInteger, checkNumber, luaError } from "./args.js";

/** luaL_checkint: (int)(lua_Integer)x on x86-64, i.e. the low 32 bits of the 64-bit value. */
export function checkInt(v: LuaValue, n: number, fname: string, argc?: number): number {
  const x = checkInteger(v, n, fname, argc);
  return x < 2 ** 63 && x >= -(2 ** 63) ? x | 0 : 0;
}

/** C pow (where JS `**` differs: 1^y = 1 and x^±0 = 1 for any y or x, (-1)^±inf = 1). */
export function cPow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  return x ** y;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** C frexp: [m, e] with x = m * 2^e and 0.5 <= |m| < 1 (x itself and 0 for 0, inf, nan). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let adjust = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) {
    x *= 2 ** 64; // make a subnormal normal
    adjust = -64;
  }
  f64[0] = x;
  const high = u32[1];
  const exponent = ((high >>> 20) & 0x7ff) - 1022;
  u32[1] = (high & 0x800fffff) | (1022 << 20);
  return [f64[0], exponent + adjust];
}

/** C ldexp: x * 2^e rounded once (a subnormal result is rounded half-to-even by hand). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [fraction, exponent] = frexp(x);
  // x = m * 2^t with m an integer of at most 53 bits.
  const m = fraction * 2 ** 53;
  const t = exponent - 53 + e;
  if (t >= -1074) return t > 1023 ? m * Infinity : m * 2 ** t;
  const shift = -1074 - t;
  if (shift > 54) return m < 0 ? -0 : 0;
  const scaled = Math.abs(m) / 2 ** shift; // exact: a normal-range division by a power of 2
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const k = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  return (m < 0 ? -k : k) * 2 ** -1074;
}

/** A small seeded generator: xorshift128+ on two 64-bit states held as four 32-bit words. */
class Random {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** srand(seed): a deterministic state from a 32-bit seed (splitmix-style scrambling). */
  seed(seed: number): void {
    let z = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      z = (z + 0x9e3779b9) | 0;
      let w = z;
      w = Math.imul(w ^ (w >>> 16), 0x85ebca6b);
      w = Math.imul(w ^ (w >>> 13), 0xc2b2ae35);
      words.push((w ^ (w >>> 16)) >>> 0);
    }
    [this.s0, this.s1, this.s2, this.s3] = words;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A double uniformly in [0, 1) built from 53 random bits. */
  next(): number {
    // x = s0..s1 (high, low), y = s2..s3
    let xh = this.s0;
    let xl = this.s1;
    const yh = this.s2;
    const yl = this.s3;
    this.s0 = yh;
    this.s1 = yl;
    // x ^= x << 23
    xh ^= ((xh << 23) | (xl >>> 9)) >>> 0;
    xl ^= xl << 23;
    // x ^= x >> 17
    xl ^= ((xl >>> 17) | (xh << 15)) >>> 0;
    xh ^= xh >>> 17;
    // x ^= y ^ (y >> 26)
    xh ^= yh ^ (yh >>> 26);
    xl ^= yl ^ ((yl >>> 26) | (yh << 6));
    this.s2 = xh >>> 0;
    this.s3 = xl >>> 0;
    // sum = x + y (64-bit); take its top 53 bits
    const low = (xl >>> 0) + yl;
    const high = ((xh >>> 0) + yh + (low > 0xffffffff ? 1 : 0)) >>> 0;
    return ((high >>> 0) * 2 ** 21 + ((low >>> 0) >>> 11)) / 2 ** 53;
  }
}

/** Build the `math` table (lmathlib.c luaopen_math). */
export function createMath(): LuaTable {
  const M = new LuaTable();
  const unary = (name: string, fn: (x: number) => number): void => {
    M.set(name, function (x: LuaValue): LuaValue {
      if (typeof x === "number") return ret1(fn(x));
      // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
      return ret1(fn(checkNumber(x, 1, name, arguments.length)));
    });
  };
  // The hottest ones get their own functions so the engine can inline Math.*.
  M.set("floor", function (x: LuaValue): LuaValue {
    if (typeof x === "number") return ret1(Math.floor(x));
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    return ret1(Math.floor(checkNumber(x, 1, "floor", arguments.length)));
  });
  M.set("abs", function (x: LuaValue): LuaValue {
    if (typeof x === "number") return ret1(Math.abs(x));
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    return ret1(Math.abs(checkNumber(x, 1, "abs", arguments.length)));
  });
  M.set("sqrt", function (x: LuaValue): LuaValue {
    if (typeof x === "number") return ret1(Math.sqrt(x));
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    return ret1(Math.sqrt(checkNumber(x, 1, "sqrt", arguments.length)));
  });
  unary("acos", Math.acos);
  unary("asin", Math.asin);
  unary("atan", Math.atan);
  unary("ceil", Math.ceil);
  unary("cos", Math.cos);
  unary("cosh", Math.cosh);
  unary("exp", Math.exp);
  unary("log", Math.log);
  unary("log10", Math.log10);
  unary("sin", Math.sin);
  unary("sinh", Math.sinh);
  unary("tan", Math.tan);
  unary("tanh", Math.tanh);
  unary("deg", (x) => x * (180 / Math.PI));
  unary("rad", (x) => x * (Math.PI / 180));
  /** A function of two numbers. */
  const binary = (name: string, fn: (x: number, y: number) => number): void => {
    M.set(name, function (x: LuaValue, y: LuaValue): LuaValue {
      if (typeof x === "number" && typeof y === "number") return ret1(fn(x, y));
      // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
      const argc = arguments.length;
      // lmathlib.c passes both checks as C arguments, which gcc evaluates right to left: the
      // second argument is checked first (math.pow() blames #2).
      const b = checkNumber(y, 2, name, argc);
      return ret1(fn(checkNumber(x, 1, name, argc), b));
    });
  };
  binary("atan2", Math.atan2);
  // C fmod and JS % agree (sign of the dividend, exact result).
  binary("fmod", (a, b) => a % b);
  binary("mod", (a, b) => a % b); // LUA_COMPAT_MOD
  binary("pow", cPow);
  M.set("modf", function (v: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const x = checkNumber(v, 1, "modf", arguments.length);
    const whole = Math.trunc(x);
    // C modf: the fraction of ±inf is ±0.
    const fraction = Number.isFinite(x) ? x - whole : Number.isNaN(x) ? x : x < 0 ? -0 : 0;
    return retN([whole, fraction]);
  });
  M.set("frexp", function (v: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    return retN(frexp(checkNumber(v, 1, "frexp", arguments.length)));
  });
  M.set("ldexp", function (x: LuaValue, e: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const argc = arguments.length;
    const exponent = checkInt(e, 2, "ldexp", argc); // checked first, as math_ldexp under gcc
    return ret1(ldexp(checkNumber(x, 1, "ldexp", argc), exponent));
  });
  // math_min / math_max: a plain scan with < / > (so NaN in front sticks, later NaNs are skipped).
  M.set("min", (...args: LuaValue[]) => {
    let best = checkNumber(args[0], 1, "min", args.length);
    for (let i = 1; i < args.length; i++) {
      const d = checkNumber(args[i], i + 1, "min");
      if (d < best) best = d;
    }
    return ret1(best);
  });
  M.set("max", (...args: LuaValue[]) => {
    let best = checkNumber(args[0], 1, "max", args.length);
    for (let i = 1; i < args.length; i++) {
      const d = checkNumber(args[i], i + 1, "max");
      if (d > best) best = d;
    }
    return ret1(best);
  });
  const generator = new Random(1); // like C's rand() before any srand: seed 1
  M.set("random", (...args: LuaValue[]) => {
    const r = generator.next();
    switch (args.length) {
      case 0:
        return ret1(r);
      case 1: {
        const upper = checkInt(args[0], 1, "random");
        if (upper < 1) argError(1, "random", "interval is empty");
        return ret1(Math.floor(r * upper) + 1);
      }
      case 2: {
        const lower = checkInt(args[0], 1, "random");
        const upper = checkInt(args[1], 2, "random");
        if (lower > upper) argError(2, "random", "interval is empty");
        return ret1(Math.floor(r * (upper - lower + 1)) + lower);
      }
      default:
        return luaError("wrong number of arguments", 1);
    }
  });
  M.set("randomseed", function (seed: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    generator.seed(checkInt(seed, 1, "randomseed", arguments.length));
    return retN([]);
  });
  M.set("pi", Math.PI);
  M.set("huge", Infinity);
  return M;
}

/** Install `math` into the globals. */
export function openMath(G: LuaTable): void {
  G.set("math", createMath());
}
