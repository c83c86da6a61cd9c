// Printing: astring writes the ESTree program and, through its `sourceMap` option, one mapping
// per located node into a source-map SourceMapGenerator (Lua lines 1-based, columns 0-based).
// The source-map package is loaded only when a map is asked for, so that running Lua from the
// CLI (which needs no map) does not pay for loading it.

import { createRequire } from "node:module";
import { generate } from "astring";
import type { RawSourceMap, SourceMapGenerator } from "source-map";
import type { ES } from "../lower/builders.js";

export type SourceMapJSON = RawSourceMap;

export interface Printed {
  code: string;
  map: SourceMapJSON;
}

let generatorClass: typeof SourceMapGenerator | undefined;

function sourceMapGenerator(): typeof SourceMapGenerator {
  generatorClass ??= (createRequire(import.meta.url)("source-map") as typeof import("source-map"))
    .SourceMapGenerator;
  return generatorClass;
}

/** Print `program`; the map names `sourceFile` and embeds `source` as its sourcesContent. */
export function print(program: ES.Program, sourceFile: string, source: string): Printed {
  // astring takes the mapping's source from the generator's `file`.
  const Generator = sourceMapGenerator();
  const generator = new Generator({ file: sourceFile });
  const code = generate(program, { sourceMap: generator });
  generator.setSourceContent(sourceFile, source);
  const map = generator.toJSON();
  map.file = `${sourceFile.replace(/\.lua$/, "")}.js`;
  return { code, map };
}

/** Print `program` without a source map. */
export function printCode(program: ES.Program): string {
  return generate(program);
}
