// The resumable form and the may-yield analysis (docs/architecture.md, "Coroutines and tail
// calls"): which functions get a generator companion, and that coroutines built from compiled
// code run on the runtime. Expected Lua output was taken from lua5.1.
import { describe, expect, test } from "vitest";
import { analyseMayYield } from "../../../compiler/src/analysis/may-yield.js";
import { NameGenerator, resolveScopes } from "../../../compiler/src/analysis/scope.js";
import { compile } from "../../../compiler/src/index.js";
import { parse } from "../../../frontend/src/parser.js";
import * as runtime from "../../../runtime/src/index.js";

/** Names of the functions (by `local function` name) that may yield. */
function yielding(source: string): string[] {
  const chunk = parse(source, "=t");
  const scope = resolveScopes(chunk, new NameGenerator());
  return [...analyseMayYield(chunk, scope)]
    .map((f) => (f.type === "Chunk" ? "(chunk)" : (f.name ?? "?")))
    .sort();
}

describe("may-yield analysis", () => {
  test("recursive leaf functions stay direct-only", () => {
    const source = `
      local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
      local function leaf(t) return t.x + 1 end
      return fib(10)`;
    expect(yielding(source)).toEqual([]);
  });

  test("calls of unknown functions, methods and iterators may yield", () => {
    const source = `
      local function g() return print() end
      local function m(o) return o:f() end
      local function it(t) for k in pairs(t) do end end
      local function caller() return g() end
      local function pure() return 1 end`;
    expect(yielding(source)).toEqual(["caller", "g", "it", "m"]);
  });

  test("a reassigned local is an unknown callee", () => {
    const source = `
      local function a() end
      local function b() return a() end
      a = print`;
    expect(yielding(source)).toEqual(["b"]);
  });
});

function run(source: string): string[] {
  const out: string[] = [];
  const host = runtime.createBufferHost();
  const G = runtime.createGlobals(host);
  const { code } = compile(source, { chunkName: "=t", format: "function" });
  const load = new Function("$rt", code)(runtime) as (env: unknown) => () => void;
  load(G)();
  out.push(...host.out.split("\n").filter((l) => l !== ""));
  return out;
}

describe("coroutines on compiled code", () => {
  test("values pass both ways through resume and yield", () => {
    const lines = run(`
      local co = coroutine.create(function(a, b)
        local c = coroutine.yield(a + b)
        local d, e = coroutine.yield(c * 2)
        return d + e
      end)
      print(coroutine.resume(co, 1, 2))
      print(coroutine.resume(co, 10))
      print(coroutine.resume(co, 3, 4))
      print(coroutine.status(co), coroutine.resume(co))`);
    expect(lines).toEqual([
      "true\t3",
      "true\t20",
      "true\t7",
      "dead\tfalse\tcannot resume dead coroutine",
    ]);
  });

  test("a function that cannot yield has no resumable form", () => {
    const { code } = compile("local function f(n) return n + 1 end\nreturn f(1)", {
      chunkName: "=t",
      format: "function",
    });
    expect(code).not.toContain("function*");
  });
});
