// The package library (manual §5.3; loadlib.c of Lua 5.1.5): `require`, `module` and the
// `package` table (path, cpath, config, loaded, preload, loaders, loadlib, seeall).
//
// Files are found and read through the host's file hooks (IoHost.files in lib/io.ts) and
// compiled by the runtime's chunk loader (load.ts); LUA_PATH and LUA_CPATH come from the host's
// getenv (OsHost.system in lib/os.ts). Without those hooks (a browser page) no file is ever
// found, and modules come from package.preload or package.loaded.
//
// C modules cannot be loaded: a missing shared library gets lua5.1's messages (`no file
// './x.so'`), an existing one gets the message of a Lua built without dynamic libraries
// (loadlib.c's fallback `ll_load`: "dynamic libraries not enabled; ...").
//
// Like the C functions, `require` and the loaders use the package table they were created with
// (their environment in loadlib.c), not whatever the global `package` holds later, and the
// original package.loaded table (the registry's _LOADED).

import type { Host } from "../host.js";
import { C_SITE, cSite } from "../levels.js";
import { loadChunk } from "../load.js";
import { numberToString } from "../number.js";
import { callValue } from "../ops/call.js";
import { index, setIndex } from "../ops/index.js";
import { functionAtDepth } from "../sites.js";
import { ret0, ret1, retN, S } from "../state.js";
import { LuaTable } from "../table.js";
import { type LuaFunction, LuaUserdata, type LuaValue } from "../value.js";
import { checkString, checkTable, luaError } from "./args.js";
import { type IoHost, ioFailure } from "./io.js";
import type { OsHost } from "./os.js";

/** Debian's lua5.1 defaults (luaconf.h LUA_PATH_DEFAULT / LUA_CPATH_DEFAULT, multiarch). */
export const DEFAULT_PATH =
  "./?.lua;/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;" +
  "/usr/local/lib/lua/5.1/?.lua;/usr/local/lib/lua/5.1/?/init.lua;" +
  "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua";
export const DEFAULT_CPATH =
  "./?.so;/usr/local/lib/lua/5.1/?.so;/usr/lib/x86_64-linux-gnu/lua/5.1/?.so;" +
  "/usr/lib/lua/5.1/?.so;/usr/local/lib/lua/5.1/loadall.so";

/** LUA_DIRSEP, LUA_PATHSEP, LUA_PATH_MARK, LUA_EXECDIR, LUA_IGMARK. */
const CONFIG = "/\n;\n?\n!\n-";

/** loadlib.c's DLMSG: what a Lua without dynamic-library support says for any C library. */
const DYNAMIC_LIBRARIES_MESSAGE = "dynamic libraries not enabled; check your Lua installation";

/** The libraries lua5.1's luaL_openlibs registers in package.loaded (besides `package`). */
const STANDARD_LIBRARIES = ["_G", "coroutine", "table", "io", "os", "string", "math", "debug"];

/** What the package library needs from the host: getenv and file hooks, both optional. */
export type PackageHost = Host & IoHost & OsHost;

/**
 * Creates `package`, `require` and `module` in G. Call it after the other standard libraries
 * are installed: it registers every one found in G in package.loaded, as luaL_openlibs does.
 */
