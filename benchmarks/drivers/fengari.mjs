// Runs one Lua file with fengari (a Lua 5.3 VM written in JS), the way the
// `lua` standalone interpreter does: `node fengari.mjs file.lua [args...]`.
// The script sees its arguments in the global `arg` (arg[0] is the file name,
// like lua.c's createargtable). Errors go to stderr with exit status 1.
import { readFileSync } from "node:fs";
import fengari from "fengari";

const { lua, lauxlib, lualib, to_luastring } = fengari;
const [file, ...args] = process.argv.slice(2);

const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);

lua.lua_createtable(L, args.length, 1);
[file, ...args].forEach((value, index) => {
  lua.lua_pushstring(L, to_luastring(value));
  lua.lua_rawseti(L, -2, index);
});
lua.lua_setglobal(L, to_luastring("arg"));

const source = readFileSync(file);
const status = lauxlib.luaL_loadbuffer(L, source, null, to_luastring(`@${file}`));
if (status !== lua.LUA_OK || lua.lua_pcall(L, 0, 0, 0) !== lua.LUA_OK) {
  process.stderr.write(`fengari: ${lua.lua_tojsstring(L, -1)}\n`);
  process.exit(1);
}
