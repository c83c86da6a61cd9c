// Printing: astring writes the ESTree program and, through its `sourceMap` option, one mapping
// per located node into a source-map SourceMapGenerator (Lua lines 1-based, columns 0-based).

import { generate } from "astring";
import { type RawSourceMap, SourceMapGenerator } from "source-map";
import type { ES } from "../lower/builders.js";

export type SourceMapJSON = RawSourceMap;

export interface Printed {
  code: string;
  map: SourceMapJSON;
}

/** Print `program`; the map names `sourceFile` and embeds `source` as its sourcesContent. */
export function print(program: ES.Program, sourceFile: string, source: string): Printed {
  // astring takes the mapping's source from the generator's `file`.
  const generator = new SourceMapGenerator({ file: sourceFile });
  const code = generate(program, { sourceMap: generator });
  generator.setSourceContent(sourceFile, source);
  const map = generator.toJSON();
  map.file = `${sourceFile.replace(/\.lua$/, "")}.js`;
  return { code, map };
}
