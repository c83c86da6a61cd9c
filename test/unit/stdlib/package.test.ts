// The package library (require, module, package.*) running compiled Lua on the runtime
// sources. Expected outputs were printed by lua5.1 running the same chunks (chunk name "=test")
// from the repository root, where the fixtures' relative paths resolve.

import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { compile } from "../../../compiler/src/index.js";
import { LuaError } from "../../../runtime/src/errors.js";
import { createGlobals } from "../../../runtime/src/globals.js";
import { createNodeHost } from "../../../runtime/src/host-node.js";
import {
  DEFAULT_CPATH,
  DEFAULT_PATH,
  envPath,
  openPackage,
} from "../../../runtime/src/lib/package.js";
import { setChunkLoader } from "../../../runtime/src/load.js";
import { S } from "../../../runtime/src/state.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaFunction } from "../../../runtime/src/value.js";
import { runtime } from "../compiler/harness.js";

/** Compiles a chunk the way the CLI's chunk loader does, on the runtime sources. */
function loadLua(source: string, chunkName: string, env: LuaTable): LuaFunction {
  const { code } = compile(source, { chunkName, format: "function" });
  const load = new Function("$rt", code)(runtime) as (env: LuaTable) => LuaFunction;
  return load(env);
}

setChunkLoader(loadLua);

/** Runs `source` in fresh globals with the package library; returns what it printed. */
function run(source: string): string {
  let output = "";
  const host = createNodeHost();
  host.stdout = (bytes: string) => {
    output += bytes;
  };
  const G = createGlobals(host);
  openPackage(G, host);
  const depth = S.depth;
  try {
    loadLua(source, "=test", G)();
  } catch (e) {
    S.depth = depth;
    if (e instanceof LuaError) return `${output}error: ${String(e.value)}\n`;
    throw e;
  }
  return output;
}

function lines(...text: string[]): string {
  return `${text.join("\n")}\n`;
}

