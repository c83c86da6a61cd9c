// The shape of compiled output: module formats, imports limited to used runtime names, and a
// source map that leads from generated JS back to the Lua lines.

import { SourceMapConsumer } from "source-map";
import { describe, expect, test } from "vitest";
import { compile } from "../../../compiler/src/index.js";

describe("module formats", () => {
  test("esm imports only the runtime names it uses", () => {
    const { code } = compile("local a = 1\nreturn a", { chunkName: "@a.lua" });
    const imports = /^import \{([^}]*)\} from "@lunette\/runtime";/.exec(code);
    expect(imports).not.toBeNull();
    const names = imports![1]!.split(",").map((s) => s.trim());
    expect(names.sort()).toEqual(["R", "S", "lastClosures", "registerSites", "stackOverflow"]);
    expect(code).toContain("export default function load(env)");
    expect(code).not.toContain("concat");
  });

  test("arithmetic and concatenation import their slow paths", () => {
    const { code } = compile("local a, b = ...\nreturn a + b, a .. b", { chunkName: "@a.lua" });
    expect(code).toMatch(/import \{[^}]*\badd\b[^}]*\bconcat\b[^}]*\}/);
    expect(code).not.toMatch(/import \{[^}]*\bsub\b/);
  });

  test("function format destructures $rt and returns load", () => {
    const { code } = compile("print('hi')", { chunkName: "=x", format: "function" });
    expect(code).not.toContain("import");
    expect(code).not.toContain("export");
    expect(code).toMatch(/^const \{[^}]*\bindex\b[^}]*\} = \$rt;/);
    expect(code).toContain("return function load(env)");
    expect(() => new Function("$rt", code)).not.toThrow();
  });

  test("Lua names that are JS reserved words or runtime names are renamed", () => {
    const { code } = compile("local new, index, class = 1, 2, 3\nreturn new + index + class", {
      chunkName: "=x",
    });
    expect(code).toMatch(/const new\$\d+ = 1/);
    expect(code).toMatch(/const index\$\d+ = 2/);
    expect(code).toMatch(/const class\$\d+ = 3/);
  });

  test("shadowed locals get distinct readable names", () => {
    const { code } = compile("local x = 1\nlocal x = x + 1\nreturn x", { chunkName: "=x" });
    expect(code).toMatch(/const x = 1;/);
    expect(code).toMatch(/const x\$\d+ = /);
  });
});

describe("source maps", () => {
  const source =
    "local t = {}\n\nlocal function f(a)\n  return a.missing.field\nend\nprint(f(t))\n";

  test("carry the Lua source and map generated positions to Lua lines", async () => {
    const { code, map } = compile(source, { chunkName: "@m.lua", sourceFile: "m.lua" });
    expect(map.sources).toEqual(["m.lua"]);
    expect(map.sourcesContent).toEqual([source]);
    const consumer = await new SourceMapConsumer(map);
    const lines = code.split("\n");
    // The generated line indexing `.missing` maps to Lua line 4.
    const jsLine = lines.findIndex((l) => l.includes("hash.missing")) + 1;
    expect(jsLine).toBeGreaterThan(0);
    const column = lines[jsLine - 1]!.indexOf("hash.missing");
    const original = consumer.originalPositionFor({ line: jsLine, column });
    expect(original.source).toBe("m.lua");
    expect(original.line).toBe(4);
    // The call of print is on Lua line 6.
    const printLine = lines.findIndex((l) => l.includes('"print"')) + 1;
    const printColumn = lines[printLine - 1]!.indexOf("hash.print");
    expect(consumer.originalPositionFor({ line: printLine, column: printColumn }).line).toBe(6);
    consumer.destroy();
  });
});
