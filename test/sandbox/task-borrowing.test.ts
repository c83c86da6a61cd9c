// Tasks stepped by fuel (runtime/src/sandbox/task.ts) when the work happens where the task
// cannot always suspend: a Lua metamethod has a resumable form (compiled with `task`), so a
// slice can end inside it; a library callback (table.sort's comparator) runs in direct form,
// borrows fuel from the total budget while the slice is spent, and the task suspends at the
// first check after the library returns. Either way the total budget counts every unit.

import * as runtime from "@lunette/runtime";
import { compileFunctionBody } from "lunette";
import { expect, test } from "vitest";

const source = `
  calls = 0
  local slow = setmetatable({}, { __index = function(t, k)
    calls = calls + 1
    local s = 0
    for i = 1, 5000 do s = s + i end
    return s + k
  end })
  function through_index() return slow[1] end

  function through_sort()
    local t = {}
    for i = 1, 100 do t[i] = (i * 37) % 101 end
    table.sort(t, function(a, b)
      local s = 0
      for i = 1, 50 do s = s + i end
      return a < b
    end)
    sorted = true
    local s = 0
    for i = 1, 5000 do s = s + i end
    return t[1], t[100]
  end`;

function state(options: runtime.LuaStateOptions = {}): runtime.LuaState {
  const s = new runtime.LuaState({ ...options, stdout: () => {} });
  s.run(new Function("$rt", compileFunctionBody(source, "=borrow", { task: true }))(runtime));
  return s;
}

/** Steps `task` with slices of `fuel` until it is no longer sliced; returns the step count. */
function runSteps(
  task: runtime.LuaTask,
  fuel: number,
): { steps: number; last: runtime.StepResult } {
  for (let steps = 1; ; steps++) {
    const last = task.step(fuel);
    if (last.status !== "sliced" || steps > 10_000) return { steps, last };
  }
}

test("a slice can end inside a Lua metamethod", () => {
  const s = state();
  const { steps, last } = runSteps(s.task("through_index"), 500);
  // 5000 iterations of the __index loop in slices of 500, all within one metamethod call.
  expect(last).toEqual({ status: "finished", values: [12502501] });
  expect(s.get("calls")).toBe(1);
  expect(steps).toBeGreaterThanOrEqual(10);
});

test("a library callback borrows fuel; the task suspends after the library returns", () => {
  const s = state({ fuel: 1e7 });
  const before = s.budget!.fuel;
  const task = s.task("through_sort");
  // The first slice fills the table (about 100 units) and starts the sort; the comparator
  // cannot suspend, so the sort finishes in that step and the task is suspended right after it.
  expect(task.step(150)).toEqual({ status: "sliced" });
  expect(s.get("sorted")).toBe(true);
  const { last } = runSteps(task, 100);
  expect(last).toEqual({ status: "finished", values: [1, 100] });
  // Every comparator iteration was charged to the total budget: more than 100 comparisons of
  // 50 iterations each, far beyond the first slice.
  expect(before - s.budget!.fuel).toBeGreaterThan(100 * 50);
});

test("borrowing cannot exceed the total budget", () => {
  const s = state({ fuel: 3000 });
  const task = s.task("through_sort");
  expect(() => runSteps(task, 100)).toThrow("fuel budget exhausted");
});
