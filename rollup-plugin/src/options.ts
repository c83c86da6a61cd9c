// Options of @lunette/rollup-plugin, validated up front with messages that name the option.

import type { FilterPattern } from "@rollup/pluginutils";

export interface LunetteOptions {
  /** Files compiled as Lua (picomatch patterns, rollup's createFilter). Default: `**\/*.lua`. */
  include?: FilterPattern;
  /** Files left alone even when `include` matches them. */
  exclude?: FilterPattern;
  /**
   * Where `require("a.b")` looks at build time, in `package.path` syntax: `;`-separated
   * templates whose `?` is replaced by the module name with dots turned into slashes,
   * relative to `cwd`. Default: `./?.lua;./?/init.lua`.
   */
  path?: string;
  /** The directory `path` is relative to. Default: the Vite root, else process.cwd(). */
  cwd?: string;
  /** The module generated code imports the runtime from. Default: `@lunette/runtime`. */
  runtime?: string;
  /**
   * Compile with fuel checks and memory charges (docs/architecture.md, "Sandboxing"), so that a
   * `LuaState` with `fuel`, `maxMemory` or `maxTime` bounds the bundled modules' code.
   * Default: false (no checks, no cost).
   */
  budgets?: boolean;
  /**
   * Also give every function a resumable form, so that `state.task(fn).step(fuel)` can stop a
   * bundled function anywhere when its slice is spent. Implies `budgets`. Default: false.
   */
  task?: boolean;
}

export interface ResolvedOptions {
  include: FilterPattern;
  exclude: FilterPattern;
  path: string;
  cwd: string | undefined;
  runtime: string;
  budgets: boolean;
  task: boolean;
}

const KNOWN = new Set(["include", "exclude", "path", "cwd", "runtime", "budgets", "task"]);

function isPattern(v: unknown): boolean {
  const one = (x: unknown) => typeof x === "string" || x instanceof RegExp;
  return v === undefined || v === null || one(v) || (Array.isArray(v) && v.every(one));
}

/** Checks the options a user passed; throws an Error naming the first bad one. */
export function validateOptions(options: unknown): ResolvedOptions {
  if (options === undefined) options = {};
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new Error("@lunette/rollup-plugin: options must be an object");
  const o = options as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!KNOWN.has(key))
      throw new Error(
        `@lunette/rollup-plugin: unknown option '${key}' (known: ${[...KNOWN].join(", ")})`,
      );
  for (const key of ["include", "exclude"])
    if (!isPattern(o[key]))
      throw new Error(
        `@lunette/rollup-plugin: option '${key}' must be a string, a RegExp or an array of them`,
      );
  for (const key of ["path", "cwd", "runtime"])
    if (o[key] !== undefined && (typeof o[key] !== "string" || o[key] === ""))
      throw new Error(`@lunette/rollup-plugin: option '${key}' must be a non-empty string`);
  for (const key of ["budgets", "task"])
    if (o[key] !== undefined && typeof o[key] !== "boolean")
      throw new Error(`@lunette/rollup-plugin: option '${key}' must be a boolean`);
  return {
    include: (o.include as FilterPattern) ?? "**/*.lua",
    exclude: (o.exclude as FilterPattern) ?? null,
    path: (o.path as string | undefined) ?? "./?.lua;./?/init.lua",
    cwd: o.cwd as string | undefined,
    runtime: (o.runtime as string | undefined) ?? "@lunette/runtime",
    budgets: o.budgets === true || o.task === true,
    task: o.task === true,
  };
}
