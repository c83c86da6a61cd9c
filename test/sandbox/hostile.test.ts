// Hostile scripts (test/sandbox/hostile/*.lua): each tries to hang or exhaust the host. Under
// small budgets each must end with a clean error (a BudgetError of the kind its first line
// expects, or a Lua error), within bounded time and memory, and a new state must work after it.
// Every script runs compiled (with budget checks) and on the bytecode VM.
//
// First line: `-- expect: K1 K2` where each K is fuel, memory, time or error (any of them).

import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as runtime from "@lunette/runtime";
import { loadVmChunk } from "@lunette/vm";
import { compileFunctionBody } from "lunette";
import { describe, expect, test } from "vitest";

const dir = resolve(dirname(fileURLToPath(import.meta.url)), "hostile");
const BUDGET = { fuel: 2_000_000, maxMemory: 4_000_000, maxTime: 5_000 };
/** What one script may cost the host (well above the budget, far below trouble). */
const HOST_TIME_MS = 8_000;
const HOST_HEAP_GROWTH = 512 * 2 ** 20;

type Mode = "compiled" | "vm";
type Outcome = { kind: runtime.BudgetKind | "error" | "finished"; message?: string };

function loader(source: string, name: string, mode: Mode): runtime.ChunkLoad {
  if (mode === "vm") return (env) => loadVmChunk(source, name, env);
  const code = compileFunctionBody(source, name, { budgets: true });
  return new Function("$rt", code)(runtime);
}

function run(
  source: string,
  name: string,
  mode: Mode,
  options: runtime.LuaStateOptions = BUDGET,
): Outcome {
  const state = new runtime.LuaState({ ...options, sandbox: true, stdout: () => {} });
  try {
    state.run(loader(source, name, mode));
    return { kind: "finished" };
  } catch (e) {
    if (e instanceof runtime.BudgetError) return { kind: e.kind, message: e.message };
    if (e instanceof Error && e.name !== "RangeError" && e.name !== "TypeError")
      return { kind: "error", message: e.message };
    throw e; // a JS failure that leaked out of Lua
  }
}

/** The frame state's counters (depth, C calls, ...) at the top level. */
const topLevel = () =>
  Object.fromEntries(Object.entries(runtime.S).filter(([, v]) => typeof v === "number"));
const TOP_LEVEL = topLevel();

/** A fresh state afterwards runs normally, and the frame state is back at the top level. */
function healthyAfter(mode: Mode): void {
  expect({ ...topLevel(), site: 0 }).toEqual({ ...TOP_LEVEL, site: 0 });
  expect(runtime.runningThread()).toBeUndefined();
  const out = run(
    "local t = {} for i = 1, 100 do t[i] = i end assert(#t == 100 and pcall(error) == false)",
    "=after",
    mode,
  );
  expect(out).toEqual({ kind: "finished" });
}

const scripts = readdirSync(dir).filter((f) => f.endsWith(".lua"));

describe.each(["compiled", "vm"] as const)("hostile scripts (%s)", (mode) => {
  test.each(scripts)("%s", (file) => {
    const source = readFileSync(resolve(dir, file), "latin1");
    const expected = /^-- expect: (.*)$/m.exec(source)![1]!.split(" ");
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outcome = run(source, `@${file}`, mode);
    expect(expected, `${file}: ${outcome.kind} ${outcome.message ?? ""}`).toContain(outcome.kind);
    expect(performance.now() - started).toBeLessThan(HOST_TIME_MS);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(HOST_HEAP_GROWTH);
    healthyAfter(mode);
  });

  test("the wall-clock limit ends a loop without a fuel budget", () => {
    const started = performance.now();
    const outcome = run("while true do end", "=time", mode, { maxTime: 100 });
    expect(outcome.kind).toBe("time");
    expect(performance.now() - started).toBeLessThan(2_000);
    healthyAfter(mode);
  });
});

