// Chunk names in messages (luaO_chunkid). Expected strings were printed by lua5.1 5.1.5, e.g.
// `lua5.1 -e 'print(loadstring("x=", "@a/b.lua"))'`.

import { describe, expect, it } from "vitest";
import { chunkId, MAXSRC } from "../../../frontend/src/chunkid.js";
import { parse } from "../../../frontend/src/parser.js";

function syntaxMessage(source: string, chunkName: string): string {
  try {
    parse(source, chunkName, { skipFirstLine: false, callDepth: 2 });
  } catch (e) {
    return (e as Error).message;
  }
  return "OK";
}

describe("chunkId", () => {
  it("uses the file name of @-names and the text of =-names", () => {
    expect(chunkId("@a/b.lua")).toBe("a/b.lua");
    expect(chunkId("=(command line)")).toBe("(command line)");
    expect(chunkId("=stdin")).toBe("stdin");
  });

  it("quotes the first line of source text", () => {
    expect(chunkId("x=\ny")).toBe('[string "x=..."]');
    expect(chunkId("")).toBe('[string ""]');
    expect(chunkId("\nx")).toBe('[string "..."]');
    // lua5.1: print(pcall(loadstring("error(\"x\") -- " .. string.rep("d", 10))))
    expect(chunkId(`error("x") -- ${"d".repeat(10)}`)).toBe('[string "error("x") -- dddddddddd"]');
  });

  it("cuts long names as lua5.1 does for runtime messages (LUA_IDSIZE 60)", () => {
    // lua5.1: print(pcall(loadstring("error(\"x\")", "@" .. string.rep("b", 100))))
    expect(chunkId(`@${"b".repeat(100)}`)).toBe(`...${"b".repeat(52)}`);
    expect(chunkId(`=${"c".repeat(100)}`)).toBe("c".repeat(59));
    expect(chunkId(`error("x") -- ${"d".repeat(100)}`)).toBe(
      `[string "error("x") -- ${"d".repeat(29)}..."]`,
    );
  });

  it("cuts long names with llex.c's larger buffer in syntax errors (MAXSRC 80)", () => {
    expect(chunkId(`@${"b".repeat(100)}`, MAXSRC)).toBe(`...${"b".repeat(72)}`);
    // lua5.1: print(loadstring("x= = 1 -- ".. string.rep("a", 100)))
    expect(syntaxMessage(`x= = 1 -- ${"a".repeat(100)}`, `x= = 1 -- ${"a".repeat(100)}`)).toBe(
      `[string "x= = 1 -- ${"a".repeat(53)}..."]:1: unexpected symbol near '='`,
    );
    expect(syntaxMessage("x= = 1", `=${"c".repeat(100)}`)).toBe(
      `${"c".repeat(79)}:1: unexpected symbol near '='`,
    );
    expect(syntaxMessage("x=", "@a/b.lua")).toBe("a/b.lua:1: unexpected symbol near '<eof>'");
  });

  it("gives the Chunk its runtime display name", () => {
    expect(parse("return 1", "@x/y.lua").chunkName).toBe("x/y.lua");
    expect(parse("return 1", "return 1").chunkName).toBe('[string "return 1"]');
  });
});
