// The Lua 5.1 bytecode interpreter (lvm.c's luaV_execute) over Lunette's runtime values.
//
// A VM closure IS a Lua function of the common calling convention (docs/architecture.md):
// a JS function taking its arguments as JS arguments, returning its first result with the
// count in R.n (all of them in R.v when two or more), carrying its environment in `env`, and
// pushing a frame on S like compiled code (so error levels, getfenv/setfenv and tracebacks see
// it). Compiled code, library functions and VM code therefore call each other directly.
//
// Each activation owns a fresh JS array of registers (its arguments array, grown to
// maxstacksize). An upvalue is a (array, index) pair: open, it points into the frame's
// registers; closed (OP_CLOSE), it points into a one-slot array of its own. A frame's array
// is never reused after the frame returns, but RETURN and TAILCALL still close its open
// upvalues (luaF_close, as lvm.c does): an open one would keep the whole register array,
// every value in it, alive for as long as the closure lives.
//
// Dispatch is one switch over the opcode with numeric cases; operands are decoded inline.
// Slow paths (metamethods, coercions, errors) are the runtime's, called with a site id that
// is registered lazily per instruction (sites.ts). Calls to other VM closures in tail
// position reuse this JS frame (proper tail calls, lvm.c's OP_TAILCALL).

import {
  add,
  callValue,
  charged,
  chargeMemory,
  chargeString,
  concat,
  div,
  equals,
  F as FUEL,
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
  S,
  setIndex,
  stackOverflow,
  sub,
  unm,
} from "@lunette/runtime";
import { VARARG_NEEDSARG } from "../proto.js";
import { executeEntry } from "./execute-entry.js";
import { resumableBody } from "./execute-resumable.js";
import { getField, setLiveField, setNewField } from "./field-slots.js";
import {
  argTable,
  blankFrame,
  calleeRegisters,
  closeUpvalues,
  FIELDS_PER_FLUSH,
  findUpvalue,
  invoke,
  NO_VALUES,
  SBX_BIAS,
  storeResults,
  tailSite,
  type Upvalue,
  type VmFunction,
} from "./frame.js";
import { FUSED, SECOND_OP } from "./fuse.js";
import { indexMiss } from "./index-miss.js";
import { callNumericLeaf, enterNumericLoop, MIN_TRIPS, NOT_RUN } from "./numeric-kernel.js";
import { concatSite, type PreparedProto, registerProto } from "./sites.js";

/** The fuel counter, bound once (module-runner getters can fail at the JS stack's limit). */
const F = FUEL;

export type { Upvalue, VmFunction };

/** luaF_newLclosure: a VM closure of `proto` with its upvalues and environment. */
export function makeClosure(proto: PreparedProto, upvalues: Upvalue[], env: LuaTable): VmFunction {
  // Called from outside the VM: the entry form (same code, its own V8 compile; see
  // vm/scripts/derive-interpreters.mjs). VM code calls `execute` directly.
  const f = function lua(...args: LuaValue[]): LuaValue {
    return executeEntry(f, f.proto.vararg ? args : calleeRegisters(f, args, 0, args.length));
  } as VmFunction;
  f.env = env;
  f.proto = proto;
  f.upvalues = upvalues;
  f.co = resumableBody;
  if (proto.definition === 0) registerProto(proto);
  // Level-based getfenv/setfenv and tracebacks find a frame's function from its sites.
  lastClosures[proto.definition] = f;
  return f;
}

/** Bytes charged to the memory budget for a new table and a new closure (sandbox/budget.ts). */
export const TABLE_BYTES = 64;
export const CLOSURE_BYTES = 64;

