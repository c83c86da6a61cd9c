// Budgets for untrusted scripts (docs/architecture.md, "Sandboxing"): fuel (an instruction
// count), memory (bytes Lua asks to allocate) and wall-clock time.
//
// Fuel. Code compiled with budget checks decrements `F.fuel` at every loop back-edge and
// function entry (`if (--F.fuel < 0) fuelOut()`); the VM does so per instruction, the pattern
// matcher per backtracking step. `F.fuel` stays a small integer (a V8 Smi): the budget is handed
// to it in chunks, and each refill is where the total budget, the task's slice and the clock
// are checked. With no budget active the chunk is 2^30, so checks cost a decrement and a
// compare.
//
// Memory. `chargeMemory(bytes)` is called *before* Lua allocates (string results, table
// growth, closures and coroutines in budget-compiled code): a request that would go over the
// budget is refused with `not enough memory`. JS gives no hook when memory is freed, so the
// charges add up what a script allocates, not what it holds. When they reach the budget and the
// host gave a live-heap measure (`liveHeap`, e.g. the CLI's forced full GC), the heap is
// measured: if the script holds less than its budget the count restarts from what it holds
// (garbage is forgiven), otherwise the request is refused. Without a measure (browsers) the
// budget bounds the lifetime total. See `memoryOut` for the guards.
//
// Running out throws a BudgetError: not a Lua error value, so `errorValueOf` (which every pcall,
// xpcall and resume goes through) rethrows it and the script cannot swallow it. It is also
// sticky: every later check throws it again until the host leaves the budget.

import { BudgetError, type BudgetKind } from "./budget-error.js";

export { BudgetError, type BudgetKind };

/** The messages, one line each (the CLI prints `lunette: <message>`). */
const MESSAGES: Record<BudgetKind, string> = {
  fuel: "fuel budget exhausted",
  memory: "not enough memory",
  time: "time limit exceeded",
};

/** The counter that compiled code and the VM decrement. */
export const F = { fuel: 1 << 30 };

/** The largest refill: keeps F.fuel a Smi and bounds how long the clock goes unread. */
const MAX_CHUNK = 1 << 30;
/** With a deadline, the clock is read every TIME_CHUNK units of fuel. */
const TIME_CHUNK = 1 << 14;
/** Fuel lent to direct-form code that cannot suspend when a task's slice ends. */
const OVERDRAFT = 1 << 10;

/**
 * What a Lua state (or the CLI) allows; numbers are totals, Infinity means unlimited. A budget
 * object is live: `enterBudget` loads it into the counters and `leaveBudget` stores what is left.
 */
export interface Budget {
  fuel: number;
  /** Bytes left before the next charge is refused (or the live heap is measured). */
  memory: number;
  /** Absolute deadline (Date.now() milliseconds). */
  deadline: number;
  /** The memory budget as given (`maxMemory`). */
  maxMemory: number;
  /** The host's live-heap measure, and its reading when the budget was made. */
  liveHeap?: LiveHeapMeasure;
  baseline: number;
}

/**
 * A host's measure of the bytes live in its heap right now (after a full collection). Node:
 * compiler/src/cli/budget-flags.ts `nodeLiveHeapMeasure`. It must not run Lua code.
 */
export type LiveHeapMeasure = () => number;

export interface BudgetOptions {
  fuel?: number;
  maxMemory?: number;
  maxTime?: number;
  liveHeap?: LiveHeapMeasure;
}

export function createBudget(options: BudgetOptions = {}): Budget {
  const maxMemory = options.maxMemory ?? Infinity;
  // A measure only matters with a finite memory budget; its baseline is the heap the host
  // holds before the script runs (runtime, libraries, the host's own data).
  const liveHeap = maxMemory === Infinity ? undefined : options.liveHeap;
  return {
    fuel: options.fuel ?? Infinity,
    memory: maxMemory,
    deadline: options.maxTime === undefined ? Infinity : Date.now() + options.maxTime,
    maxMemory,
    liveHeap,
    baseline: liveHeap === undefined ? 0 : liveHeap(),
  };
}

/** Counters of the budget in force (module state: one script runs at a time). */
let fuelLeft = Infinity; // fuel not yet handed to F.fuel
/**
 * Bytes left, in an object field rather than a module `let`: the field holds an unboxed
 * double that V8 updates in place, where a `let` holding a double (Infinity with no budget)
 * would allocate a heap number on every charge.
 */
