// io library over the Node host; expected values printed by lua5.1.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createNodeHost } from "../../../runtime/src/host-node.js";
import { createIo } from "../../../runtime/src/lib/io.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaUserdata, LuaValue } from "../../../runtime/src/value.js";
import { call, errorOf } from "./helpers.js";

let output = "";
const host = createNodeHost();
host.stdout = (bytes: string) => {
  output += bytes;
};
const io = createIo(host);
const methods = ((io.get("stdout") as LuaUserdata).mt as LuaTable).get("__index") as LuaTable;
const method = (file: LuaValue, name: string, ...args: LuaValue[]) =>
  call(methods, name, file, ...args);

const dir = mkdtempSync(join(tmpdir(), "lunette-io-"));
const input = join(dir, "in.txt");
writeFileSync(input, "line1\n12.5 0x10 abc\nlast", "latin1");

describe("io.open and reading", () => {
  test("open errors", () => {
    expect(call(io, "open", "/nonexistent/x")).toEqual([
      undefined,
      "/nonexistent/x: No such file or directory",
      2,
    ]);
    expect(call(io, "open", input, "q")).toEqual([undefined, `${input}: Invalid argument`, 22]);
    expect(call(io, "open", dir, "w")).toEqual([undefined, `${dir}: Is a directory`, 21]);
    expect(errorOf(io, "open")).toBe("bad argument #1 to '?' (string expected, got no value)");
  });
  test("read formats", () => {
    const [f] = call(io, "open", input) as [LuaUserdata];
    expect(call(io, "type", f)).toEqual(["file"]);
    expect(call(io, "type", 42)).toEqual([undefined]);
    expect(method(f, "read", "*l", "*n", "*n")).toEqual(["line1", 12.5, 16]);
    expect(method(f, "read", 3)).toEqual([" ab"]);
    expect(method(f, "read", "*n")).toEqual([undefined]);
    expect(method(f, "read", "*a")).toEqual(["c\nlast"]);
    expect(method(f, "read", "*a")).toEqual([""]);
    expect(method(f, "read", "*l")).toEqual([undefined]);
    expect(method(f, "read", 0)).toEqual([undefined]);
    expect(errorOf(methods, "read", f, "*x")).toBe("bad argument #2 to '?' (invalid format)");
    expect(errorOf(methods, "read", f, new LuaTable())).toBe(
      "bad argument #2 to '?' (invalid option)",
    );
    expect(method(f, "seek", "set", 2)).toEqual([2]);
    expect(method(f, "read", 3)).toEqual(["ne1"]);
    expect(method(f, "seek")).toEqual([5]);
    expect(method(f, "seek", "end")).toEqual([24]);
    expect(method(f, "seek", "cur", -2)).toEqual([22]);
    expect(method(f, "read", "*a")).toEqual(["st"]);
    expect(errorOf(methods, "seek", f, "bad")).toBe(
      "bad argument #2 to '?' (invalid option 'bad')",
    );
    expect(method(f, "close")).toEqual([true]);
    expect(call(io, "type", f)).toEqual(["closed file"]);
    expect(errorOf(methods, "read", f)).toBe("attempt to use a closed file");
  });
  test("lines", () => {
    const [iterator] = call(io, "lines", input) as [() => LuaValue];
    const lines: LuaValue[] = [];
    for (let line = iterator(); line !== undefined; line = iterator()) lines.push(line);
    expect(lines).toEqual(["line1", "12.5 0x10 abc", "last"]);
    expect(errorOf(io, "lines", "/nonexistent")).toBe(
      "bad argument #1 to '?' (/nonexistent: No such file or directory)",
    );
  });
});

describe("writing", () => {
  test("files and stdout", () => {
    const name = join(dir, "out.txt");
    const [g] = call(io, "open", name, "w") as [LuaUserdata];
    expect(method(g, "write", "a", 1, 2.5, "\n")).toEqual([true]);
    expect(errorOf(methods, "write", g, new LuaTable())).toBe(
      "bad argument #2 to '?' (string expected, got table)",
    );
    expect(method(g, "setvbuf", "no")).toEqual([true]);
    expect(method(g, "close")).toEqual([true]);
    const [h] = call(io, "open", name) as [LuaUserdata];
    expect(method(h, "read", "*a")).toEqual(["a12.5\n"]);
    expect(call(io, "write", "x", "y\n")).toEqual([true]);
    expect(output).toBe("xy\n");
    expect(call(io, "close")).toEqual([undefined, "cannot close standard file"]);
    expect(method(io.get("stdout"), "seek")).toEqual([undefined, "Illegal seek", 29]);
  });
});

describe("a host without file hooks (browser)", () => {
  test("files fail with an error result, stdin is empty, stdout still works", () => {
    let written = "";
    const bare = createIo({ stdout: (b: string) => void (written += b), stderr: () => {} });
    expect(call(bare, "open", "x.txt")).toEqual([
      undefined,
      "x.txt: no file system on this host",
      38,
    ]);
    expect(call(bare, "read")).toEqual([undefined]);
    expect(call(bare, "write", "ok", 1)).toEqual([true]);
    expect(written).toBe("ok1");
    expect(errorOf(bare, "popen", "ls")).toBe("'popen' not supported");
  });
});
