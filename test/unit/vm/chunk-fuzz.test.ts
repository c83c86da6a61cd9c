// Corrupted binary chunks (lundump.c, ldebug.c's luaG_checkcode): a chunk with a few bytes
// changed either fails to load with lua5.1's kind of error (`bad header`, `unexpected end`,
// `bad code`, ... in precompiled chunk) or loads and runs as Lua: every failure is a Lua error,
// never a JS TypeError or a bad opcode leaking out of the interpreter, and a budget stops the
// chunks that loop or allocate without end. The chunks are Lunette's own (codegen + dump.ts)
// of corpus programs, so this runs without lua5.1; the mutations come from a fixed seed.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as runtime from "@lunette/runtime";
import { describe, expect, test } from "vitest";
import { compileToProto } from "../../../vm/src/codegen/index.js";
import { dumpProto } from "../../../vm/src/dump.js";
import { closureOf } from "../../../vm/src/load.js";
import { undump } from "../../../vm/src/undump.js";

const CORPUS = join(import.meta.dirname, "../../lua");
const MUTANTS_PER_CHUNK = Number(process.env.FUZZ_MUTANTS ?? 12);

/** The corpus programs that read no files and spawn nothing (their chunks are the inputs). */
function corpusSources(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  for (const dir of [
    "base",
    "control",
    "functions",
    "string",
    "tables",
    "metatables",
    "operators",
    "programs",
  ]) {
    let files: string[];
    try {
      files = readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith(".lua"));
    } catch {
      continue;
    }
    for (const f of files.sort().slice(0, 8)) {
      const source = readFileSync(join(CORPUS, dir, f), "latin1");
      if (/\b(io|os|require|dofile|loadfile)\b/.test(source)) continue;
      out.push({ name: `${dir}/${f}`, source });
    }
  }
  return out;
}

/** A small deterministic PRNG (xorshift32), so a failure names a reproducible mutant. */
function random(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** `chunk` with one to three bytes past the header replaced. */
function mutate(chunk: string, next: () => number): string {
  const bytes = chunk.split("");
  const count = 1 + Math.floor(next() * 3);
  for (let j = 0; j < count; j++) {
    const at = 12 + Math.floor(next() * (bytes.length - 12));
    bytes[at] = String.fromCharCode(Math.floor(next() * 256));
  }
  return bytes.join("");
}

type Outcome = "ran" | "load error" | "runtime error" | "budget";

/**
 * Loads and runs `chunk` under a small budget. Returns how it ended; throws an Error naming the
 * leak when a non-Lua exception (anything but a LuaError, a BudgetError or the JS stack's
 * RangeError, which the runtime reports as `stack overflow`) comes out.
 */
function runMutant(chunk: string): Outcome {
  let main: runtime.LuaFunction;
  try {
    main = closureOf(undump(chunk, "=fuzz"), runtime.createGlobals(runtime.createBufferHost()));
  } catch (e) {
    if (e instanceof runtime.LuaError && /in precompiled chunk$/.test(String(e.value)))
      return "load error";
    throw new Error(`load leaked ${describeError(e)}`);
  }
  const depth = runtime.S.depth;
  const saved = runtime.enterBudget(
    runtime.createBudget({ fuel: 200_000, maxMemory: 32 * 2 ** 20, maxTime: 2000 }),
  );
  try {
    main();
    return "ran";
  } catch (e) {
    if (e instanceof runtime.BudgetError) return "budget";
    if (e instanceof runtime.LuaError || e instanceof RangeError) return "runtime error";
    throw new Error(`run leaked ${describeError(e)}`);
  } finally {
    runtime.leaveBudget(saved);
    runtime.S.depth = depth;
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
}

describe("corrupted binary chunks", () => {
  const sources = corpusSources();

  test("the corpus gives chunks to corrupt", () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  test("every mutant fails to load or runs as Lua (no JS error leaks)", () => {
    const tally: Record<Outcome, number> = {
      ran: 0,
      "load error": 0,
      "runtime error": 0,
      budget: 0,
    };
    const leaks: string[] = [];
    sources.forEach(({ name, source }, index) => {
      const chunk = dumpProto(compileToProto(source, `@${name}`), index % 2 === 1);
      const next = random(0x9e3779b9 ^ (index * 7919));
      for (let m = 0; m < MUTANTS_PER_CHUNK; m++) {
        const mutant = mutate(chunk, next);
        try {
          tally[runMutant(mutant)]++;
        } catch (e) {
          leaks.push(`${name} mutant ${m}: ${describeError(e).split("\n")[0]}`);
        }
      }
    });
    expect(leaks).toEqual([]);
    // The mutants reach both the loader's checks and the interpreter.
    expect(tally["load error"]).toBeGreaterThan(0);
    expect(tally.ran + tally["runtime error"]).toBeGreaterThan(0);
  });
});

describe("SETLIST on a corrupted chunk", () => {
  test("a register that holds no table gives a Lua error, not a TypeError", () => {
    // `local t = {1}` with its NEWTABLE turned into LOADNIL: SETLIST then finds nil in R(0).
    const proto = compileToProto("local t = {1}", "=c");
    const code = proto.code as number[];
    expect(code[0] & 0x3f).toBe(10); // NEWTABLE 0 ...
    code[0] = 3; // LOADNIL 0 0
    const globals = runtime.createGlobals(runtime.createBufferHost());
    const main = closureOf(undump(dumpProto(proto, false), "=c"), globals);
    expect(() => main()).toThrow(runtime.LuaError);
    expect(() => main()).toThrow("c:1: attempt to index a nil value");
  });
});
