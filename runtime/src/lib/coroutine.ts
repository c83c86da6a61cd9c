// The coroutine library (lbaselib.c's co_funcs, manual §5.2) and the resumable forms of the
// library functions that call Lua code and may be suspended with it: pcall and xpcall (yielding
// across them is beyond 5.1, as in Lua 5.2+ and LuaJIT). See runtime/src/coroutine/thread.ts.

import {
  resumeStep,
  resumeThread,
  runningThread,
  yieldAcrossBoundary,
  yieldResumable,
} from "../coroutine/thread.js";
import { LuaError } from "../errors.js";
import { cSite } from "../levels.js";
import { metamethod } from "../metatable.js";
import { typeError } from "../ops/describe.js";
import { protectedFailure, xpcallFailure } from "../ops/handler.js";
import { cStackOverflow } from "../ops/stack.js";
import type { ResumableBody } from "../ops/tail.js";
import { chargeMemory } from "../sandbox/budget.js";
import { siteOperandA } from "../sites.js";
import { MAX_C_CALLS, R, ret0, ret1, retN, S } from "../state.js";
import type { LuaTable } from "../table.js";
import { type LuaFunction, LuaThread, type LuaValue } from "../value.js";
import { argError, checkAny, libraryCallee, where } from "./args.js";

/** Bytes charged to the memory budget per coroutine (a generator and its frame copy). */
const COROUTINE_BYTES = 1024;

type MaybeResumable = LuaFunction & { co?: ResumableBody; env?: LuaTable };
type Resumable<F> = F & { co: ResumableBody };

/** Results `head, ...values`. */
function prependValues(head: LuaValue, values: LuaValue[]): LuaValue {
  const out = new Array<LuaValue>(values.length + 1);
  out[0] = head;
  for (let i = 0; i < values.length; i++) out[i + 1] = values[i];
  return retN(out);
}

/** Results `head, <all results of the call that returned first>` (reads R). */
function prependResults(head: LuaValue, first: LuaValue): LuaValue {
  const n = R.n;
  if (n === 0) return ret1(head);
  if (n === 1) return retN([head, first]);
  return prependValues(head, R.v);
}

function checkThread(v: LuaValue, fname: string): LuaThread {
  if (v instanceof LuaThread) return v;
  argError(1, fname, "coroutine expected");
}

/** A Lua function (luaB_cocreate: `Lua function expected`). */
function checkLuaFunction(v: LuaValue, fname: string): LuaFunction {
  if (typeof v === "function" && (v as MaybeResumable).env !== undefined) return v;
  argError(1, fname, "Lua function expected");
}

function create(...args: LuaValue[]): LuaValue {
  const body = checkLuaFunction(args[0], "create");
  chargeMemory(COROUTINE_BYTES);
  return ret1(new LuaThread(body));
}

function resume(co: LuaValue, ...args: LuaValue[]): LuaValue {
  const thread = checkThread(co, "resume");
  return retN(resumeThread(thread, args));
}

const yield_ = ((..._values: LuaValue[]): LuaValue => yieldAcrossBoundary()) as Resumable<
  (...values: LuaValue[]) => LuaValue
>;
yield_.co = yieldResumable;

function status(...args: LuaValue[]): LuaValue {
  const thread = checkThread(args[0], "status");
  return ret1(thread.status);
}

function running(): LuaValue {
  return ret1(runningThread());
}

function wrap(...args: LuaValue[]): LuaValue {
  const body = checkLuaFunction(args[0], "wrap");
  chargeMemory(COROUTINE_BYTES);
  const thread = new LuaThread(body);
  // auxwrap: errors propagate, a string one prefixed with the caller's position.
  const wrapped = (...resumeArgs: LuaValue[]): LuaValue => {
    const values = resumeStep(thread, resumeArgs);
    if (!Array.isArray(values)) return ret1(values); // one value yielded
    if (values[0] === true) {
      // Drop the leading `true` without copying in the common one-value case.
      const n = values.length - 1;
      if (n === 1) return ret1(values[1]);
      return n === 0 ? ret0() : retN(values.slice(1));
    }
    let error = values[1];
    if (typeof error === "string" || typeof error === "number") error = where(1) + error;
    // The wrap function is a C function in lua5.1: tracebacks show it as `[C]: in function
    // 'gen'`, named from the call site.
    throw new LuaError(error, S.site, libraryCallee(S.site)?.name ?? "");
  };
  return ret1(wrapped);
}

/**
 * Calls `f` from resumable code: its resumable form when it has one, else directly; a non-function
 * goes through `__call` (the resumable `call` of ops/call.ts).
 */
export function* callResumable(
  f: LuaValue,
  site: number,
  ...args: LuaValue[]
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  S.site = site;
  let callee = f as MaybeResumable;
  if (typeof f !== "function") {
    const handler = metamethod(f, "__call");
    // named from the call site, as ops/call.ts `call` does ("attempt to call local 'f'")
    if (typeof handler !== "function") typeError(f, "call", siteOperandA(site), site);
    callee = handler as MaybeResumable;
    args.unshift(f);
  }
  return callee.co !== undefined ? yield* callee.co(...args) : callee(...args);
}

/** pcall's resumable form: a yield inside `f` suspends through the pcall. */
function* pcallResumable(...args: LuaValue[]): Generator<LuaValue[], LuaValue, LuaValue[]> {
  checkAny(args.length, 1, "pcall");
  const depth = S.depth;
  const site = S.site;
  const cCalls = S.cCalls;
  try {
    S.site = cSite(site); // pcall is a stack level: its own errors have no Lua position
    if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
    const first = yield* callResumable(args[0], S.site, ...args.slice(1));
    S.cCalls--;
    return prependResults(true, first);
  } catch (e) {
    return retN([false, protectedFailure(e, depth, site, cCalls)]);
  }
}

/** xpcall's resumable form (the handler runs in direct form, before the stack unwinds). */
function* xpcallResumable(...args: LuaValue[]): Generator<LuaValue[], LuaValue, LuaValue[]> {
  checkAny(args.length, 2, "xpcall");
  const [f, handler] = args;
  const depth = S.depth;
  const site = S.site;
  const cCalls = S.cCalls;
  try {
    S.site = cSite(site); // as in pcall
    if (++S.cCalls >= MAX_C_CALLS) cStackOverflow();
    const first = yield* callResumable(f, S.site);
    S.cCalls--;
    return prependResults(true, first);
  } catch (e) {
    return prependResults(false, xpcallFailure(handler, e, depth, site, cCalls));
  }
}

/** Installs `coroutine` into G and gives G's pcall/xpcall their resumable forms. */
export function openCoroutine(G: LuaTable): Record<string, LuaFunction> {
  const pcall = G.get("pcall") as MaybeResumable | undefined;
  if (typeof pcall === "function") pcall.co = pcallResumable;
  const xpcall = G.get("xpcall") as MaybeResumable | undefined;
  if (typeof xpcall === "function") xpcall.co = xpcallResumable;
  return { create, resume, running, status, wrap, yield: yield_ };
}