/** luaV_execute: runs closure `cl` on `args` (which become its registers). */
export function execute(closure: VmFunction, args: LuaValue[]): LuaValue {
  const d = ++S.depth;
  if (d > MAX_DEPTH) stackOverflow();
  S.callSites[d] = S.site;
  let cl = closure;
  let regs = args;
  tail: for (;;) {
    // Fuel (runtime sandbox/budget.ts): one unit per instruction, charged in bulk: one at
    // function entry, and a loop body's length at its backward jump (JMP, FORLOOP, TFORLOOP).
    if (--F.fuel < 0) fuelOut();
    const pp = cl.proto;
    const code = pp.ops;
    const k = pp.constants;
    const sites = pp.sites;
    const slots = pp.fieldSlots;
    const ups = cl.upvalues;
    // A fixed-parameter function's registers come ready (calleeRegisters); a vararg one's
    // arguments are split here into parameters and varargs (luaD_precall's adjust_varargs).
    let varargs = NO_VALUES;
    if (pp.vararg) {
      const p = pp.proto;
      const np = p.numparams;
      const given = regs.length;
      const frame = blankFrame(pp);
      for (let j = 0; j < np && j < given; j++) frame[j] = regs[j];
      if (given > np) varargs = regs.slice(np);
      if (p.is_vararg & VARARG_NEEDSARG) frame[np] = argTable(varargs);
      regs = frame;
    }
    let open: Upvalue[] | undefined;
    let top = 0;
    let pc = 0;
    dispatch: for (;;) {
      const i = code[pc++];
      // The first result of a fused pair (fuse.ts), for the second instruction below the switch.
      let acc: number;
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
          const slot = slots[pc - 1];
          const v = getField(env.hash, key, slot) as LuaValue;
          regs[(i >>> 6) & 0xff] = v !== undefined ? v : indexMiss(env, key, sites[pc - 1], slot);
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
              regs[(i >>> 6) & 0xff] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1], 0);
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
          const slot = slots[pc - 1];
          if (setLiveField(env.hash, key, v, slot)) continue;
          if (env.mt === undefined) setNewField(env, key, v, slot);
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
            regs[a] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1], 0);
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
          let joined = regs[c];
          for (let r = c - 1; r >= b; r--) {
            const x = regs[r];
            if (typeof x === "string" && typeof joined === "string") {
              chargeString(x.length + joined.length); // the memory budget (runtime sandbox/budget.ts)
              joined = x + joined;
            } else joined = concat(x, joined, concatSite(pp, pc - 1, r));
          }
          regs[(i >>> 6) & 0xff] = joined;
          continue;
        }
        case 22: {
          // JMP sBx; a backward jump charges the loop body's instructions
          const sbx = (i >>> 14) - SBX_BIAS;
          pc += sbx;
          if (sbx < 0) {
            if ((F.fuel += sbx) < 0) fuelOut();
            // A while loop of numbers only runs unboxed (numeric-loops.ts markLoopJumps, A = 1)
            const loop = i & 0x3fc0 ? pp.numericLoops[pc - sbx - 1] : undefined;
            if (loop !== undefined) {
              let to = enterNumericLoop(loop, regs, pc, true);
              while (to < 0) to = enterNumericLoop(loop, regs, ~to, false);
              pc = to;
            }
          }
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
              if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
          if (typeof fn === "function" && (fn as VmFunction).proto !== undefined) {
            // A VM callee runs on a copy of the argument registers, without its JS wrapper: a
            // fixed-parameter callee's whole frame (frame.ts calleeRegisters, inlined here).
            const callee = fn as VmFunction;
            const cp = callee.proto;
            // A function of numbers only runs without a frame (numeric-kernel.ts): nothing in
            // it can fail or look at its level.
            const leaf = cp.numericLeaf;
            const ran = leaf === undefined ? NOT_RUN : callNumericLeaf(leaf, regs, a + 1, n, d);
            if (ran !== NOT_RUN) first = ran;
            else {
              let args: LuaValue[];
              if (cp.vararg) args = regs.slice(a + 1, a + 1 + n);
              else {
                args = blankFrame(cp);
                const m = Math.min(n, cp.numparams);
                for (let j = 0; j < m; j++) args[j] = regs[a + 1 + j];
              }
              first = execute(callee, args);
              args = NO_VALUES; // not kept alive by this frame (weak tables, gc/weak_values.lua)
            }
          } else first = invoke(fn, regs, a + 1, n, site);
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
            if (typeof handler === "function" && (handler as VmFunction).proto !== undefined) {
              for (let j = a + n; j >= a; j--) regs[j + 1] = regs[j];
              fn = handler;
              n++;
            }
          }
          // A function of numbers only runs without a frame (numeric-kernel.ts), as a call
          // followed by RETURN: nothing in it can see the levels a tail call drops.
          const leaf = typeof fn === "function" ? (fn as VmFunction).proto?.numericLeaf : undefined;
          const returned = leaf === undefined ? NOT_RUN : callNumericLeaf(leaf, regs, a + 1, n, d);
          if (returned !== NOT_RUN) {
            if (open !== undefined) closeUpvalues(open, 0);
            S.depth = d - 1;
            return returned;
          }
          if (typeof fn === "function" && (fn as VmFunction).proto !== undefined) {
            // A VM callee reuses this frame: constant JS stack and S.depth. The levels lost
            // are lua5.1's "(tail call)" (frame.ts tailSite, as compiled tail calls count them).
            // lua5.1 enters the callee before it drops the caller (luaD_precall, then
            // OP_TAILCALL moves the frame down), so a tail call at the depth limit overflows.
            if (d >= MAX_DEPTH) stackOverflow();
            cl = fn as VmFunction;
            const cp = cl.proto;
            if (cp.vararg) regs = regs.slice(a + 1, a + 1 + n);
            else {
              // frame.ts calleeRegisters, inlined as in CALL
              const args = blankFrame(cp);
              const m = Math.min(n, cp.numparams);
              for (let j = 0; j < m; j++) args[j] = regs[a + 1 + j];
              regs = args;
            }
            S.callSites[d] = tailSite(d);
            if (open !== undefined) closeUpvalues(open, 0);
            continue tail;
          }
          if (typeof fn === "function" && (fn as VmFunction).env !== undefined) {
            // A compiled Lua callee replaces this frame, as compiled tail calls do.
            const callArgs = regs.slice(a + 1, a + 1 + n);
            if (open !== undefined) closeUpvalues(open, 0);
            S.site = tailSite(d);
            S.depth = d - 1;
            return fn(...callArgs);
          }
          // A library callee runs as a call followed by RETURN (lvm.c: precall ran it).
          const first = invoke(fn, regs, a + 1, n, site);
          if (open !== undefined) closeUpvalues(open, 0);
          S.depth = d - 1;
          return first;
        }
        case 30: {
          // RETURN A B: return R(A), ..., R(A+B-2)
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          const n = b !== 0 ? b - 1 : top - a;
          S.depth = d - 1;
          if (open !== undefined) closeUpvalues(open, 0);
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
            if ((F.fuel += sbx) < 0) fuelOut();
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
          // A loop of numbers only runs unboxed (numeric-loops.ts, numeric-kernel.ts)
          const loop = pp.numericLoops[pc];
          if (loop !== undefined && (limit - init) / step >= MIN_TRIPS) {
            let to = enterNumericLoop(loop, regs, pc, true);
            while (to < 0) to = enterNumericLoop(loop, regs, ~to, false);
            pc = to;
          }
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
              ? fn(regs[a + 1], regs[a + 2])
              : callValue(fn, regs[a + 1], regs[a + 2]);
          if (c === 1) regs[a + 3] = first;
          else storeResults(regs, a + 3, first, c);
          const v = regs[a + 3];
          if (v !== undefined) {
            regs[a + 2] = v;
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if ((F.fuel += sbx) < 0) fuelOut();
          } else pc++;
          continue;
        }
        case 34: {
          // SETLIST A B C: R(A)[(C-1)*FPF+i] := R(A+i), 1 <= i <= B
          const a = (i >>> 6) & 0xff;
          const b = i >>> 23;
          let c = (i >>> 14) & 0x1ff;
          if (c === 0) c = code[pc++] >>> 0;
          const t = regs[a];
          const n = b !== 0 ? b : top - a - 1;
          // Into the array part, nils included, as lvm.c does (table.ts setList).
          if (t instanceof LuaTable) t.setList((c - 1) * FIELDS_PER_FLUSH, regs, a + 1, n);
          // Only a corrupted chunk gets here (lvm.c assumes the table of the NEWTABLE before,
          // and luaG_checkcode does not check it): a Lua error from the first store, not a crash.
          else if (n > 0) setIndex(t, (c - 1) * FIELDS_PER_FLUSH + 1, regs[a + 1], sites[pc - 1]);
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
            else if (open === undefined) {
              // The frame's first open upvalue: a one-element literal (an empty array would
              // be grown on its first push)
              const u: Upvalue = { v: regs, i: pseudo >>> 23 };
              open = [u];
              captured[j] = u;
            } else captured[j] = findUpvalue(open, regs, pseudo >>> 23);
          }
          regs[(i >>> 6) & 0xff] = makeClosure(child, captured, cl.env);
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
            const slot = slots[pc - 1];
            const v = getField(o.hash, key, slot) as LuaValue;
            regs[(i >>> 6) & 0xff] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1], slot);
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
            const slot = slots[pc - 1];
            if (setLiveField(t.hash, key, v, slot)) continue;
            if (t.mt === undefined) {
              setNewField(t, key, v, slot);
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
            const slot = slots[pc - 1];
            const v = getField(o.hash, key, slot) as LuaValue;
            regs[a] = v !== undefined ? v : indexMiss(o, key, sites[pc - 1], slot);
          } else regs[a] = index(o, key, sites[pc - 1]);
          continue;
        }
        case 50: {
          // EQ with R(B) and K(C). A constant is never a table, so no __eq applies (lvm.c
          // luaV_equalval tries it for two tables or two userdata only): raw equality, each
          // kind of constant compared in its own way so that V8 compiles each comparison for
          // one type (numbers by value, strings by contents, nil and booleans by reference).
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          const eq =
            typeof y === "number"
              ? typeof x === "number" && x === y
              : typeof y === "string"
                ? typeof x === "string" && x === y
                : y === undefined
                  ? x === undefined
                  : y === true
                    ? x === true
                    : x === false;
          if (eq === (((i >>> 6) & 0xff) !== 0)) {
            // the JMP after it; backward, it closes a loop (while, repeat): charge the body
            const sbx = (code[pc] >>> 14) - SBX_BIAS;
            pc += sbx + 1;
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
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
            if (sbx < 0 && (F.fuel += sbx) < 0) fuelOut();
          } else pc++;
          continue;
        }
        case 55: {
          // ADD_RK, fused with the next instruction (fuse.ts)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x + y;
            break;
          }
          regs[(i >>> 6) & 0xff] = add(x, y, sites[pc - 1]);
          continue;
        }
        case 56: {
          // SUB_RK, fused
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x - y;
            break;
          }
          regs[(i >>> 6) & 0xff] = sub(x, y, sites[pc - 1]);
          continue;
        }
        case 57: {
          // MUL_RK, fused
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x * y;
            break;
          }
          regs[(i >>> 6) & 0xff] = mul(x, y, sites[pc - 1]);
          continue;
        }
        case 58: {
          // DIV_RK, fused
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x / y;
            break;
          }
          regs[(i >>> 6) & 0xff] = div(x, y, sites[pc - 1]);
          continue;
        }
        case 59: {
          // MOD_RK, fused (the remainder as in case 42)
          const x = regs[i >>> 23];
          const y = k[(i >>> 14) & 0xff] as number;
          if (typeof x === "number") {
            if ((x | 0) === x) {
              const r = (x | 0) % (y | 0);
              acc = r < 0 ? r + y : r + 0;
            } else acc = luaMod(x, y);
            break;
          }
          regs[(i >>> 6) & 0xff] = mod(x, y, sites[pc - 1]);
          continue;
        }
        case 60: {
          // ADD_RR, fused
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x + y;
            break;
          }
          regs[(i >>> 6) & 0xff] = add(x, y, sites[pc - 1]);
          continue;
        }
        case 61: {
          // SUB_RR, fused
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x - y;
            break;
          }
          regs[(i >>> 6) & 0xff] = sub(x, y, sites[pc - 1]);
          continue;
        }
        case 62: {
          // MUL_RR, fused
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x * y;
            break;
          }
          regs[(i >>> 6) & 0xff] = mul(x, y, sites[pc - 1]);
          continue;
        }
        case 63: {
          // DIV_RR, fused
          const x = regs[i >>> 23];
          const y = regs[(i >>> 14) & 0x1ff];
          if (typeof x === "number" && typeof y === "number") {
            acc = x / y;
            break;
          }
          regs[(i >>> 6) & 0xff] = div(x, y, sites[pc - 1]);
          continue;
        }
        default:
          throw new Error(`bad opcode ${i & 0x3f}`);
      }
      // The rest of a fused chain (fuse.ts): `acc` is the result of the instruction before
      // pc, meant for its register T (`into`), which the next instruction reads as B or C:
      // ADD, SUB, MUL or DIV (any operand kinds), or MOD by a positive int32 constant. While
      // its other operand is a number it runs here, and its own result goes on down the chain
      // when it is itself fused with the next. Otherwise T gets `acc` and the instruction runs
      // on its own.
      let into = (i >>> 6) & 0xff;
      for (;;) {
        const j = code[pc];
        const op = SECOND_OP[j & 0x3f]; // 0..3: ADD, SUB, MUL, DIV; 4: MOD by a constant
        let r: number;
        if (j >>> 23 === into) {
          const c = (j >>> 14) & 0x1ff;
          const y = c & 0x100 ? k[c & 0xff] : regs[c];
          if (typeof y !== "number") break;
          if (op !== 4) r = op === 0 ? acc + y : op === 1 ? acc - y : op === 2 ? acc * y : acc / y;
          else if ((acc | 0) === acc) {
            // as in case 42
            const m = (acc | 0) % (y | 0);
            r = m < 0 ? m + y : m + 0;
          } else r = luaMod(acc, y);
        } else {
          const b = j >>> 23;
          const x = b & 0x100 ? k[b & 0xff] : regs[b];
          if (typeof x !== "number") break;
          r = op === 0 ? x + acc : op === 1 ? x - acc : op === 2 ? x * acc : x / acc;
        }
        pc++;
        into = (j >>> 6) & 0xff;
        if ((j & 0x3f) < FUSED) {
          regs[into] = r;
          continue dispatch;
        }
        acc = r;
      }
      regs[into] = acc;
    }
  }
}
