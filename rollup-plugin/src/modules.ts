// Lua module names and files at build time, the way loadlib.c's findfile searches package.path:
// each template with `?` replaced by the name (dots → slashes), first existing file wins. The
// reverse (which name a file has) matches the file against the same templates.

import { existsSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";

export interface ModuleFile {
  /** The module name (`world.entities`). */
  name: string;
  /** The absolute file. */
  file: string;
  /** The template with `?` replaced, as lua5.1 names the chunk (`@./lua/world.lua`). */
  chunkName: string;
}

function templates(path: string): string[] {
  return path.split(";").filter((t) => t !== "");
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** findfile: the file for `require(name)`, or undefined when no template gives one. */
export function findModule(name: string, path: string, cwd: string): ModuleFile | undefined {
  const fileName = name.replaceAll(".", "/");
  for (const template of templates(path)) {
    const relativeFile = template.replaceAll("?", fileName);
    const file = resolve(cwd, relativeFile);
    if (isFile(file)) return { name, file, chunkName: `@${relativeFile}` };
  }
  return undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+^${}()|[\]\\]/g, "\\$&");
}

/**
 * The module a file is, by the first template that matches it; a file outside every template
 * is named after its path relative to `cwd`.
 */
export function moduleOfFile(file: string, path: string, cwd: string): ModuleFile {
  const target = file.split(sep).join("/");
  let best: ModuleFile | undefined;
  for (const template of templates(path)) {
    if (!template.includes("?")) continue;
    const absolute = resolve(cwd, template.replaceAll("?", "\u0000")).split(sep).join("/");
    const pattern = new RegExp(`^${absolute.split("\u0000").map(escapeRegExp).join("([^.]+?)")}$`);
    const match = pattern.exec(target);
    if (match === null || match.slice(1).some((m) => m !== match[1])) continue;
    // world/init.lua is both `world.init` (by ./?.lua) and `world` (by ./?/init.lua): the
    // shorter name is the one people require.
    const name = match[1].replaceAll("/", ".");
    if (best === undefined || name.length < best.name.length)
      best = { name, file, chunkName: `@${template.replaceAll("?", match[1])}` };
  }
  if (best !== undefined) return best;
  const relativeFile = relative(cwd, file).split(sep).join("/");
  return {
    name: relativeFile.replace(/\.lua$/, "").replaceAll("/", "."),
    file,
    chunkName: `@${relativeFile}`,
  };
}
