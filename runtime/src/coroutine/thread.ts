// Coroutines (Lua 5.1 §2.11, lcorolib in lbaselib.c): resume and yield.
//
// A coroutine runs the *resumable form* of its body: the generator method `f.co` that the
// compiler emits beside every Lua function that may yield (docs/architecture.md, "Coroutines
// and tail calls"). `yield` in resumable code is `yield* coroutine.yield.co(...)`, which yields
// the array of values out of the whole `yield*` chain to `resume`; resuming passes the
// resume arguments back in as the value of that `yield`. Each coroutine has its own frame
// stack (S.depth, S.callSites with its tail-call callers) and C-call count, swapped in by resume.

import { errorValueOf, LuaError } from "../errors.js";
import { TAIL_CALLERS } from "../levels.js";
import type { ResumableBody } from "../ops/tail.js";
import { BudgetError } from "../sandbox/budget-error.js";
import { MAX_C_CALLS, R, S } from "../state.js";
import { type LuaFunction, LuaThread, type LuaValue } from "../value.js";

export { LuaThread };

/** The running coroutine, or undefined when the main thread runs. */
let running: LuaThread | undefined;

export function runningThread(): LuaThread | undefined {
  return running;
}

/** lua5.1's text for a yield that cannot suspend the code between it and resume. */
export const YIELD_ACROSS_BOUNDARY = "attempt to yield across metamethod/C-call boundary";

type MaybeResumable = LuaFunction & { co?: ResumableBody };

/**
 * Resumes `co` with `args` (lua_resume via auxresume). Returns `[true, ...values yielded or
 * returned]`, or `[false, error value]` when the coroutine raised an error or cannot be
 * resumed: exactly coroutine.resume's results.
 */
export function resumeThread(co: LuaThread, args: LuaValue[]): LuaValue[] {
  const values = resumeStep(co, args);
  return Array.isArray(values) ? values : [true, values];
}

/**
 * resumeThread's work, returning what the coroutine yielded as it is: yields build their
 * arrays with the leading `true` already there (compiled code yields `[true, ...args]`), and
 * a yield of exactly one value yields that value alone (never a JS array, which no Lua value
 * is), so coroutine.wrap returns it without allocating anything.
 */
export function resumeStep(co: LuaThread, args: LuaValue[]): LuaValue[] | LuaValue {
  if (co.status !== "suspended") return [false, `cannot resume ${co.status} coroutine`];
  if (S.cCalls >= MAX_C_CALLS) return [false, "C stack overflow"];
  const previous = running;
  const depth = S.depth;
  const callSites = S.callSites;
  const site = S.site;
  const cCalls = S.cCalls;
  if (previous !== undefined) previous.status = "normal";
  running = co;
  co.status = "running";
  // The coroutine's frames go into the stack buffer of this resume nesting level.
  const level = nesting++;
  const stack = enterFrames(co, level);
  S.depth = co.depth;
  S.callSites = stack;
  S.cCalls = cCalls + 1; // lua_resume is a C call
  S.site = 0;
  let values: LuaValue[] | LuaValue;
  let fatal: BudgetError | undefined;
  try {
    let step: IteratorResult<LuaValue[], LuaValue>;
    const generator = co.generator;
    if (generator !== undefined) {
      step = generatorNext.call(generator, args);
    } else {
      const body = co.body as MaybeResumable;
      co.body = undefined;
      if (body.co === undefined) {
        // A body that cannot yield runs in direct form, to completion.
        step = { done: true, value: body(...args) };
      } else {
        co.generator = body.co(...args);
        step = generatorNext.call(co.generator, NO_ARGS);
      }
    }
    if (step.done) {
      co.status = "dead";
      values = withTrue(step.value);
    } else {
      co.status = "suspended";
      values = step.value;
    }
  } catch (e) {
    co.status = "dead";
    co.error = e;
    // A budget error passes through once the resumer's frame state is back (below).
    if (e instanceof BudgetError) fatal = e;
    values = fatal === undefined ? [false, errorValueOf(e)] : [];
  }
  // A suspended coroutine's frames stay in the buffer until another coroutine needs it.
  co.depth = S.depth;
  if (co.status === "dead") {
    poolOwners[level] = undefined;
    co.poolLevel = -1;
  }
  nesting--;
  S.depth = depth;
  S.callSites = callSites;
  S.site = site;
  S.cCalls = cCalls;
  running = previous;
  if (previous !== undefined) previous.status = "running";
  if (fatal !== undefined) throw fatal;
  return values;
}

const NO_ARGS: LuaValue[] = [];

