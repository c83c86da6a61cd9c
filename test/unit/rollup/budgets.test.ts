// @lunette/rollup-plugin's `budgets` and `task` options: bundled Lua modules compiled with fuel
// checks and memory charges run under a LuaState's budgets, and as tasks stepped by fuel.
// Expected values from lua5.1: worker.sum(1000) → 500500, worker.sum(100000) → 5000050000.
// The bundles import the built runtime (runtime/dist): run `npm run build` first.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { describe, expect, test } from "vitest";
import lunette from "../../../rollup-plugin/src/index.js";
import type { LunetteOptions } from "../../../rollup-plugin/src/options.js";

const fixture = fileURLToPath(new URL("./fixtures/budgets/", import.meta.url));

/** The fixture bundled with `options`; returns the bundle's exports and its code. */
async function bundle(options: LunetteOptions): Promise<{ main: any; code: string }> {
  const build = await rollup({
    input: join(fixture, "main.js"),
    plugins: [lunette({ cwd: fixture, path: "./lua/?.lua", ...options }), nodeResolve()],
    onwarn: (warning, warn) => {
      if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
    },
  });
  const file = join(mkdtempSync(join(tmpdir(), "lunette-budgets-")), "bundle.js");
  const { output } = await build.write({ file, format: "es" });
  await build.close();
  return { main: await import(pathToFileURL(file).href), code: output[0].code };
}

/** The compiled `M.sum` with a fuel check before its loop (the runtime's own checks aside). */
const SUM_WITH_CHECK = /function sum\$\d+\(n\) \{[^}]*--F\.fuel/;

/** What a call ended with: its value, or the error's name and message. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : e;
  }
}

describe("budgets: true", () => {
  test("bundled code runs under a state's fuel and memory budgets", async () => {
    const { main, code } = await bundle({ budgets: true });
    expect(code).toMatch(SUM_WITH_CHECK);
    expect(main.callWorker({ fuel: 1e6 }, "sum", 1000)).toBe(500500);
    expect(outcome(() => main.callWorker({ fuel: 1e5 }, "spin"))).toBe(
      "BudgetError: fuel budget exhausted",
    );
    expect(outcome(() => main.callWorker({ maxMemory: 1e6 }, "hoard"))).toBe(
      "BudgetError: not enough memory",
    );
    expect(outcome(() => main.callWorker({ maxTime: 100 }, "spin"))).toBe(
      "BudgetError: time limit exceeded",
    );
  });

  test("without the option, bundled code has no checks", async () => {
    const { code } = await bundle({});
    expect(code).toMatch(/function sum\$\d+\(n\)/);
    expect(code).not.toMatch(SUM_WITH_CHECK);
  });
});

describe("task: true", () => {
  test("a bundled function runs as a task, one slice of fuel per step", async () => {
    const { main } = await bundle({ task: true });
    const { state, worker } = main.workerState({});
    const task = state.task(worker.sum, 100000);
    const steps: { statuses: string[]; values?: unknown[] } = { statuses: [] };
    for (let i = 0; i < 100; i++) {
      const r = task.step(10000);
      steps.statuses.push(r.status);
      if (r.status !== "sliced") {
        steps.values = r.values;
        break;
      }
    }
    // 100000 iterations in slices of 10000: about ten slices, then the result.
    expect(steps.statuses.length).toBeGreaterThanOrEqual(10);
    expect(steps.statuses.length).toBeLessThanOrEqual(12);
    expect(steps.statuses.at(-1)).toBe("finished");
    expect(steps.values).toEqual([5000050000]);
  });
});

test("the options are checked", () => {
  expect(() => lunette({ budgets: "yes" } as never)).toThrow(
    "@lunette/rollup-plugin: option 'budgets' must be a boolean",
  );
  expect(() => lunette({ task: 1 } as never)).toThrow(
    "@lunette/rollup-plugin: option 'task' must be a boolean",
  );
});
