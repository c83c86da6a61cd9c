// The math library (manual §5.6; lmathlib.c). Functions take numbers through checkNumber
// (strings convertible to numbers are accepted, as luaL_checknumber does).
//
// exp, log and pow (libm/) are correctly rounded, as glibc's are in practice, where
// V8's Math.* differ in the last bit on a few percent of arguments.
//
// math.random reproduces glibc's rand(), which lua5.1 on Linux uses: seeded or not, a script
// draws the same numbers as under lua5.1.

import { exp } from "../libm/exp.js";
import { log } from "../libm/log.js";
import { cFmod, cPow, DEFAULT_NAN } from "../number.js";
import { ret1, retN } from "../state.js";
import { LuaTable } from "../table.js";
import type { LuaValue } from "../value.js";
import { argError, checkInt, checkNumber, luaError } from "./args.js";

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

/**
 * glibc's rand() (random_r.c, TYPE_3: an additive feedback generator over 31 words), which
 * lua5.1 on Linux calls for math.random: the same seed gives the same sequence as lua5.1,
 * including the unseeded one (C starts as if srand(1) had been called).
 */
class Random {
  private readonly state = new Int32Array(31);
  private front = 3;
  private rear = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  /** srand(seed) (__srandom_r): an LCG (16807 mod 2^31-1) fills the state, 310 draws discarded. */
  seed(seed: number): void {
    // srand's unsigned seed (0 means 1), held in an int32_t `word`; C division truncates.
    let word = seed | 0 || 1;
    const state = this.state;
    state[0] = word;
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      state[i] = word;
    }
    this.front = 3;
    this.rear = 0;
    for (let i = 0; i < 310; i++) this.rand();
  }

  /** rand(): the sum of two state words (mod 2^32), least random bit dropped. */
  rand(): number {
    const state = this.state;
    const value = (state[this.front]! + state[this.rear]!) | 0;
    state[this.front] = value;
    if (++this.front === 31) this.front = 0;
    if (++this.rear === 31) this.rear = 0;
    return value >>> 1;
  }

  /** lmathlib.c math_random: `(rand() % RAND_MAX) / RAND_MAX`, in [0, 1). */
  next(): number {
    return (this.rand() % 2147483647) / 2147483647;
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
  unary("exp", exp);
  // glibc: log of a negative number is the default NaN (`-nan`), log10's a positive one; a
  // NaN argument comes back as it is (Math.log would return its own NaN).
  unary("log", (x) => (x < 0 ? DEFAULT_NAN : log(x)));
  // glibc's log10 is not correctly rounded (it is fdlibm's e_log10.c, as is V8's): Math.log10
  // agrees with it more often than a correctly rounded one does (0.6% vs 3.5% differ).
  unary("log10", (x) => (Number.isNaN(x) ? x : Math.log10(x)));
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
  // C fmod and JS % agree (sign of the dividend, exact result) but for NaN signs.
  binary("fmod", cFmod);
  binary("mod", cFmod); // LUA_COMPAT_MOD
  binary("pow", cPow);
  M.set("modf", function (v: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const x = checkNumber(v, 1, "modf", arguments.length);
    const whole = Math.trunc(x);
    // C modf: the fraction takes x's sign, also when it is zero (modf(-1) is -1, -0; ±inf: ±0).
    const fraction = Number.isNaN(x) ? x : x - whole || (x < 0 || 1 / x < 0 ? -0 : 0);
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
