// Step-wise execution (docs/architecture.md, "Sandboxing"): a host runs a Lua function as a
// task, one slice of fuel at a time (one slice per animation frame).
//
// A task is a coroutine whose body the host resumes. Each `step(fuel)` starts a slice
// (budget.ts beginSlice) and resumes it; when the slice's fuel is spent, the next fuel check in
// resumable code running on the task's own thread yields SLICE_OVER, which `step` reports as
// "sliced", and the next step resumes right there. Compile a task's code with the `task` option
// (every function gets a resumable form) so that it can stop anywhere; code that cannot suspend
// (library callbacks, metamethods, nested coroutines, functions without a resumable form) runs on
// to its next suspendable check, borrowing from the total budget.

import { resumeThread, runningThread } from "../coroutine/thread.js";
import { enterTypeMetatables, leaveTypeMetatables, type TypeMetatables } from "../metatable.js";
import { type LuaFunction, LuaThread, type LuaValue } from "../value.js";
import {
  type Budget,
  beginSlice,
  endSlice,
  enterBudget,
  leaveBudget,
  SLICE_OVER,
} from "./budget.js";
import { restoreFrameState, saveFrameState } from "./frames.js";

/**
 * What one step did: the task finished (with its results), yielded (`coroutine.yield` in the
 * task's body, with the values), ran out of its slice, or raised a Lua error (the error value).
 * A budget running out is not a result: `step` throws the BudgetError.
 */
export type StepResult =
  | { status: "finished"; values: LuaValue[] }
  | { status: "yielded"; values: LuaValue[] }
  | { status: "sliced" }
  | { status: "error"; error: LuaValue };

export class LuaTask {
  private readonly thread: LuaThread;
  private args: LuaValue[];
  private started = false;

  /** `budget` is the total the task may use over all its steps (a state's budget, shared). */
  constructor(
    fn: LuaFunction,
    args: LuaValue[] = [],
    private readonly budget?: Budget,
    /** The type metatables of the state the task belongs to (in force during each step). */
    private readonly metatables?: TypeMetatables,
  ) {
    this.thread = new LuaThread(fn);
    this.args = args;
  }

  /** "suspended" between steps, "dead" once finished or failed. */
  get status(): string {
    return this.thread.status;
  }

  /**
   * Runs the task for at most about `fuel` units (a Lua function's entry or a loop iteration is
   * one, a VM instruction is one). `args` are what a pending `coroutine.yield` returns.
   */
  step(fuel: number, ...args: LuaValue[]): StepResult {
    if (this.thread.status === "dead") return { status: "error", error: "cannot resume dead task" };
    const resumeArgs = this.started ? args : this.args;
    this.started = true;
    const saved = enterBudget(this.budget);
    const frames = saveFrameState();
    const thread = this.thread;
    const metatables = this.metatables;
    const previousMetatables = metatables && enterTypeMetatables(metatables);
    beginSlice(fuel, () => runningThread() === thread);
    let values: LuaValue[];
    try {
      values = resumeThread(thread, resumeArgs);
    } catch (e) {
      // A budget ran out (resumeThread restored the frame state first); the task is over.
      thread.status = "dead";
      restoreFrameState(frames);
      throw e;
    } finally {
      endSlice();
      leaveBudget(saved);
      if (metatables && previousMetatables) leaveTypeMetatables(metatables, previousMetatables);
    }
    if (values === SLICE_OVER) return { status: "sliced" };
    if (values[0] !== true) return { status: "error", error: values[1] };
    const results = values.slice(1);
    return thread.status === "dead"
      ? { status: "finished", values: results }
      : { status: "yielded", values: results };
  }
}
