// Runs one Lua file with wasmoon (PUC-Rio Lua 5.4 compiled to WebAssembly):
// `node wasmoon.mjs file.lua [args...]`. The script sees its arguments in the
// global `arg` (arg[0] is the file name). Errors go to stderr with status 1.
import { readFileSync } from "node:fs";
import { LuaFactory } from "wasmoon";

const [file, ...args] = process.argv.slice(2);
const engine = await new LuaFactory().createEngine({ injectObjects: false });
try {
  // JSON string literals are valid Lua string literals for these ASCII arguments.
  const items = [file, ...args].map((value, index) => `[${index}] = ${JSON.stringify(value)}`);
  engine.doStringSync(`arg = { ${items.join(", ")} }`);
  engine.doStringSync(readFileSync(file, "latin1"));
} catch (error) {
  process.stderr.write(`wasmoon: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
} finally {
  engine.global.close();
}
