// The hooked form of the interpreter: what runs VM code that the debug library can inspect and
// hook (docs/architecture.md, "Debug hooks on the VM"). Closures made by makeHookedClosure run
// here: those of chunks that mention sethook/getlocal/setlocal, of chunks loaded while a hook
// is set, and every closure such code creates; it also runs, hooked, every VM function such
// code calls. The body is execute.ts's luaV_execute turned into a generator (so the same body
// runs inside coroutines, as execute-resumable.ts does), which keeps a frame record
// (debug-frame.ts) and calls the hooks. It is DERIVED from execute.ts: edit execute.ts, then
// run `UPDATE_HOOKED=1 npx vitest run test/unit/vm/interp-hooked` and biome on this file (that
// test fails while the two differ). Ordinary VM code never comes here, so it pays nothing.

import {
  add,
  callValue,
  charged,
  chargeMemory,
  chargeString,
  concat,
  div,
  equals,
  F,
  forNumber,
  fuelOut,
  index,
  LuaTable,
  type LuaValue,
  lastClosures,
  length,
  lessEqual,
  lessThan,
  luaMod,
  luaPow,
  MAX_DEPTH,
  metamethod,
  mod,
  mul,
  pow,
  R,
  runningThread,
  S,
  SLICE_OVER,
  setIndex,
  stackOverflow,
  sub,
  type ThreadDebug,
  threadDebug,
  unm,
  yieldAcrossBoundary,
  yieldResult,
  yieldResumable,
} from "@lunette/runtime";
import { VARARG_NEEDSARG } from "../proto.js";
import {
  type AnyVmFunction,
  calleeRegistersOf,
  enterFrame,
  type HookedFunction,
  hookCall,
  hookLibrary,
  hookReturn,
  protoOf,
  traceExec,
} from "./debug-frame.js";
import { CLOSURE_BYTES, TABLE_BYTES } from "./execute.js";
import {
  argTable,
  blankFrame,
  closeUpvalues,
  FIELDS_PER_FLUSH,
  findUpvalue,
  invoke,
  type MaybeResumable,
  NO_VALUES,
  SBX_BIAS,
  storeResults,
  tailSite,
  type Upvalue,
  yieldValues,
} from "./frame.js";
import { indexMiss } from "./index-miss.js";
import { concatSite, type PreparedProto, registerProto } from "./sites.js";

type Body = Generator<LuaValue[], LuaValue, LuaValue[]>;

/** luaF_newLclosure for the hooked form (execute.ts makeClosure's twin). */
export function makeHookedClosure(
  proto: PreparedProto,
  upvalues: Upvalue[],
  env: LuaTable,
): HookedFunction {
  const f = function lua(...args: LuaValue[]): LuaValue {
    return runDirect(executeHooked(f, calleeRegistersOf(f, args, 0, args.length)));
  } as HookedFunction;
  f.env = env;
  f.hooked = proto;
  f.upvalues = upvalues;
  f.co = hookedBody;
  if (proto.definition === 0) registerProto(proto);
  lastClosures[proto.definition] = f;
  return f;
}

/** The `co` method of a hooked closure (`this` is the closure), run inside coroutines. */
function* hookedBody(this: HookedFunction, ...args: LuaValue[]): Body {
  return yield* executeHooked(this, calleeRegistersOf(this, args, 0, args.length));
}

/**
 * Runs a hooked body outside any resume (a direct call): a task's slice end just goes on, as
 * in execute.ts; a yield fails where it was made, as a yield across a C call does.
 */
function runDirect(body: Body): LuaValue {
  let step = body.next(NO_VALUES);
  while (!step.done) {
    if (step.value === SLICE_OVER) step = body.next(NO_VALUES);
    else {
      let refusal: unknown;
      try {
        yieldAcrossBoundary();
      } catch (e) {
        refusal = e;
      }
      step = body.throw(refusal);
    }
  }
  return step.value;
}

