// The error that ends a script whose budget ran out (budget.ts). It is not a Lua error value:
// errorValueOf (runtime/src/errors.ts) rethrows it, so pcall, xpcall and resume cannot catch it.

export type BudgetKind = "fuel" | "memory" | "time";

/** Hosts catch it with `instanceof BudgetError`; `kind` says which budget ran out. */
export class BudgetError extends Error {
  constructor(
    readonly kind: BudgetKind,
    message: string,
  ) {
    super(message);
    this.name = "BudgetError";
  }
}