describe("require and module, against lua5.1", () => {
  test("finds Lua files through package.path, caches results, true for no value", () => {
    const source = lines(
      'package.path = "test/unit/stdlib/fixtures/package/?.lua"',
      'local m = require("plain")',
      'print(m.value, package.loaded.plain == m, require("plain") == m)',
      'print(require("noreturn"), package.loaded.noreturn)',
      'print(require("retfalse"), package.loaded.retfalse)',
      'print(require("retfalse"))',
      'print(select("#", require("plain")))',
    );
    expect(run(source)).toBe(
      lines(
        "loading plain\tplain",
        "42\ttrue\ttrue",
        "loading noreturn\t1\tnoreturn",
        "true\ttrue",
        "loading retfalse",
        "false\tfalse",
        "loading retfalse",
        "false",
        "1",
      ),
    );
  });

  test("a module that is not found lists every place searched", () => {
    const source = lines(
      'package.path = "test/unit/stdlib/fixtures/package/?.lua;;;./?/x.lua"',
      'package.cpath = "test/unit/stdlib/fixtures/package/?.so;/nonexistent/?/core.so"',
      'print(pcall(require, "missing.name"))',
      "print(pcall(require, 12))",
      "print(pcall(require))",
    );
    expect(run(source)).toBe(
      lines(
        "false\tmodule 'missing.name' not found:",
        "\tno field package.preload['missing.name']",
        "\tno file 'test/unit/stdlib/fixtures/package/missing/name.lua'",
        "\tno file './missing/name/x.lua'",
        "\tno file 'test/unit/stdlib/fixtures/package/missing/name.so'",
        "\tno file '/nonexistent/missing/name/core.so'",
        "\tno file 'test/unit/stdlib/fixtures/package/missing.so'",
        "\tno file '/nonexistent/missing/core.so'",
        "false\tmodule '12' not found:",
        "\tno field package.preload['12']",
        "\tno file 'test/unit/stdlib/fixtures/package/12.lua'",
        "\tno file './12/x.lua'",
        "\tno file 'test/unit/stdlib/fixtures/package/12.so'",
        "\tno file '/nonexistent/12/core.so'",
        "false\tbad argument #1 to '?' (string expected, got no value)",
      ),
    );
  });

  test("errors while loading: syntax, runtime, loops, #! line", () => {
    const source = lines(
      'package.path = "test/unit/stdlib/fixtures/package/?.lua"',
      'print(pcall(require, "syntax"))',
      'print(pcall(require, "fails"))',
      'print(pcall(require, "fails"))',
      'print(pcall(require, "loop_a"))',
      'print(pcall(require, "shebang"))',
    );
    expect(run(source)).toBe(
      lines(
        "false\terror loading module 'syntax' from file 'test/unit/stdlib/fixtures/package/syntax.lua':",
        "\ttest/unit/stdlib/fixtures/package/syntax.lua:1: unexpected symbol near '='",
        "false\ttest/unit/stdlib/fixtures/package/fails.lua:2: boom",
        "false\tloop or previous error loading module 'fails'",
        "false\ttest/unit/stdlib/fixtures/package/loop_b.lua:1: loop or previous error loading module 'loop_a'",
        "false\ttest/unit/stdlib/fixtures/package/shebang.lua:3: attempt to index field 'x' (a nil value)",
      ),
    );
  });

  test("preload, custom loaders and checks of package fields", () => {
    const source = lines(
      'package.preload.pre = function(...) print("preload", ...) return "value" end',
      'print(require("pre"), require("pre"))',
      'package.preload.str = "a message"',
      'package.path = ""',
      'package.cpath = ""',
      'print(pcall(require, "str"))',
      'table.insert(package.loaders, 1, function(name) print("first loader", name) return 7 end)',
      'print(pcall(require, "zzz"))',
      "local loaders = package.loaders",
      "package.loaders = nil",
      'print(pcall(require, "zzz"))',
      "package.loaders = {function() return nil end, 5}",
      'print(pcall(require, "yyy"))',
      "package.loaders = loaders",
      "package.preload = 1",
      'print(pcall(require, "yyy"))',
      "package.preload = {}",
      "package.path = {}",
      'print(pcall(require, "yyy"))',
      "package.path = 3",
      'print(pcall(require, "yyy"))',
      'package.path = "test/unit/stdlib/fixtures/package/?.lua;test/unit/stdlib/fixtures/package/?/init.lua"',
      'print(require("pkgdir"))',
    );
    expect(run(source)).toBe(
      lines(
        "preload\tpre",
        "value\tvalue",
        "false\tmodule 'str' not found:a message",
        "first loader\tzzz",
        "false\tmodule 'zzz' not found:7",
        "\tno field package.preload['zzz']",
        "false\t'package.loaders' must be a table",
        "false\tattempt to call a number value",
        "first loader\tyyy",
        "false\t'package.preload' must be a table",
        "first loader\tyyy",
        "false\t'package.path' must be a string",
        "first loader\tyyy",
        "false\tmodule 'yyy' not found:7",
        "\tno field package.preload['yyy']",
        "\tno file '3'",
        "first loader\tpkgdir",
        "init of pkgdir",
      ),
    );
  });

  test("module: tables through dotted names, _M/_NAME/_PACKAGE, environments, options", () => {
    const source = lines(
      'package.path = "test/unit/stdlib/fixtures/package/?.lua"',
      'local m = require("deep.mod")',
      'print(m.describe(), deep.mod == m, package.loaded["deep.mod"] == m, m._M == m)',
      'local iso = require("isolated")',
      "print(iso.peek(), iso._NAME, iso._PACKAGE, isolated == iso)",
      "x = 1",
      'print(pcall(function() module("x") end))',
      'print(pcall(function() module("x.y") end))',
      'print(pcall(module, "fresh"))',
      "print(type(fresh), package.loaded.fresh == fresh, fresh._NAME)",
      "print(pcall(module))",
      'local function opt(m) print("option", m._NAME) end',
      'local function f() module("a.b.c", opt, opt) return _NAME, _PACKAGE end',
      "print(f())",
      'print(a.b.c._NAME, package.loaded["a.b.c"] == a.b.c)',
      'package.loaded.pre = {_NAME = "kept"}',
      'local function g() module("pre") return _NAME, _M end',
      "print(g())",
      "print(pre)",
      'print(pcall(function() module("bad", 5) end))',
    );
    expect(run(source)).toBe(
      lines(
        "deep.mod deep. 1.0 true\ttrue\ttrue\ttrue",
        "nil\tisolated\t\ttrue",
        "false\ttest:7: name conflict for module 'x'",
        "false\ttest:8: name conflict for module 'x.y'",
        "false\t'module' not called from a Lua function",
        "table\ttrue\tfresh",
        "false\tbad argument #1 to '?' (string expected, got no value)",
        "option\ta.b.c",
        "option\ta.b.c",
        "a.b.c\ta.b.",
        "a.b.c\ttrue",
        "kept\tnil",
        "nil",
        "false\tattempt to call a number value",
      ),
    );
  });

  test("seeall, loadlib, config and the package table", () => {
    const source = lines(
      "print(pcall(package.seeall))",
      "print(pcall(package.seeall, 1))",
      "local t = setmetatable({}, {__index = 5})",
      "package.seeall(t)",
      "print(getmetatable(t).__index == _G)",
      "local u = {}",
      "package.seeall(u)",
      "print(getmetatable(u).__index == _G, u.print == print)",
      'print(package.loadlib("./nonexistent.so", "f"))',
      'print(pcall(package.loadlib, "x"))',
      "print(package.config)",
      "local names = {}",
      "for k in pairs(package) do names[#names + 1] = k end",
      "table.sort(names)",
      'print(table.concat(names, " "))',
      "print(package.loaded._G == _G, package.loaded.string == string, package.loaded.table == table,",
      "  package.loaded.math == math, package.loaded.os == os, package.loaded.io == io,",
      "  package.loaded.package == package)",
      "print(#package.loaders, type(package.preload), next(package.preload))",
    );
    expect(run(source)).toBe(
      lines(
        "false\tbad argument #1 to '?' (table expected, got no value)",
        "false\tbad argument #1 to '?' (table expected, got number)",
        "true",
        "true\ttrue",
        "nil\t./nonexistent.so: cannot open shared object file: No such file or directory\topen",
        "false\tbad argument #2 to '?' (string expected, got no value)",
        "/",
        ";",
        "?",
        "!",
        "-",
        "config cpath loaded loaders loadlib path preload seeall",
        "true\ttrue\ttrue\ttrue\ttrue\ttrue\ttrue",
        "4\ttable\tnil",
      ),
    );
  });
});

