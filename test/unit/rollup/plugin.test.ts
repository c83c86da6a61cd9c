// @lunette/rollup-plugin with rollup and Vite 7 on fixture folders (fixtures/*): bundles run in
// Node, source maps point at the .lua files, errors name the .lua file and line. Expected Lua
// results were printed by lua5.1 in fixtures/basic with LUA_PATH="./lua/?.lua;./lua/?/init.lua":
//   require("game").loaded_as, describe(new_world(4))  → game  e1,e2,e3,e4 total=30
//   pcall(fail, new_world(1)) → ./lua/game.lua:17: attempt to index local 'missing' (a nil value)
// The bundles import the built runtime (runtime/dist): run `npm run build` first.

import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";
import { describe, expect, test } from "vitest";
import lunette from "../../../rollup-plugin/src/index.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const basic = join(fixtures, "basic");
const luaPath = "./lua/?.lua;./lua/?/init.lua";

/** The runtime's own import cycles are fine (no module reads another's exports at load). */
function quietCycles(warning: { code?: string }, warn: (w: never) => void): void {
  if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning as never);
}

async function bundleBasic(): Promise<{ file: string; code: string; map: any }> {
  const bundle = await rollup({
    input: join(basic, "main.js"),
    plugins: [lunette({ cwd: basic, path: luaPath }), nodeResolve()],
    onwarn: quietCycles,
  });
  const out = mkdtempSync(join(tmpdir(), "lunette-rollup-"));
  const file = join(out, "bundle.js");
  const { output } = await bundle.write({ file, format: "es", sourcemap: true });
  await bundle.close();
  const chunk = output[0];
  return { file, code: chunk.code, map: chunk.map };
}

describe("rollup", () => {
  test("an imported .lua module runs once and its table reads like an object", async () => {
    const { file } = await bundleBasic();
    const main = await import(pathToFileURL(file).href);
    expect(main.run()).toEqual({
      moduleName: "game",
      loadedAs: "game",
      describe: "e1,e2,e3,e4 total=30",
    });
    let error: any;
    try {
      main.fail();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe("./lua/game.lua:17: attempt to index local 'missing' (a nil value)");
  });

  test("the bundle's source map holds the .lua files with their content", async () => {
    const { map } = await bundleBasic();
    const luaSources = map.sources.filter((s: string) => s.endsWith(".lua")).sort();
    expect(luaSources.map((s: string) => s.replace(/^.*fixtures\/basic\//, ""))).toEqual([
      "lua/game.lua",
      "lua/util.lua",
      "lua/world/init.lua",
    ]);
    const game = map.sources.findIndex((s: string) => s.endsWith("lua/game.lua"));
    expect(map.sourcesContent[game]).toContain("function M.new_world(n)");
  });

  test("with node --enable-source-maps, a Lua error's stack names the .lua file and line", async () => {
    const { file } = await bundleBasic();
    const script = join(file, "../stack.mjs");
    writeFileSync(
      script,
      `import { fail } from "./bundle.js";\ntry { fail(); } catch (e) { console.log(e.stack); }\n`,
    );
    const stack = execFileSync(process.execPath, ["--enable-source-maps", script], {
      encoding: "utf8",
    });
    expect(stack).toMatch(/^LuaError: \.\/lua\/game\.lua:17: attempt to index local 'missing'/);
    expect(stack).toMatch(/lua\/game\.lua:17:\d+/);
  });

  test("a syntax error is reported with the .lua file and line", async () => {
    let error: any;
    try {
      await rollup({
        input: join(fixtures, "syntax-error", "main.js"),
        plugins: [lunette({ cwd: join(fixtures, "syntax-error") }), nodeResolve()],
      });
    } catch (e) {
      error = e;
    }
    // lua5.1: broken.lua:2: unexpected symbol near '='
    expect(error.message).toContain("broken.lua:2: unexpected symbol near '='");
    expect(error.loc).toMatchObject({
      file: join(fixtures, "syntax-error", "broken.lua"),
      line: 2,
    });
    expect(error.plugin).toBe("lunette");
  });

  test("options are validated", () => {
    expect(() => lunette({ roots: ["x"] } as never)).toThrow(
      "@lunette/rollup-plugin: unknown option 'roots'",
    );
    expect(() => lunette({ include: 3 } as never)).toThrow("option 'include' must be");
    expect(() => lunette({ path: "" })).toThrow("option 'path' must be a non-empty string");
  });
});

/** Vite 7, the rollup-plugin workspace's devDependency (the root has another Vite for vitest). */
async function importVite(): Promise<typeof import("vite")> {
  const require = createRequire(new URL("../../../rollup-plugin/package.json", import.meta.url));
  return import(pathToFileURL(require.resolve("vite")).href);
}

describe("vite", () => {
  test("vite build bundles .lua modules", async () => {
    const vite = await importVite();
    const out = mkdtempSync(join(tmpdir(), "lunette-vite-"));
    await vite.build({
      root: basic,
      logLevel: "silent",
      configFile: false,
      plugins: [lunette({ path: luaPath })],
      build: {
        outDir: out,
        sourcemap: true,
        minify: false,
        lib: { entry: join(basic, "main.js"), formats: ["es"], fileName: "main" },
      },
    });
    const main = await import(pathToFileURL(join(out, "main.js")).href);
    expect(main.run().describe).toBe("e1,e2,e3,e4 total=30");
  });

  test("the dev server serves compiled chunks with source maps to the .lua file", async () => {
    const vite = await importVite();
    const server = await vite.createServer({
      root: basic,
      logLevel: "silent",
      configFile: false,
      plugins: [lunette({ path: luaPath })],
      server: { middlewareMode: true, hmr: false, ws: false },
    });
    try {
      const chunk = await server.transformRequest("/lua/game.lua?lua-chunk");
      expect(chunk?.code).toMatch(/import \$lua\$module0 from ".*util\.lua\?(import&)?lua-chunk"/);
      expect(chunk?.code).toContain('$lua$register("util", $lua$module0)');
      const map = chunk?.map as { sources: string[]; sourcesContent: string[] };
      expect(map.sources.some((s) => s.endsWith("game.lua"))).toBe(true);
      expect(map.sourcesContent[0]).toContain("function M.describe(w)");
      const entry = await server.transformRequest("/lua/game.lua");
      expect(entry?.code).toContain("registerLuaModule(moduleName, load)");
      expect(entry?.code).toContain("requireLuaModule(moduleName)");
    } finally {
      await server.close();
    }
  });
});