describe("budgets", () => {
  test("a budget error leaves another state's budget alone", () => {
    const rich = new runtime.LuaState({ fuel: 1_000_000, stdout: () => {} });
    const poor = new runtime.LuaState({ fuel: 1_000, stdout: () => {} });
    rich.run(loader("function spin(n) for i = 1, n do end return n end", "=rich", "compiled"));
    poor.run(loader("function spin() while true do end end", "=poor", "compiled"));
    expect(() => poor.call("spin")).toThrow(runtime.BudgetError);
    expect(rich.call("spin", 10_000)).toBe(10_000);
    expect(rich.budget!.fuel).toBeLessThan(1_000_000 - 10_000);
    expect(rich.budget!.fuel).toBeGreaterThan(1_000_000 - 20_000);
  });

  test("a Lua function handed to JS runs under its state's budget however JS calls it", () => {
    const state = new runtime.LuaState({ fuel: 100_000, stdout: () => {} });
    const [m] = state.run(
      loader(
        "local m = {} function m.spin() while true do end end " +
          "function m.count(n) local s = 0 for i = 1, n do s = s + i end return s end " +
          "m.nested = { spin = m.spin } return m",
        "=handed",
        "compiled",
      ),
    );
    expect(m.count(100)).toBe(5050); // calls through the wrapper work and are counted
    const left = state.budget!.fuel;
    expect(left).toBeLessThan(100_000);
    expect(() => m.spin()).toThrow(runtime.BudgetError);
    expect(() => m.nested.spin()).toThrow(runtime.BudgetError);
    expect(() => runtime.invoke(m, "spin")).toThrow(runtime.BudgetError);
    expect(() => state.get("print")("still works")).not.toThrow();
    expect({ ...topLevel(), site: 0 }).toEqual({ ...TOP_LEVEL, site: 0 });
  });

  test("a JS callback calling back into the same state keeps counting its fuel", () => {
    const state = new runtime.LuaState({ fuel: 1_000_000, stdout: () => {} });
    state.run(loader("function work(n) for i = 1, n do end return n end", "=work", "compiled"));
    const work = state.get("work");
    state.set("viaJs", (n: number) => work(n));
    const before = state.budget!.fuel;
    state.run(loader("for i = 1, 10 do viaJs(10000) end", "=calls", "compiled"));
    expect(before - state.budget!.fuel).toBeGreaterThan(100_000);
  });

  test("memory is refused before it is allocated, and pcall cannot catch it", () => {
    const state = new runtime.LuaState({ maxMemory: 1_000_000, stdout: () => {} });
    const source = 'local ok = pcall(string.rep, "x", 2e6) return "caught"';
    expect(() => state.run(loader(source, "=rep", "compiled"))).toThrow("not enough memory");
  });

  test("without budgets, the compiled code has no checks", () => {
    const code = compileFunctionBody("while true do local t = {} end", "=plain");
    expect(code).not.toMatch(/fuel|charged/);
    const checked = compileFunctionBody("while true do local t = {} end", "=checked", {
      budgets: true,
    });
    expect(checked).toMatch(/--F\.fuel < 0/);
    expect(checked).toMatch(/charged\(new LuaTable/);
  });
});

describe("sandbox profile", () => {
  const probe = (source: string): unknown[] => {
    const state = new runtime.LuaState({ sandbox: true, stdout: () => {} });
    return state.run(loader(source, "=probe", "compiled"));
  };

  test("reach: no io, debug, file loaders; os only time, clock, date", () => {
    expect(
      probe(
        "return io, debug, dofile, loadfile, package.loadlib, #package.loaders, os.exit, os.getenv, type(os.time), type(os.clock), type(os.date)",
      ),
    ).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      undefined,
      undefined,
      "function",
      "function",
      "function",
    ]);
  });

  test("binary chunks are refused", () => {
    expect(probe('return loadstring("\\27Lua\\81\\0")')).toEqual([
      undefined,
      "attempt to load a binary chunk (mode is 't')",
    ]);
    expect(
      probe(
        'local done return load(function() if not done then done = true return "\\27Lua" end end)',
      ),
    ).toEqual([undefined, "attempt to load a binary chunk (mode is 't')"]);
  });

  test("getfenv/setfenv only on functions the script owns", () => {
    expect(
      probe(`
        local function mine() return x end
        setfenv(mine, {x = 42})
        local a = pcall(setfenv, print, {})
        local b = pcall(getfenv, 0)
        local c = pcall(getfenv, string.format)
        return mine(), a, b, c, getfenv(1) == _G`),
    ).toEqual([42, false, false, false, true]);
  });
});

describe("tasks", () => {
  const source = `
    function work(n)
      local s = 0
      for i = 1, n do s = s + i end
      local got = coroutine.yield("half", s)
      local function fib(k) if k < 2 then return k end return fib(k - 1) + fib(k - 2) end
      return fib(12), got
    end
    function spin() while true do end end
    function spinNumbers() local x = 0 for i = 1, math.huge do x = x + i % 3 end end`;

  const tasked = (mode: Mode, options: runtime.LuaStateOptions = {}) => {
    const state = new runtime.LuaState({ ...options, stdout: () => {} });
    const load: runtime.ChunkLoad =
      mode === "vm"
        ? (env) => loadVmChunk(source, "=task", env)
        : new Function("$rt", compileFunctionBody(source, "=task", { task: true }))(runtime);
    state.run(load);
    return state;
  };

  test.each(["compiled", "vm"] as const)(
    "a task runs in slices, yields and finishes (%s)",
    (mode) => {
      const state = tasked(mode);
      const task = state.task("work", 1000);
      const seen: string[] = [];
      let result: runtime.StepResult;
      let steps = 0;
      for (;;) {
        result = task.step(100, "resumed");
        steps++;
        if (result.status !== "sliced") seen.push(result.status);
        if (result.status === "finished" || result.status === "error" || steps > 10_000) break;
      }
      expect(seen).toEqual(["yielded", "finished"]);
      expect(result).toEqual({ status: "finished", values: [144, "resumed"] });
      // 1000 loop iterations in slices of about 100: at least ten steps before the yield.
      expect(steps).toBeGreaterThan(10);
    },
  );

  // On the VM both loops run in the numeric kernel (numeric-kernel.ts: `while true do end`
  // from its backward jump, spinNumbers' for loop of arithmetic from its FORPREP), whose
  // slices must end too.
  test.each([
    ["compiled", "spin"],
    ["vm", "spin"],
    ["compiled", "spinNumbers"],
    ["vm", "spinNumbers"],
  ] as const)("an endless task is sliced, then its budget ends it (%s, %s)", (mode, name) => {
    const state = tasked(mode, { fuel: 50_000 });
    const task = state.task(name);
    for (let i = 0; i < 10; i++) expect(task.step(1_000)).toEqual({ status: "sliced" });
    expect(() => {
      for (let i = 0; i < 100; i++) task.step(1_000);
    }).toThrow(runtime.BudgetError);
    expect(task.status).toBe("dead");
    expect(runtime.S.depth).toBe(0);
  });
});
