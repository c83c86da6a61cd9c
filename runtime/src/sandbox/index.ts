// Sandboxing (docs/architecture.md, "Sandboxing"): budgets, the sandbox profile, tasks.

export {
  type Budget,
  BudgetError,
  type BudgetKind,
  type BudgetOptions,
  budgetExhausted,
  charged,
  chargeMemory,
  chargeString,
  createBudget,
  enterBudget,
  F,
  fuelOut,
  type LiveHeapMeasure,
  leaveBudget,
  SLICE_OVER,
} from "./budget.js";
export { applySandboxProfile } from "./profile.js";
export { LuaTask, type StepResult } from "./task.js";
