// Vite 7 configuration of the example (`node build.mjs` uses it; so can `vite` itself).
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import lunette from "@lunette/rollup-plugin";

const root = dirname(fileURLToPath(import.meta.url));

export default {
  root,
  plugins: [lunette({ path: "./lua/?.lua;./lua/?/init.lua" })],
  build: { sourcemap: true, target: "es2022" },
};