/**
 * A call from hooked code (luaD_call): VM functions run hooked; any other function gets the
 * call and return events of a library function's level, and yields pass through as in
 * execute-resumable.ts (coroutine.yield on the main thread is called, to fail as it does).
 */
function* invokeHooked(
  td: ThreadDebug,
  fn: LuaValue,
  regs: LuaValue[],
  first: number,
  n: number,
  site: number,
): Body {
  if (protoOf(fn) !== undefined)
    return yield* executeHooked(
      fn as AnyVmFunction,
      calleeRegistersOf(fn as AnyVmFunction, regs, first, n),
    );
  if (td.hook?.call) hookLibrary(td, fn, "call", site);
  const co = typeof fn === "function" ? (fn as MaybeResumable).co : undefined;
  let result: LuaValue;
  if (co === undefined || (co === yieldResumable && runningThread() === undefined))
    result = invoke(fn, regs, first, n, site);
  else if (co === yieldResumable) result = yieldResult(yield yieldValues(regs, first, n));
  else result = yield* co.apply(fn, regs.slice(first, first + n));
  if (td.hook?.ret) hookLibrary(td, fn, "return", site);
  return result;
}

// ---- derived from execute.ts below this line ----
/** luaV_execute in hooked form: runs `closure` on `args`, recording its frame, calling hooks. */
export function* executeHooked(
  closure: AnyVmFunction,
  args: LuaValue[],
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  const d = ++S.depth;
  if (d > MAX_DEPTH) stackOverflow();
  S.callSites[d] = S.site;
  const td = threadDebug();
  const fr = enterFrame(td, d, closure, args);
  let cl: AnyVmFunction = closure;
  let regs = args;
  tail: for (;;) {
    // Fuel (runtime sandbox/budget.ts): one unit per instruction, charged in bulk: one at
    // function entry, and a loop body's length at its backward jump (JMP, FORLOOP, TFORLOOP).
    if (--F.fuel < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
    const pp = protoOf(cl)!;
    const code = pp.ops;
    const k = pp.constants;
    const sites = pp.sites;
    const ups = cl.upvalues;
    // A fixed-parameter function's registers come ready (calleeRegisters); a vararg one's
    // arguments are split here into parameters and varargs (luaD_precall's adjust_varargs).
    let varargs = NO_VALUES;
    if (pp.vararg) {
      const p = pp.proto;
      const np = p.numparams;
      if (regs.length > np) {
        varargs = regs.slice(np);
        regs.length = np;
      }
      while (regs.length < np) regs.push(undefined);
      if (p.is_vararg & VARARG_NEEDSARG) regs.push(argTable(varargs));
      for (let r = regs.length; r < p.maxstacksize; r++) regs.push(undefined);
    }
    fr.cl = cl;
    fr.fn = cl;
    fr.regs = regs;
    fr.pc = 0;
    if (td.hook !== undefined) hookCall(td, fr);
    let open: Upvalue[] | undefined;
    let top = 0;
    let pc = 0;
    for (;;) {
      const i = code[pc++];
      const oldpc = fr.pc;
      fr.pc = pc;
      if (td.hook !== undefined) traceExec(td.hook, fr, oldpc);
      switch (i & 0x3f) {
        case 0: // MOVE A B: R(A) := R(B)
          regs[(i >>> 6) & 0xff] = regs[i >>> 23];
          continue;
        case 1: // LOADK A Bx: R(A) := K(Bx)
          regs[(i >>> 6) & 0xff] = k[i >>> 14];
          continue;
        case 2: // LOADBOOL A B C: R(A) := (B ~= 0); if C then pc++
          regs[(i >>> 6) & 0xff] = i >>> 23 !== 0;
          if (((i >>> 14) & 0x1ff) !== 0) pc++;
          continue;
        case 3: {
          // LOADNIL A B: R(A..B) := nil
          const b = i >>> 23;
          for (let r = (i >>> 6) & 0xff; r <= b; r++) regs[r] = undefined;
          continue;
        }
        case 4: {
          // GETUPVAL A B: R(A) := U(B)
          const u = ups[i >>> 23];
          regs[(i >>> 6) & 0xff] = u.v[u.i];
          continue;
        }
        case 5: {
          // GETGLOBAL A Bx: R(A) := env[K(Bx)]
          const env = cl.env;
          const key = k[i >>> 14] as string;
          const v = env.hash[key];
          regs[(i >>> 6) & 0xff] = v !== undefined ? v : index(env, key, sites[pc - 1]);
          continue;
        }
        case 6: {
          // GETTABLE A B C: R(A) := R(B)[RK(C)]
          const o = regs[i >>> 23];
          const c = (i >>> 14) & 0x1ff;
          const key = c & 0x100 ? k[c & 0xff] : regs[c];
          let v: LuaValue;
          if (o instanceof LuaTable) {
            if (typeof key === "string") {
              v = o.hash[key];
              regs[(i >>> 6) & 0xff] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1]);
              continue;
            }
            if (typeof key === "number" && (v = o.arr[key - 1]) !== undefined) {
              regs[(i >>> 6) & 0xff] = v;
              continue;
            }
          }
          regs[(i >>> 6) & 0xff] = index(o, key, sites[pc - 1]);
          continue;
        }
        case 7: {
          // SETGLOBAL A Bx: env[K(Bx)] := R(A)
          const env = cl.env;
          const key = k[i >>> 14] as string;
          const v = regs[(i >>> 6) & 0xff];
          const hash = env.hash;
          if (hash[key] !== undefined) hash[key] = v;
          else if (env.mt === undefined) env.set(key, v);
          else setIndex(env, key, v, sites[pc - 1]);
          continue;
        }
        case 8: {
          // SETUPVAL A B: U(B) := R(A)
          const u = ups[i >>> 23];
          u.v[u.i] = regs[(i >>> 6) & 0xff];
          continue;
        }
        case 9: {
          // SETTABLE A B C: R(A)[RK(B)] := RK(C)
          const t = regs[(i >>> 6) & 0xff];
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const key = b & 0x100 ? k[b & 0xff] : regs[b];
          const v = c & 0x100 ? k[c & 0xff] : regs[c];
          if (t instanceof LuaTable) {
            if (typeof key === "string") {
              const hash = t.hash;
              if (hash[key] !== undefined) {
                hash[key] = v;
                continue;
              }
              if (t.mt === undefined) {
                t.set(key, v);
                continue;
              }
            } else if (typeof key === "number") {
              const arr = t.arr;
              if (v !== undefined && arr[key - 1] !== undefined && (key | 0) === key) {
                arr[key - 1] = v;
                continue;
              }
              if (t.mt === undefined && !Number.isNaN(key)) {
                t.setNumber(key, v);
                continue;
              }
            }
          }
          setIndex(t, key, v, sites[pc - 1]);
          continue;
        }
        case 10: // NEWTABLE A B C: R(A) := {} (a hash size C > 0 means named fields follow)
          regs[(i >>> 6) & 0xff] = charged(
            new LuaTable(undefined, ((i >>> 14) & 0x1ff) !== 0),
            TABLE_BYTES,
          );
          continue;
        case 11: {
          // SELF A B C: R(A+1) := R(B); R(A) := R(B)[RK(C)]
          const a = (i >>> 6) & 0xff;
          const o = regs[i >>> 23];
          const c = (i >>> 14) & 0x1ff;
          const key = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[a + 1] = o;
          if (o instanceof LuaTable && typeof key === "string") {
            const v = o.hash[key];
            regs[a] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1]);
          } else regs[a] = index(o, key, sites[pc - 1]);
          continue;
        }
        case 12: {
          // ADD A B C: R(A) := RK(B) + RK(C)
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x + y : add(x, y, sites[pc - 1]);
          continue;
        }
        case 13: {
          // SUB
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x - y : sub(x, y, sites[pc - 1]);
          continue;
        }
        case 14: {
          // MUL
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x * y : mul(x, y, sites[pc - 1]);
          continue;
        }
        case 15: {
          // DIV
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x / y : div(x, y, sites[pc - 1]);
          continue;
        }
        case 16: {
          // MOD (luai_nummod)
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number"
              ? luaMod(x, y)
              : mod(x, y, sites[pc - 1]);
          continue;
        }
        case 17: {
          // POW (luai_numpow)
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number"
              ? luaPow(x, y)
              : pow(x, y, sites[pc - 1]);
          continue;
        }
        case 18: {
          // UNM A B: R(A) := -R(B)
          const x = regs[i >>> 23];
          regs[(i >>> 6) & 0xff] = typeof x === "number" ? -x : unm(x, sites[pc - 1]);
          continue;
        }
        case 19: {
          // NOT A B: R(A) := not R(B)
          const x = regs[i >>> 23];
          regs[(i >>> 6) & 0xff] = x === undefined || x === false;
          continue;
        }
        case 20: {
          // LEN A B: R(A) := #R(B) (luaV_objlen)
          const x = regs[i >>> 23];
          regs[(i >>> 6) & 0xff] =
            typeof x === "string"
              ? x.length
              : x instanceof LuaTable
                ? x.arr.length
                : length(x, sites[pc - 1]);
          continue;
        }
        case 21: {
          // CONCAT A B C: R(A) := R(B) .. ... .. R(C), right to left (luaV_concat)
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          let acc = regs[c];
          for (let r = c - 1; r >= b; r--) {
            const x = regs[r];
            if (typeof x === "string" && typeof acc === "string") {
              chargeString(x.length + acc.length); // the memory budget (runtime sandbox/budget.ts)
              acc = x + acc;
            } else acc = concat(x, acc, concatSite(pp, pc - 1, r));
          }
          regs[(i >>> 6) & 0xff] = acc;
          continue;
        }
        case 22: {
          // JMP sBx; a backward jump charges the loop body's instructions
          const sbx = (i >>> 14) - SBX_BIAS;
          pc += sbx;
          if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          continue;
        }
        case 23: {
          // EQ A B C: if ((RK(B) == RK(C)) ~= A) then pc++ (else take the next JMP)
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          if ((x === y || equals(x, y)) === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 24: {
          // LT
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          const lt =
            typeof x === "number" && typeof y === "number" ? x < y : lessThan(x, y, sites[pc - 1]);
          if (lt === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 25: {
          // LE
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          const le =
            typeof x === "number" && typeof y === "number"
              ? x <= y
              : lessEqual(x, y, sites[pc - 1]);
          if (le === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 26: {
          // TEST A C: if R(A) is truthy == C then take the next JMP, else pc++
          const x = regs[(i >>> 6) & 0xff];
          if ((x !== undefined && x !== false) === (((i >>> 14) & 0x1ff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 27: {
          // TESTSET A B C: if R(B) is truthy == C then R(A) := R(B) and take the next JMP
          const x = regs[i >>> 23];
          if ((x !== undefined && x !== false) === (((i >>> 14) & 0x1ff) !== 0)) {
            regs[(i >>> 6) & 0xff] = x;
            {
              // the JMP after it; backward, it closes a loop (while, repeat): charge the body
              const sbx = (code[pc] >>> 14) - SBX_BIAS;
              pc += sbx + 1;
              if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
            }
          } else pc++;
          continue;
        }
        case 28: {
          // CALL A B C: R(A), ..., R(A+C-2) := R(A)(R(A+1), ..., R(A+B-1))
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          const c = (i >>> 14) & 0x1ff;
          const site = sites[pc - 1];
          S.site = site;
          const fn = regs[a];
          const n = b !== 0 ? b - 1 : top - a - 1;
          let first: LuaValue;
          if (typeof fn === "function" && protoOf(fn) !== undefined) {
            // A VM callee runs on a copy of the argument registers, without its JS wrapper: a
            // fixed-parameter callee's whole frame (frame.ts calleeRegisters, inlined here).
            const callee = fn as AnyVmFunction;
            const cp = protoOf(callee)!;
            let args: LuaValue[];
            if (cp.vararg) args = regs.slice(a + 1, a + 1 + n);
            else {
              args = blankFrame(cp);
              const m = Math.min(n, cp.numparams);
              for (let j = 0; j < m; j++) args[j] = regs[a + 1 + j];
            }
            first = yield* executeHooked(callee, args);
            args = NO_VALUES; // not kept alive by this frame (weak tables, gc/weak_values.lua)
          } else first = yield* invokeHooked(td, fn, regs, a + 1, n, site);
          if (c === 2) regs[a] = first;
          else if (c !== 1) top = storeResults(regs, a, first, c - 1);
          continue;
        }
        case 29: {
          // TAILCALL A B: return R(A)(R(A+1), ..., R(A+B-1))
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          let n = b !== 0 ? b - 1 : top - a - 1;
          let fn = regs[a];
          const site = sites[pc - 1];
          S.site = site;
          if (typeof fn !== "function") {
            // A callable object (__call, luaD_precall's tryfuncTM): its handler is tail-called
            // with the object as first argument, so `return obj(...)` chains stay proper.
            const handler = metamethod(fn, "__call");
            if (typeof handler === "function" && protoOf(handler) !== undefined) {
              for (let j = a + n; j >= a; j--) regs[j + 1] = regs[j];
              fn = handler;
              n++;
            }
          }
          if (typeof fn === "function" && protoOf(fn) !== undefined) {
            // A VM callee reuses this frame: constant JS stack and S.depth. The levels lost
            // are lua5.1's "(tail call)" (frame.ts tailSite, as compiled tail calls count them).
            cl = fn as AnyVmFunction;
            const cp = protoOf(cl)!;
            if (cp.vararg) regs = regs.slice(a + 1, a + 1 + n);
            else {
              // frame.ts calleeRegisters, inlined as in CALL
              const args = blankFrame(cp);
              const m = Math.min(n, cp.numparams);
              for (let j = 0; j < m; j++) args[j] = regs[a + 1 + j];
              regs = args;
            }
            S.callSites[d] = tailSite(d);
            fr.tailcalls++;
            continue tail;
          }
          if (typeof fn === "function" && (fn as AnyVmFunction).env !== undefined) {
            // A compiled Lua callee replaces this frame, as compiled tail calls do.
            const callArgs = regs.slice(a + 1, a + 1 + n);
            S.site = tailSite(d);
            if (td.hook !== undefined) hookReturn(td, fr);
            td.frames[d] = undefined;
            S.depth = d - 1;
            return yield* invokeHooked(td, fn, callArgs, 0, n, site);
          }
          const first = yield* invokeHooked(td, fn, regs, a + 1, n, site);
          if (td.hook !== undefined) hookReturn(td, fr);
          td.frames[d] = undefined;
          S.depth = d - 1;
          return first;
        }
        case 30: {
          // RETURN A B: return R(A), ..., R(A+B-2)
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          const n = b !== 0 ? b - 1 : top - a;
          if (td.hook !== undefined) hookReturn(td, fr);
          td.frames[d] = undefined;
          S.depth = d - 1;
          if (n === 1) {
            R.n = 1;
            return regs[a];
          }
          R.n = n;
          if (n === 0) return undefined;
          R.v = regs.slice(a, a + n);
          return regs[a];
        }
        case 31: {
          // FORLOOP A sBx: R(A) += R(A+2); if R(A) <?= R(A+1) then { pc += sBx; R(A+3) := R(A) }
          const a = (i >>> 6) & 0xff;
          const step = regs[a + 2] as number;
          const idx = (regs[a] as number) + step;
          const limit = regs[a + 1] as number;
          if (step > 0 ? idx <= limit : limit <= idx) {
            const sbx = (i >>> 14) - SBX_BIAS;
            pc += sbx;
            regs[a] = idx;
            regs[a + 3] = idx;
            if ((F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          }
          continue;
        }
        case 32: {
          // FORPREP A sBx: R(A) -= R(A+2); pc += sBx (after checking the three operands)
          const a = (i >>> 6) & 0xff;
          let init = regs[a];
          let limit = regs[a + 1];
          let step = regs[a + 2];
          if (typeof init !== "number" || typeof limit !== "number" || typeof step !== "number") {
            const site = sites[pc - 1];
            init = forNumber(init, "initial", site);
            limit = forNumber(limit, "limit", site);
            step = forNumber(step, "step", site);
            regs[a + 1] = limit;
            regs[a + 2] = step;
          }
          regs[a] = init - step;
          pc += (i >>> 14) - SBX_BIAS;
          continue;
        }
        case 33: {
          // TFORLOOP A C: R(A+3), ..., R(A+2+C) := R(A)(R(A+1), R(A+2));
          //               if R(A+3) ~= nil then R(A+2) := R(A+3) and take the next JMP
          const a = (i >>> 6) & 0xff;
          const c = (i >>> 14) & 0x1ff;
          const fn = regs[a];
          S.site = sites[pc - 1];
          // A non-callable iterator is not named (the call is made on a copy above the frame).
          const first =
            typeof fn === "function"
              ? yield* invokeHooked(td, fn, regs, a + 1, 2, sites[pc - 1])
              : callValue(fn, regs[a + 1], regs[a + 2]);
          if (c === 1) regs[a + 3] = first;
          else storeResults(regs, a + 3, first, c);
          const v = regs[a + 3];
          if (v !== undefined) {
            regs[a + 2] = v;
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if ((F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 34: {
          // SETLIST A B C: R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          let c = (i >>> 14) & 0x1ff;
          if (c === 0) c = code[pc++] >>> 0;
          const t = regs[a] as LuaTable;
          const n = b !== 0 ? b : top - a - 1;
          // Into the array part, nils included, as lvm.c does (table.ts setList).
          t.setList((c - 1) * FIELDS_PER_FLUSH, regs, a + 1, n);
          continue;
        }
        case 35: // CLOSE A: close upvalues of registers >= A
          if (open !== undefined) closeUpvalues(open, (i >>> 6) & 0xff);
          continue;
        case 36: {
          // CLOSURE A Bx: R(A) := closure(KPROTO[Bx]), upvalues from the MOVE/GETUPVAL after it
          const child = pp.protos[i >>> 14];
          chargeMemory(CLOSURE_BYTES);
          const nups = child.proto.nups;
          const captured = new Array<Upvalue>(nups);
          for (let j = 0; j < nups; j++) {
            const pseudo = code[pc++];
            if ((pseudo & 0x3f) === 4) captured[j] = ups[pseudo >>> 23];
            else {
              open ??= [];
              captured[j] = findUpvalue(open, regs, pseudo >>> 23);
            }
          }
          regs[(i >>> 6) & 0xff] = makeHookedClosure(child, captured, cl.env);
          continue;
        }
        case 37: {
          // VARARG A B: R(A), ..., R(A+B-2) = vararg
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          if (b === 0) {
            const n = varargs.length;
            for (let j = 0; j < n; j++) regs[a + j] = varargs[j];
            top = a + n;
          } else {
            for (let j = 0; j < b - 1; j++) regs[a + j] = varargs[j];
          }
          continue;
        }
        case 38: {
          // ADD with RK(C) a constant (specialise.ts)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x + y : add(x, y, sites[pc - 1]);
          continue;
        }
        case 39: {
          // SUB with RK(C) a constant (specialise.ts)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x - y : sub(x, y, sites[pc - 1]);
          continue;
        }
        case 40: {
          // MUL with RK(C) a constant (specialise.ts)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x * y : mul(x, y, sites[pc - 1]);
          continue;
        }
        case 41: {
          // DIV with RK(C) a constant (specialise.ts)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x / y : div(x, y, sites[pc - 1]);
          continue;
        }
        case 42: {
          // MOD with RK(C) a positive int32 constant: an int32 dividend's remainder is JS's
          // (made non-negative and +0), which equals luai_nummod's a - floor(a/b)*b
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff] as number;
          if (typeof x === "number") {
            if ((x | 0) === x) {
              const r = (x | 0) % (y | 0);
              regs[(i >>> 6) & 0xff] = r < 0 ? r + y : r + 0;
            } else regs[(i >>> 6) & 0xff] = luaMod(x, y);
          } else regs[(i >>> 6) & 0xff] = mod(x, y, sites[pc - 1]);
          continue;
        }
        case 43: {
          // ADD with two registers
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x + y : add(x, y, sites[pc - 1]);
          continue;
        }
        case 44: {
          // SUB with two registers
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x - y : sub(x, y, sites[pc - 1]);
          continue;
        }
        case 45: {
          // MUL with two registers
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x * y : mul(x, y, sites[pc - 1]);
          continue;
        }
        case 46: {
          // DIV with two registers
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          regs[(i >>> 6) & 0xff] =
            typeof x === "number" && typeof y === "number" ? x / y : div(x, y, sites[pc - 1]);
          continue;
        }
        case 47: {
          // GETFIELD A B C: R(A) := R(B)[K(C)], K(C) a string
          const o = regs[i >>> 23];
          const key = k[(i >>> 14) & 0xff] as string;
          if (o instanceof LuaTable) {
            const v = o.hash[key];
            regs[(i >>> 6) & 0xff] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1]);
          } else regs[(i >>> 6) & 0xff] = index(o, key, sites[pc - 1]);
          continue;
        }
        case 48: {
          // SETFIELD A B C: R(A)[K(B)] := RK(C), K(B) a string
          const t = regs[(i >>> 6) & 0xff];
          const key = k[(i >>> 23) & 0xff] as string;
          const c = (i >>> 14) & 0x1ff;
          const v = c & 0x100 ? k[c & 0xff] : regs[c];
          if (t instanceof LuaTable) {
            const hash = t.hash;
            if (hash[key] !== undefined) {
              hash[key] = v;
              continue;
            }
            if (t.mt === undefined) {
              t.set(key, v);
              continue;
            }
          }
          setIndex(t, key, v, sites[pc - 1]);
          continue;
        }
        case 49: {
          // SELF A B C with K(C) a string: R(A+1) := R(B); R(A) := R(B)[K(C)]
          const a = (i >>> 6) & 0xff;
          const o = regs[i >>> 23];
          const key = k[(i >>> 14) & 0xff] as string;
          regs[a + 1] = o;
          if (o instanceof LuaTable) {
            const v = o.hash[key];
            regs[a] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1]);
          } else regs[a] = index(o, key, sites[pc - 1]);
          continue;
        }
        case 50: {
          // EQ with R(B) and K(C)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          if ((x === y || equals(x, y)) === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 51: {
          // LT with R(B) and K(C)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          const r =
            typeof x === "number" && typeof y === "number" ? x < y : lessThan(x, y, sites[pc - 1]);
          if (r === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 52: {
          // LE with R(B) and K(C)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          const r =
            typeof x === "number" && typeof y === "number"
              ? x <= y
              : lessEqual(x, y, sites[pc - 1]);
          if (r === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 53: {
          // LT with K(B) and R(C)
          const x = k[(i >>> 23) & 0xff];
          const y = regs[(i >>> 14) & 0x1ff];
          const r =
            typeof x === "number" && typeof y === "number" ? x < y : lessThan(x, y, sites[pc - 1]);
          if (r === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        case 54: {
          // LE with K(B) and R(C)
          const x = k[(i >>> 23) & 0xff];
          const y = regs[(i >>> 14) & 0x1ff];
          const r =
            typeof x === "number" && typeof y === "number"
              ? x <= y
              : lessEqual(x, y, sites[pc - 1]);
          if (r === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0 && fuelOut()) yield SLICE_OVER as LuaValue[];
          } else pc++;
          continue;
        }
        default:
          throw new Error(`bad opcode ${i & 0x3f}`);
      }
    }
  }
}