describe("files that exist but cannot be read", () => {
  test("a directory matching a template is found, then fails to read", () => {
    // mkdir dir.lua; lua5.1 -e 'print(pcall(require, "dir"))' prints:
    //   false  error loading module 'dir' from file './dir.lua':
    //          cannot read ./dir.lua: Is a directory
    const dir = mkdtempSync(join(tmpdir(), "lunette-package-"));
    mkdirSync(join(dir, "dir.lua"));
    const source = lines(`package.path = "${dir}/?.lua"`, 'print(pcall(require, "dir"))');
    expect(run(source)).toBe(
      lines(
        `false\terror loading module 'dir' from file '${dir}/dir.lua':`,
        `\tcannot read ${dir}/dir.lua: Is a directory`,
      ),
    );
  });
});

describe("where lunette differs from lua5.1 on purpose", () => {
  test("an existing C library cannot be loaded: the message of a Lua without dynamic libraries", () => {
    const source = lines(
      'package.path = ""',
      'package.cpath = "test/unit/stdlib/fixtures/package/?.so"',
      'print(pcall(require, "fakec"))',
      'print(pcall(require, "fakec.sub"))',
      'print(package.loadlib("test/unit/stdlib/fixtures/package/fakec.so", "luaopen_fakec"))',
    );
    const file = "test/unit/stdlib/fixtures/package/fakec.so";
    const why = "dynamic libraries not enabled; check your Lua installation";
    expect(run(source)).toBe(
      lines(
        `false\terror loading module 'fakec' from file '${file}':\n\t${why}`,
        `false\terror loading module 'fakec.sub' from file '${file}':\n\t${why}`,
        `nil\t${why}\tabsent`,
      ),
    );
  });
});

describe("package.path and package.cpath from the environment", () => {
  test("defaults are Debian lua5.1's", () => {
    // lua5.1 -e 'print(package.path); print(package.cpath)' with LUA_PATH/LUA_CPATH unset.
    expect(DEFAULT_PATH).toBe(
      "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua",
    );
    expect(DEFAULT_CPATH).toBe(
      "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so",
    );
  });

  test(";; stands for the default path", () => {
    // LUA_PATH='a/?.lua;;' LUA_CPATH='b/?.so;;x' lua5.1 -e 'print(package.path); print(package.cpath)'
    expect(envPath("a/?.lua;;", DEFAULT_PATH)).toBe(`a/?.lua;${DEFAULT_PATH};`);
    expect(envPath("b/?.so;;x", DEFAULT_CPATH)).toBe(`b/?.so;${DEFAULT_CPATH};x`);
    expect(envPath(undefined, DEFAULT_PATH)).toBe(DEFAULT_PATH);
  });

  test("openPackage reads LUA_PATH and LUA_CPATH through the host's getenv", () => {
    const env: Record<string, string> = { LUA_PATH: "x/?.lua", LUA_CPATH: ";;y/?.so" };
    const host = {
      stdout() {},
      stderr() {},
      system: { getenv: (name: string) => env[name] },
    };
    const G = new LuaTable();
    openPackage(G, host);
    const pkg = G.get("package") as LuaTable;
    expect(pkg.get("path")).toBe("x/?.lua");
    expect(pkg.get("cpath")).toBe(`;${DEFAULT_CPATH};y/?.so`);
  });

  test("without file hooks nothing is found, preload still works", () => {
    const host = { stdout() {}, stderr() {} };
    const G = createGlobals(host);
    openPackage(G, host);
    const pkg = G.get("package") as LuaTable;
    pkg.set("path", "./?.lua");
    pkg.set("cpath", "");
    const require = G.get("require") as LuaFunction;
    expect(() => require("anything")).toThrow(
      "module 'anything' not found:\n\tno field package.preload['anything']\n\tno file './anything.lua'",
    );
  });
});
