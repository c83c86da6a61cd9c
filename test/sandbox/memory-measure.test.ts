// The memory budget with the CLI's live-heap measure (runtime/src/sandbox/budget.ts memoryOut,
// compiler/src/cli/budget-flags.ts nodeLiveHeapMeasure): garbage is forgiven when the charges
// reach the budget, data the script holds is not.

import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as runtime from "@lunette/runtime";
import { expect, test } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, "../../compiler/dist/cli/main.js");

function lunette(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "latin1", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const MB20 = String(20 * 2 ** 20);

test("a script making 100+ MB of garbage under a 20 MB budget finishes", () => {
  const r = lunette("--max-memory", MB20, resolve(here, "memory/garbage.lua"));
  expect(r).toEqual({ status: 0, stdout: "done\t800000\t1004\n", stderr: "" });
});

test("the same script holding its data dies with not enough memory", () => {
  const r = lunette("--max-memory", MB20, resolve(here, "memory/holding.lua"));
  expect(r).toEqual({ status: 1, stdout: "", stderr: "lunette: not enough memory\n" });
});

test("on the VM too", () => {
  const ok = lunette("--vm", "--max-memory", MB20, resolve(here, "memory/garbage.lua"));
  expect(ok.status).toBe(0);
  const bomb = lunette("--vm", "--max-memory", MB20, resolve(here, "memory/holding.lua"));
  expect(bomb.stderr).toBe("lunette: not enough memory\n");
});

test("a single request larger than the whole budget is refused without measuring", () => {
  let measured = 0;
  const budget = runtime.createBudget({
    maxMemory: 1000,
    liveHeap: () => {
      measured++;
      return 0;
    },
  });
  expect(measured).toBe(1); // the baseline
  const saved = runtime.enterBudget(budget);
  try {
    expect(() => runtime.chargeMemory(2000)).toThrow("not enough memory");
  } finally {
    runtime.leaveBudget(saved);
  }
  expect(measured).toBe(1);
});

test("without a measure the budget bounds the lifetime total", () => {
  const saved = runtime.enterBudget(runtime.createBudget({ maxMemory: 1000 }));
  try {
    for (let i = 0; i < 9; i++) runtime.chargeMemory(100);
    expect(() => runtime.chargeMemory(200)).toThrow("not enough memory");
  } finally {
    runtime.leaveBudget(saved);
  }
});

test("a measure restarts the count from the held bytes, and refuses past 7/8 of the budget", () => {
  let held = 0;
  const saved = runtime.enterBudget(
    runtime.createBudget({ maxMemory: 1000, liveHeap: () => 5000 + held }),
  );
  try {
    for (let i = 0; i < 30; i++) runtime.chargeMemory(100); // garbage: 3000 bytes charged
    held = 850; // the script now holds more than 7/8 of its budget
    expect(() => {
      for (let i = 0; i < 30; i++) runtime.chargeMemory(100);
    }).toThrow("not enough memory");
  } finally {
    runtime.leaveBudget(saved);
  }
});
