// @lunette/rollup-plugin: `import game from "./game.lua"` in rollup and Vite.
//
// Every .lua file becomes two modules:
//   file.lua            registers the chunk under the file's module name, then
//                       `export default requireLuaModule(name)`: runs it once in the default
//                       Lua state (as `require(name)`) and exports its result as JS;
//   file.lua?lua-chunk  the compiled chunk (with its source map to the .lua file); its default
//                       export is `load(env)`; evaluating it runs no Lua.
// A chunk module imports the chunk modules of the files it requires by literal name (resolved
// at build time along `path`, like package.path) and registers each under the name it used, so
// the bundle holds them and `require` finds them (through package.preload) when Lua asks, in
// Lua's order. Other requires go to the runtime's loaders.

import { readFileSync } from "node:fs";
import { basename, dirname, relative } from "node:path";
import { LuaSyntaxError, parse } from "@lunette/frontend";
import { createFilter } from "@rollup/pluginutils";
import { compile } from "lunette";
import type { Plugin, PluginContext, SourceMapInput } from "rollup";
import { findModule, moduleOfFile } from "./modules.js";
import { type LunetteOptions, validateOptions } from "./options.js";
import { staticRequires } from "./requires.js";

export type { LunetteOptions } from "./options.js";

const CHUNK_QUERY = "?lua-chunk";

/** The .lua file of a chunk module id (`file.lua?lua-chunk`, Vite: `file.lua?import&lua-chunk`). */
function chunkFile(id: string): string | undefined {
  const query = id.indexOf("?");
  if (query < 0) return undefined;
  return id
    .slice(query + 1)
    .split("&")
    .includes("lua-chunk")
    ? id.slice(0, query)
    : undefined;
}

/** A relative import specifier from the module `fromFile` to `toFile`. */
function specifier(fromFile: string, toFile: string): string {
  const path = relative(dirname(fromFile), toFile).split("\\").join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

export default function lunette(options?: LunetteOptions): Plugin {
  const resolved = validateOptions(options);
  const filter = createFilter(resolved.include, resolved.exclude);
  let cwd = resolved.cwd ?? process.cwd();
  const runtime = JSON.stringify(resolved.runtime);

  const isLua = (file: string) => filter(file);

  return {
    name: "lunette",

    // Vite: `path` is relative to the project root unless `cwd` says otherwise.
    ...({
      configResolved(config: { root: string }) {
        if (resolved.cwd === undefined) cwd = config.root;
      },
    } as object),

    async resolveId(source, importer, resolveOptions) {
      const file = chunkFile(source);
      if (file === undefined) return null;
      const base = await this.resolve(file, importer, { ...resolveOptions, skipSelf: true });
      if (base === null || base.external || !isLua(base.id)) return null;
      return base.id + CHUNK_QUERY;
    },

    // The chunk module is made here rather than in `transform`: its source map must be the
    // module's original map, so that bundlers name the .lua file (rollup traces transform maps
    // back to the loaded code, whose name would be the id with its query).
    load(id) {
      const file = chunkFile(id);
      if (file === undefined || !isLua(file)) return null;
      this.addWatchFile(file);
      return compileChunk(this, file);
    },

    transform(_code, id) {
      if (chunkFile(id) !== undefined || !isLua(id)) return null;
      return {
        code:
          `import { registerLuaModule, requireLuaModule } from ${runtime};\n` +
          `import load from ${JSON.stringify(specifier(id, id) + CHUNK_QUERY)};\n` +
          `export const moduleName = ${JSON.stringify(moduleOfFile(id, resolved.path, cwd).name)};\n` +
          "registerLuaModule(moduleName, load);\n" +
          "export default requireLuaModule(moduleName);\n",
        map: { mappings: "" },
        moduleSideEffects: true,
      };
    },
  };

  function compileChunk(
    context: PluginContext,
    file: string,
  ): { code: string; map: SourceMapInput } {
    // Lua source is bytes (one char per byte), whoever loaded the file: read it again as such.
    const bytes = readFileSync(file, "latin1");
    const module = moduleOfFile(file, resolved.path, cwd);
    let requires: string[];
    let compiled: ReturnType<typeof compile>;
    try {
      requires = staticRequires(parse(bytes, module.chunkName));
      compiled = compile(bytes, {
        chunkName: module.chunkName,
        format: "esm",
        sourceFile: basename(file),
        budgets: resolved.budgets,
        task: resolved.task,
      });
    } catch (e) {
      if (e instanceof LuaSyntaxError)
        context.error({ message: e.message, id: file, loc: { file, line: e.line, column: 0 } });
      throw e;
    }
    // Appended after the compiled code so that its source map stays valid (imports hoist).
    // The requiring module registers each required chunk under the name it requires it by
    // (a file can be two modules, e.g. `world` and `world.init` for world/init.lua).
    let tail = `\nimport { registerLuaModule as $lua$register } from ${runtime};\n`;
    let n = 0;
    for (const name of requires) {
      const found = findModule(name, resolved.path, cwd);
      if (found === undefined || !isLua(found.file)) continue;
      const local = `$lua$module${n++}`;
      tail += `import ${local} from ${JSON.stringify(specifier(file, found.file) + CHUNK_QUERY)};\n`;
      tail += `$lua$register(${JSON.stringify(name)}, ${local});\n`;
    }
    return { code: compiled.code + tail, map: compiled.map as SourceMapInput };
  }
}
