// Builds the example twice: with rollup into dist-rollup/ and with Vite 7 into dist-vite/.
// Run from anywhere after `npm run build`: `node examples/browser-game/build.mjs`.
// The browser test (test/browser) calls the same functions.

import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import lunette from "@lunette/rollup-plugin";
import nodeResolve from "@rollup/plugin-node-resolve";
import { rollup } from "rollup";

const here = dirname(fileURLToPath(import.meta.url));
const luaPath = "./lua/?.lua;./lua/?/init.lua";

/** rollup: dist-rollup/main.js (+ map) and index.html. */
export async function buildWithRollup(outDir = join(here, "dist-rollup")) {
  const bundle = await rollup({
    input: join(here, "main.js"),
    plugins: [lunette({ cwd: here, path: luaPath }), nodeResolve({ browser: true })],
    onwarn(warning, warn) {
      if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
    },
  });
  mkdirSync(outDir, { recursive: true });
  await bundle.write({ file: join(outDir, "main.js"), format: "es", sourcemap: true });
  await bundle.close();
  copyFileSync(join(here, "index.html"), join(outDir, "index.html"));
  return outDir;
}

/** Vite 7 (the rollup-plugin workspace's devDependency): dist-vite/. */
export async function buildWithVite(outDir = join(here, "dist-vite")) {
  const require = createRequire(join(here, "../../rollup-plugin/package.json"));
  const vite = await import(pathToFileURL(require.resolve("vite")).href);
  const { default: config } = await import(pathToFileURL(join(here, "vite.config.mjs")).href);
  await vite.build({
    ...config,
    configFile: false,
    logLevel: "warn",
    build: { ...config.build, outDir, emptyOutDir: true },
  });
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rollupDir = await buildWithRollup();
  const viteDir = await buildWithVite();
  const sizes = (file) => `${readFileSync(file).length} bytes`;
  console.log(`rollup: ${rollupDir} (main.js ${sizes(join(rollupDir, "main.js"))})`);
  console.log(`vite:   ${viteDir}`);
}