/** `[true, ...all results of the call that returned first]` (reads R). */
function withTrue(first: LuaValue): LuaValue[] {
  const n = R.n;
  if (n === 1) return [true, first];
  if (n === 0) return [true];
  const all = R.v;
  const out = new Array<LuaValue>(n + 1);
  out[0] = true;
  for (let i = 0; i < n; i++) out[i + 1] = all[i];
  return out;
}

/**
 * %GeneratorPrototype%.next. Every closure of a generator function has its own `prototype`, so
 * the generators of 10,000 coroutines have 10,000 maps and `generator.next` would be a
 * megamorphic lookup on each resume; calling the one `next` directly avoids it.
 */
const generatorNext = Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())).next as (
  this: Generator<LuaValue[], LuaValue, LuaValue[]>,
  value: LuaValue[],
) => IteratorResult<LuaValue[], LuaValue>;

/**
 * lua_resume's `C stack overflow` limit (LUAI_MAXCCALLS): resumes nest on the JS stack, and
 * lua5.1 counts each one as a C call (lua_setlevel passes the count to the coroutine).
 */

/** Frame stacks for running coroutines, one per resume nesting level (reused). */
const stackPool: Int32Array<ArrayBuffer>[] = [];
/**
 * The suspended coroutine whose frames `stackPool[level]` still holds: it yielded at that
 * level and nothing has needed the buffer since. Resuming it there again copies nothing (a
 * generator pulled in a loop); another coroutine first parks the owner's frames in the owner
 * (parkFrames).
 */
const poolOwners: (LuaThread | undefined)[] = [];
let nesting = 0;

/** Makes `stackPool[level]` hold `co`'s frames and returns it. */
function enterFrames(co: LuaThread, level: number): Int32Array<ArrayBuffer> {
  const stack = (stackPool[level] ??= new Int32Array(2 * TAIL_CALLERS));
  if (co.poolLevel === level) return stack;
  const owner = poolOwners[level];
  if (owner !== undefined) parkFrames(owner, stack);
  const depth = co.depth;
  if (co.poolLevel >= 0) {
    // Its frames are still in the buffer of the level it last yielded from.
    const from = stackPool[co.poolLevel]!;
    poolOwners[co.poolLevel] = undefined;
    for (let d = 1; d <= depth; d++) {
      stack[d] = from[d]!;
      stack[TAIL_CALLERS + d] = from[TAIL_CALLERS + d]!;
    }
  } else if (depth === 1) {
    stack[1] = co.site1;
    stack[TAIL_CALLERS + 1] = co.tailCaller1;
  } else if (depth > 1) {
    const saved = co.savedSites!;
    for (let d = 1; d <= depth; d++) {
      stack[d] = saved[d]!;
      stack[TAIL_CALLERS + d] = saved[depth + d]!;
    }
  }
  poolOwners[level] = co;
  co.poolLevel = level;
  return stack;
}

/**
 * Copies a suspended coroutine's frames out of `stack` into the thread: one frame's into
 * `site1`/`tailCaller1`, more into its own `savedSites`.
 */
function parkFrames(owner: LuaThread, stack: Int32Array): void {
  const top = owner.depth;
  owner.poolLevel = -1;
  if (top === 1) {
    owner.site1 = stack[1]!;
    owner.tailCaller1 = stack[TAIL_CALLERS + 1]!;
    return;
  }
  let keep = owner.savedSites;
  if (keep === undefined || keep.length <= 2 * top)
    keep = owner.savedSites = new Int32Array(2 * top + 8);
  for (let d = 1; d <= top; d++) {
    keep[d] = stack[d]!;
    keep[top + d] = stack[TAIL_CALLERS + d]!;
  }
}

/**
 * coroutine.yield called in direct form: nothing between it and resume can be suspended (a
 * library callback such as a sort comparator, a metamethod, or the main thread).
 */
export function yieldAcrossBoundary(): never {
  throw new LuaError(YIELD_ACROSS_BOUNDARY, 0);
}

/**
 * The values a resume passed back into a yield: sets R and returns the first. Compiled
 * resumable code yields inline when the callee is coroutine.yield (its `co` is yieldResumable):
 * `yieldResult(yield [args])`, saving a generator per yield.
 */
export function yieldResult(received: LuaValue[]): LuaValue {
  const n = received.length;
  R.n = n;
  if (n >= 2) R.v = received;
  return n === 0 ? undefined : received[0];
}

/** coroutine.yield's resumable form: suspends the whole `yield*` chain up to resume. */
export function* yieldResumable(
  ...values: LuaValue[]
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  if (running === undefined) yieldAcrossBoundary();
  values.unshift(true);
  const received = yield values;
  const n = received.length;
  R.n = n;
  if (n >= 2) R.v = received;
  return n === 0 ? undefined : received[0];
}
