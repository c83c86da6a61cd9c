// The chunk: its main function (an implicit vararg function, Lua 5.1 §2.4.1), the site table
// registered once at load, and the module shape around them (docs/architecture.md):
//   esm:      import { ... } from "@lunette/runtime"; const $b = registerSites(...);
//             export default function load(env) { const main = function main$1(...va$) {...};
//             main.env = env; return main; }
//   function: const { ... } = $rt; const $b = registerSites(...); return function load(env) {...};

import type { Chunk } from "@lunette/frontend";
import { analyseMayYield } from "../analysis/may-yield.js";
import { NameGenerator, resolveScopes } from "../analysis/scope.js";
import { analyseUpvalues, wantsUpvalueAccess } from "../analysis/upvalues.js";
import type { ES } from "./builders.js";
import { LowerContext, SITE_BASE } from "./context.js";
import type { BudgetOptions } from "./fuel.js";
import { lowerFunctionBody } from "./functions.js";

export type ModuleFormat = "esm" | "function";

export const RUNTIME_MODULE = "@lunette/runtime";

export interface LoweredChunk {
  program: ES.Program;
  /** Runtime exports the code uses (sorted). */
  runtimeNames: string[];
}

/** The chunk name as given to load and the source text, kept for string.dump. */
export interface ChunkOrigin {
  chunkName: string;
  source: string;
}

export function lowerChunk(
  chunk: Chunk,
  format: ModuleFormat,
  origin: ChunkOrigin,
  options: BudgetOptions = {},
): LoweredChunk {
  const names = new NameGenerator();
  const scope = resolveScopes(chunk, names);
  // Before may-yield: setupvalue may replace any captured local (analysis/upvalues.ts).
  const upvalues = wantsUpvalueAccess(origin.source) ? analyseUpvalues(chunk, scope) : undefined;
  // A task suspends wherever its slice ends: every function gets a resumable form (fuel.ts).
  const mayYield = options.task ? new Set(scope.functions.keys()) : analyseMayYield(chunk, scope);
  const ctx = new LowerContext(scope, names, chunk.chunkName, mayYield);
  ctx.upvalues = upvalues;
  // A chunk that may set a count hook gets the fuel checks that drive it (runtime/src/lib/
  // count-hook.ts): they are compiled code's "instructions".
  ctx.budgets =
    options.budgets === true || options.task === true || origin.source.includes("sethook");
  const b = ctx.b;
  b.at = chunk.loc;
  const main = lowerFunctionBody(ctx, chunk);
  const mainResumable = ctx.mayYield.has(chunk) ? lowerFunctionBody(ctx, chunk, true) : undefined;

  b.at = chunk.loc;
  const loadBody: ES.Statement[] = [
    b.declare("const", [["main", main]]),
    b.expressionStatement(b.assign(b.member(b.id("main"), "env"), b.id("env"))),
    ...(mainResumable
      ? [b.expressionStatement(b.assign(b.member(b.id("main"), "co"), mainResumable))]
      : []),
    b.expressionStatement(ctx.recordClosure(ctx.definitionSites.get(chunk)!, b.id("main"))),
    b.returnStatement(b.id("main")),
  ];
  const load = b.functionExpression("load", [b.id("env")], loadBody);
  const siteTable = b.array(
    ctx.sites.map(([line, x, y]) =>
      b.array([
        b.num(line),
        ...(x !== undefined ? [b.str(x)] : []),
        ...(y !== undefined ? [b.str(y)] : []),
      ]),
    ),
  );
  const sites = b.declare("const", [
    [
      SITE_BASE,
      ctx.rtCall("registerSites", [
        b.str(chunk.chunkName),
        siteTable,
        b.array(ctx.siteFunctions.map((k) => b.num(k))),
        // string.dump recompiles a function from its chunk's source (runtime/src/dump.ts):
        // the chunk name, the source, and (site, line, column) of each function (-1: main).
        b.str(origin.chunkName),
        b.str(origin.source),
        b.array(
          [...ctx.definitionSites].flatMap(([node, k]) =>
            node.type === "Chunk"
              ? [b.num(k), b.num(0), b.num(-1)]
              : [b.num(k), b.num(node.loc.line), b.num(node.loc.column)],
          ),
        ),
      ]),
    ],
  ]);
  const runtimeNames = [...ctx.usedRuntime].sort();

  const body: (ES.Statement | ES.ModuleDeclaration)[] = [];
  if (format === "esm") {
    body.push({
      type: "ImportDeclaration",
      specifiers: runtimeNames.map((name) => ({
        type: "ImportSpecifier",
        imported: b.id(name),
        local: b.id(name),
      })),
      source: b.str(RUNTIME_MODULE),
      attributes: [],
    } as ES.ImportDeclaration);
    body.push(sites);
    body.push({
      type: "ExportDefaultDeclaration",
      declaration: { ...load, type: "FunctionDeclaration" } as ES.FunctionDeclaration,
    } as ES.ExportDefaultDeclaration);
  } else {
    body.push({
      type: "VariableDeclaration",
      kind: "const",
      declarations: [
        {
          type: "VariableDeclarator",
          id: {
            type: "ObjectPattern",
            properties: runtimeNames.map((name) => ({
              type: "Property",
              key: b.id(name),
              value: b.id(name),
              kind: "init",
              computed: false,
              method: false,
              shorthand: true,
            })),
          } as ES.ObjectPattern,
          init: b.id("$rt"),
        },
      ],
    });
    body.push(sites);
    body.push(b.returnStatement(load));
  }
  return {
    program: {
      type: "Program",
      sourceType: format === "esm" ? "module" : "script",
      body,
    } as ES.Program,
    runtimeNames,
  };
}