const memory = { left: Infinity };
let deadline = Infinity;
let exhausted: BudgetError | undefined;

/**
 * A running task's slice (runtime/src/sandbox/task.ts): the fuel left in it, and whether the
 * code running now can suspend (it runs on the task's own thread).
 */
let sliceLeft = Infinity;
let canSuspend: (() => boolean) | undefined;

function fail(kind: BudgetKind): never {
  exhausted ??= new BudgetError(kind, MESSAGES[kind]);
  F.fuel = -1;
  memory.left = -1;
  throw exhausted;
}

/**
 * Called when F.fuel goes below zero. Refills it from the budget (checking the clock), or
 * throws the BudgetError. Returns true when a task's slice is over and the caller can suspend
 * (only resumable code running on the task's own thread can: compiled code then yields
 * SLICE_OVER); code that cannot suspend gets a small overdraft and runs on to the next check.
 */
export function fuelOut(): boolean {
  if (exhausted !== undefined) throw exhausted;
  if (deadline !== Infinity && Date.now() > deadline) fail("time");
  if (fuelLeft <= 0) fail("fuel");
  if (sliceLeft <= 0) {
    const suspend = canSuspend?.() === true;
    const lent = Math.min(OVERDRAFT, fuelLeft);
    fuelLeft -= lent;
    F.fuel = lent - 1;
    return suspend;
  }
  let size = Math.min(deadline === Infinity ? MAX_CHUNK : TIME_CHUNK, fuelLeft, sliceLeft);
  const fire = countHook.fire;
  if (fire !== undefined && size > countHook.every) size = countHook.every;
  fuelLeft -= size;
  if (sliceLeft !== Infinity) sliceLeft -= size;
  F.fuel = size - 1; // this call is the first unit of the new chunk
  if (fire !== undefined) fire();
  return false;
}

/**
 * A count hook (debug.sethook(f, mask, n), lib/count-hook.ts) over budget-compiled code: while
 * `fire` is set, fuel is handed out `every` units at a time and each refill calls `fire` (the
 * hook may throw, e.g. to stop a runaway loop).
 */
export const countHook: { every: number; fire: (() => void) | undefined } = {
  every: 0,
  fire: undefined,
};

/**
 * Sets (or, with `fire` undefined, removes) the count hook. The unspent chunk goes back to the
 * budget; with a hook, the first `every` units are handed out at once (the first event comes
 * after them, as lua5.1's hookcount starts full).
 */
export function setCountHook(every: number, fire: (() => void) | undefined): void {
  countHook.every = Math.max(1, Math.min(every, MAX_CHUNK));
  countHook.fire = fire;
  if (exhausted !== undefined) return;
  const unspent = Math.max(F.fuel, 0);
  fuelLeft += unspent;
  if (sliceLeft !== Infinity) sliceLeft += unspent;
  F.fuel = -1;
  const size = fire === undefined ? 0 : Math.min(countHook.every, fuelLeft, sliceLeft);
  if (size > 0) {
    fuelLeft -= size;
    if (sliceLeft !== Infinity) sliceLeft -= size;
    F.fuel = size - 1;
  }
}

/** Charges `bytes` that Lua is about to allocate; refuses them (`not enough memory`) past the budget. */
export function chargeMemory(bytes: number): void {
  if ((memory.left -= bytes) < 0) memoryOut(bytes);
}

/** `chargeMemory` in expression position: compiled code wraps new tables and closures in it. */
export function charged<T>(value: T, bytes: number): T {
  if ((memory.left -= bytes) < 0) memoryOut(bytes);
  return value;
}

/**
 * The least headroom, as a fraction of the budget, that a measure must find: a script holding
 * more than 7/8 of its budget is out of memory. Each measure is a full collection; without this
 * margin a script living just under its budget would collect every few allocations.
 */
const MIN_HEADROOM = 1 / 8;

/**
 * The charges reached the budget while asking for `bytes` (already subtracted). With the host's
 * live-heap measure, the count restarts from what the script holds if that leaves enough room;
 * otherwise (or with no measure) the request is refused.
 */