export function openPackage(G: LuaTable, host: Host): void {
  const packageHost = host as PackageHost;
  const pkg = new LuaTable();
  /** The registry's _LOADED table: require and module keep using it if package.loaded is replaced. */
  const loaded = new LuaTable();
  /** Marks a module being loaded (loadlib.c's `sentinel`, a light userdata). */
  const sentinel = new LuaUserdata();

  // ---- files ----

  /** loadlib.c's readable(): fopen(name, "r") succeeds (a directory does, as on Linux). */
  function readable(name: string): boolean {
    const files = packageHost.files;
    if (files === undefined) return false;
    try {
      files.open(name, "r").close?.();
      return true;
    } catch {
      return false;
    }
  }

  /** luaL_loadfile: the file's bytes (first `#` line skipped), compiled as chunk `@name`. */
  function loadFile(name: string): { fn: LuaFunction } | { error: LuaValue } {
    const files = packageHost.files;
    if (files === undefined) return { error: `cannot open ${name}` };
    let source = "";
    let stream: ReturnType<typeof files.open>;
    try {
      stream = files.open(name, "r");
    } catch (e) {
      return { error: `cannot open ${name}: ${ioFailure(e).message}` };
    }
    try {
      for (;;) {
        const chunk = stream.read(65536);
        if (chunk === "") break;
        source += chunk;
      }
    } catch (e) {
      return { error: `cannot read ${name}: ${ioFailure(e).message}` };
    } finally {
      stream.close?.();
    }
    // A first line starting with '#' is skipped, its newline kept so line numbers stay right.
    if (source.charCodeAt(0) === 35) {
      const newline = source.indexOf("\n");
      source = newline < 0 ? "" : source.slice(newline);
    }
    return loadChunk(source, `@${name}`, G);
  }

  /**
   * findfile: the first readable file among the templates of package[pathField] (`;`-separated,
   * empty ones skipped, every `?` replaced by the name with `.` → `/`), or the accumulated
   * `\n\tno file '...'` lines.
   */
  function findFile(
    name: string,
    pathField: "path" | "cpath",
  ): { file: string } | { tried: string } {
    const fileName = name.replaceAll(".", "/");
    const path = index(pkg, pathField, 0);
    if (typeof path !== "string" && typeof path !== "number")
      luaError(`'package.${pathField}' must be a string`, 1);
    let tried = "";
    for (const template of (typeof path === "number" ? numberToString(path) : path).split(";")) {
      if (template === "") continue;
      const file = template.replaceAll("?", fileName);
      if (readable(file)) return { file };
      tried += `\n\tno file '${file}'`;
    }
    return { tried };
  }

  /** loaderror: raised with no position (the caller is require, a C function in lua5.1). */
  function loadError(name: string, file: string, message: LuaValue): never {
    const text = typeof message === "number" ? numberToString(message) : String(message);
    luaError(`error loading module '${name}' from file '${file}':\n\t${text}`, 1);
  }

  // ---- the loaders (package.loaders) ----

  function loaderPreload(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "loader", args.length);
    const preload = index(pkg, "preload", 0);
    if (!(preload instanceof LuaTable)) luaError("'package.preload' must be a table", 1);
    const found = index(preload, name, 0);
    return ret1(found === undefined ? `\n\tno field package.preload['${name}']` : found);
  }

  function loaderLua(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "loader", args.length);
    const found = findFile(name, "path");
    if ("tried" in found) return ret1(found.tried);
    const loadedChunk = loadFile(found.file);
    if ("error" in loadedChunk) loadError(name, found.file, loadedChunk.error);
    return ret1(loadedChunk.fn);
  }

  function loaderC(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "loader", args.length);
    const found = findFile(name, "cpath");
    if ("tried" in found) return ret1(found.tried);
    loadError(name, found.file, DYNAMIC_LIBRARIES_MESSAGE);
  }

  /** loader_Croot: the all-in-one loader looks for the root name (`a` of `a.b.c`) in cpath. */
  function loaderCRoot(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "loader", args.length);
    const dot = name.indexOf(".");
    if (dot < 0) return ret0();
    const found = findFile(name.slice(0, dot), "cpath");
    if ("tried" in found) return ret1(found.tried);
    loadError(name, found.file, DYNAMIC_LIBRARIES_MESSAGE);
  }

  // ---- require (ll_require) ----

  function require(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "require", args.length);
    const site = S.site;
    const present = index(loaded, name, 0);
    if (present !== undefined && present !== false) {
      if (present === sentinel) {
        S.site = site;
        luaError(`loop or previous error loading module '${name}'`, 1, "require");
      }
      return ret1(present);
    }
    const loaders = index(pkg, "loaders", 0);
    if (!(loaders instanceof LuaTable)) {
      S.site = site;
      luaError("'package.loaders' must be a table", 1, "require");
    }
    // Ask each loader in turn; strings they return explain why they did not find the module.
    let messages = "";
    let moduleLoader: LuaValue;
    for (let i = 1; ; i++) {
      const loader = loaders.getInt(i);
      if (loader === undefined) {
        S.site = site;
        luaError(`module '${name}' not found:${messages}`, 1, "require");
      }
      S.site = cSite(site); // require is a C level between the loader and its caller
      const result = callValue(loader, name);
      if (typeof result === "function") {
        moduleLoader = result;
        break;
      }
      if (typeof result === "string") messages += result;
      else if (typeof result === "number") messages += numberToString(result);
    }
    setIndex(loaded, name, sentinel, 0);
    S.site = cSite(site);
    const value = callValue(moduleLoader, name);
    if (value !== undefined) setIndex(loaded, name, value, 0);
    let result = index(loaded, name, 0);
    if (result === sentinel) {
      // The module set no value: its result is `true`.
      result = true;
      setIndex(loaded, name, true, 0);
    }
    S.site = site;
    return ret1(result);
  }

  // ---- module (ll_module) ----

  /**
   * luaL_findtable over the globals: walks (creating) the tables of a dotted name; raw reads,
   * writes that honour __newindex. Undefined when a part holds a non-table value.
   */
  function findTable(root: LuaTable, dottedName: string): LuaTable | undefined {
    let table = root;
    for (const part of dottedName.split(".")) {
      let field = table.get(part);
      if (field === undefined) {
        field = new LuaTable();
        setIndex(table, part, field, 0);
      } else if (!(field instanceof LuaTable)) {
        return undefined;
      }
      table = field;
    }
    return table;
  }

  function module(...args: LuaValue[]): LuaValue {
    const name = checkString(args[0], 1, "module", args.length);
    const site = S.site;
    let mod = index(loaded, name, 0);
    if (!(mod instanceof LuaTable)) {
      const created = findTable(G, name);
      if (created === undefined) {
        S.site = site;
        luaError(`name conflict for module '${name}'`, 1, "module");
      }
      mod = created;
      setIndex(loaded, name, mod, 0);
    }
    // modinit: a table with a _NAME is an initialized module and is left alone.
    if (index(mod, "_NAME", 0) === undefined) {
      setIndex(mod, "_M", mod, 0);
      setIndex(mod, "_NAME", name, 0);
      setIndex(mod, "_PACKAGE", name.slice(0, name.lastIndexOf(".") + 1), 0);
    }
    // The environment of the calling function (level 1) becomes the module. Site 0 or a C site
    // means the caller is library code (the host, pcall), which lua5.1 sees as a C function.
    const caller =
      site === 0 || site >= C_SITE || S.depth < 1
        ? undefined
        : (functionAtDepth(S.depth) as LuaValue);
    if (typeof caller !== "function" || !("env" in caller)) {
      S.site = site;
      luaError("'module' not called from a Lua function", 1, "module");
    }
    (caller as LuaFunction & { env: LuaTable }).env = mod;
    // dooptions: each extra argument is called with the module (e.g. package.seeall).
    for (let i = 1; i < args.length; i++) {
      S.site = cSite(site);
      callValue(args[i], mod);
    }
    S.site = site;
    return ret0();
  }

  // ---- package.seeall, package.loadlib ----

  /** ll_seeall: the module's metatable gets __index = the globals. */
  function seeall(...args: LuaValue[]): LuaValue {
    const mod = checkTable(args[0], 1, "seeall", args.length);
    let mt = mod.mt;
    if (mt === undefined) {
      mt = new LuaTable();
      mod.mt = mt;
    }
    setIndex(mt, "__index", G, 0);
    return ret0();
  }

  /**
   * ll_loadlib: always fails. A missing file reads as dlopen's error (`open`); an existing
   * one as a Lua built without dynamic libraries (`absent`).
   */
  function loadlib(...args: LuaValue[]): LuaValue {
    const path = checkString(args[0], 1, "loadlib", args.length);
    checkString(args[1], 2, "loadlib", args.length);
    if (!readable(path))
      return retN([
        undefined,
        `${path}: cannot open shared object file: No such file or directory`,
        "open",
      ]);
    return retN([undefined, DYNAMIC_LIBRARIES_MESSAGE, "absent"]);
  }

  // ---- the package table (luaopen_package) ----

  const loaders = new LuaTable([loaderPreload, loaderLua, loaderC, loaderCRoot]);
  pkg.set("loaders", loaders);
  const getenv = packageHost.system?.getenv;
  pkg.set("path", envPath(getenv?.("LUA_PATH"), DEFAULT_PATH));
  pkg.set("cpath", envPath(getenv?.("LUA_CPATH"), DEFAULT_CPATH));
  pkg.set("config", CONFIG);
  pkg.set("loaded", loaded);
  pkg.set("preload", new LuaTable());
  pkg.set("loadlib", loadlib);
  pkg.set("seeall", seeall);

  for (const name of STANDARD_LIBRARIES) {
    const lib = name === "_G" ? G : G.get(name);
    if (lib instanceof LuaTable) loaded.set(name, lib);
  }
  loaded.set("package", pkg);
  G.set("package", pkg);
  G.set("module", module);
  G.set("require", require);
}

/**
 * setpath: the environment variable's value with each `;;` replaced by `;default;`, or the
 * default when the variable is unset.
 */
export function envPath(value: string | undefined, defaultPath: string): string {
  if (value === undefined) return defaultPath;
  return value.replaceAll(";;", ";\u0001;").replaceAll("\u0001", defaultPath);
}
