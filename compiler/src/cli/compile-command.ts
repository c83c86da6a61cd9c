// `lunette compile file.lua [-o out.js]`: writes the ES module and its source map
// (`out.js.map`, with the Lua source embedded as sourcesContent).

import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { fileError } from "@lunette/runtime/node";
import { compile } from "../index.js";
import { skipShebangLine } from "./load-chunk.js";

export function runCompileCommand(argv: string[]): number {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-o") output = argv[++i];
    else if (input === undefined) input = argv[i];
    else return fail(`unexpected argument '${argv[i]}'`);
  }
  if (input === undefined) return fail("usage: lunette compile file.lua [-o file.js]");
  output ??= `${input.replace(/\.lua$/, "")}.js`;
  let source: string;
  try {
    source = readFileSync(input, "latin1");
  } catch (e) {
    return fail(fileError(input, e));
  }
  try {
    const sourceFile = relative(dirname(resolve(output)), resolve(input));
    const { code, map } = compile(skipShebangLine(source), {
      chunkName: `@${input}`,
      format: "esm",
      sourceFile,
    });
    writeFileSync(output, `${code}\n//# sourceMappingURL=${basename(output)}.map\n`);
    writeFileSync(`${output}.map`, JSON.stringify(map));
    return 0;
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}

function fail(message: string): number {
  process.stderr.write(`lunette: ${message}\n`);
  return 1;
}
