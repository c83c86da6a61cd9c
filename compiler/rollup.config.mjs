// Bundles the CLI's interpreter thread (dist/cli/worker.js and everything it imports: the
// compiler, frontend, runtime, astring) into one file. Node loads one module much faster than
// seventy, which matters for `lunette file.lua` startup. Bare imports are resolved with Node's
// own resolution; Node built-ins stay external.
import { fileURLToPath } from "node:url";

const resolveWithNode = {
  name: "resolve-with-node",
  resolveId(source) {
    if (source.startsWith("node:")) return { id: source, external: true };
    if (source.startsWith("@lunette/") || source === "astring") {
      return fileURLToPath(import.meta.resolve(source));
    }
    return null;
  },
};

export default {
  input: fileURLToPath(new URL("dist/cli/worker.js", import.meta.url)),
  output: {
    file: fileURLToPath(new URL("dist/cli/worker.bundle.js", import.meta.url)),
    format: "es",
  },
  plugins: [resolveWithNode],
  onwarn(warning, warn) {
    if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
  },
};