function memoryOut(bytes: number): void {
  if (exhausted !== undefined) throw exhausted;
  const budget = current;
  const measure = budget?.liveHeap;
  // A single request larger than the whole budget is refused without measuring.
  if (budget === undefined || measure === undefined || bytes > budget.maxMemory) fail("memory");
  const held = Math.max(measure() - budget.baseline, 0);
  const left = budget.maxMemory - held - bytes;
  if (left < budget.maxMemory * MIN_HEADROOM) fail("memory");
  memory.left = left;
}

/** Estimated sizes (V8, 64-bit, pointer compression) used for charging. */
export const SIZE = {
  table: 64,
  closure: 64,
  coroutine: 1024,
  /** Per array slot or hash entry of a table. */
  slot: 16,
  /** A string's header; its bytes are one per character. */
  string: 16,
} as const;

/** Charges a string of `length` characters about to be made. */
export function chargeString(length: number): void {
  const bytes = length + SIZE.string;
  if ((memory.left -= bytes) < 0) memoryOut(bytes);
}

/** The counters saved by `enterBudget`, restored by `leaveBudget`. */
export interface SavedCounters {
  budget: Budget | undefined;
  fuel: number;
  fuelLeft: number;
  memoryLeft: number;
  deadline: number;
  exhausted: BudgetError | undefined;
  sliceLeft: number;
  canSuspend: (() => boolean) | undefined;
}

let current: Budget | undefined;

/**
 * Puts `budget` in force (for a state's run or call); returns what to give `leaveBudget`.
 * Budgets nest: a host function called from one state may run another state.
 */
/** The budget Lua code runs under now (undefined: none). */
export function currentBudget(): Budget | undefined {
  return current;
}

export function enterBudget(budget: Budget | undefined): SavedCounters {
  const saved: SavedCounters = {
    budget: current,
    fuel: F.fuel,
    fuelLeft,
    memoryLeft: memory.left,
    deadline,
    exhausted,
    sliceLeft,
    canSuspend,
  };
  if (current !== undefined) storeInto(current);
  current = budget;
  fuelLeft = budget?.fuel ?? Infinity;
  memory.left = budget?.memory ?? Infinity;
  deadline = budget?.deadline ?? Infinity;
  exhausted = undefined;
  sliceLeft = Infinity;
  canSuspend = undefined;
  F.fuel = -1; // the first check refills (and reads the clock)
  return saved;
}

/** Stores what is left of the budget in force into it and restores the saved counters. */
export function leaveBudget(saved: SavedCounters): void {
  if (current !== undefined) storeInto(current);
  current = saved.budget;
  F.fuel = saved.fuel;
  fuelLeft = saved.fuelLeft;
  memory.left = saved.memoryLeft;
  deadline = saved.deadline;
  exhausted = saved.exhausted;
  sliceLeft = saved.sliceLeft;
  canSuspend = saved.canSuspend;
}

function storeInto(budget: Budget): void {
  if (exhausted !== undefined) {
    if (exhausted.kind === "fuel") budget.fuel = 0;
    if (exhausted.kind === "memory") budget.memory = 0;
    return;
  }
  budget.fuel = fuelLeft + Math.max(F.fuel, 0);
  budget.memory = memory.left;
}

/**
 * Starts a task slice of `fuel` units (task.ts); `suspendable` tells whether the running code is
 * the task's own. The slice's fuel also counts against the budget in force.
 */
export function beginSlice(fuel: number, suspendable: () => boolean): void {
  // Unspent fuel of the current chunk goes back to the budget before the slice starts.
  fuelLeft += Math.max(F.fuel, 0);
  sliceLeft = fuel;
  canSuspend = suspendable;
  F.fuel = -1;
}

/** Ends the slice; unspent fuel goes back to the budget. */
export function endSlice(): void {
  if (exhausted === undefined) fuelLeft += Math.max(F.fuel, 0);
  sliceLeft = Infinity;
  canSuspend = undefined;
  if (exhausted === undefined) F.fuel = -1;
}

/** The budget error in force, if the budget ran out. */
export function budgetExhausted(): BudgetError | undefined {
  return exhausted;
}

/** What compiled resumable code yields when a task's slice is over (`yield SLICE_OVER`). */
export const SLICE_OVER: readonly unknown[] = Object.freeze([true]);
