// The global site table. Every operation of compiled code that can raise an error has a static
// site id; a chunk registers its sites once when it is loaded. A site knows its chunk, line and
// the lua5.1 descriptions of its operands (`local 'x'`, `global 'f'`, `field 'y'`, `upvalue 'u'`,
// `method 'm'`), which is how messages like `attempt to index local 't' (a nil value)` are made
// without any cost on the fast path (docs/architecture.md, "Call sites and frames").
//
// Site 0 means "no Lua position": the host, or a library function calling back into Lua (as a
// C function would in PUC-Rio Lua, where luaL_where adds nothing). A negative id -s is the
// position of site s for a call that has no name: the runtime stores it in S.site when it calls
// a metamethod, so errors are positioned at the operation but the callee is not named after
// the operand (lua5.1's getfuncname finds no name for metamethod calls).

import { registerChunkSource } from "./dump.js";
import { S } from "./state.js";

/**
 * Sites at or above C_SITE are *C sites* C_SITE * k + s: k library (C) functions called from the
 * Lua code at site s (levels.ts). They have no position of their own, but the function of s.
 */
export const C_SITE = 2 ** 27;

/** One registered site: `[line, a?, b?]`. */
export type SiteEntry = [line: number, a?: string, b?: string];

const siteChunk: string[] = [""];
const siteLine: number[] = [0];
const siteA: (string | undefined)[] = [undefined];
const siteB: (string | undefined)[] = [undefined];
/** The global id of the definition site of the function each site belongs to (0: none). */
const siteFunction: number[] = [0];

/**
 * The operand descriptions of site k of a chunk, computed when first needed (an error message
 * asks): registerLazySites. The VM derives them from bytecode (ldebug.c getobjname), which
 * walks the function's code up to the instruction, so naming every instruction of a long
 * function at load time would take time quadratic in its length.
 */
export type SiteNames = (k: number) => [a: string | undefined, b: string | undefined];

/** siteA's mark for a site whose names are not computed yet. */
const UNNAMED = "\u0000unnamed";
/** The base id of each chunk registered by registerLazySites (increasing), and its names. */
const lazyBases: number[] = [];
const lazyNames: SiteNames[] = [];

/** Fills in the names of `site` when they are still to be computed. */
function named(site: number): void {
  if (siteA[site] !== UNNAMED) return;
  let lo = 0;
  let hi = lazyBases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lazyBases[mid]! <= site) lo = mid;
    else hi = mid - 1;
  }
  const [a, b] = lazyNames[lo]!(site - lazyBases[lo]!);
  siteA[site] = a || undefined;
  siteB[site] = b || undefined;
}

/**
 * The most recently created closure of the function defined at a definition site. Compiled code
 * stores it when it creates a closure; a frame's function is then found from the frame's site
 * (`functionAtDepth`), so calls push no function object. When several closures of one function
 * are alive, level-based getfenv/setfenv see the latest (documented in docs/architecture.md).
 */
export const lastClosures: unknown[] = [];

/**
 * Appends the sites of one chunk (its display name, e.g. `e.lua` or `[string "..."]`) and
 * returns the base id: site k of the chunk has id `base + k`. A chunk that keeps its source for
 * string.dump also passes its chunk name, source and function positions (dump.ts).
 */
export function registerSites(
  chunkName: string,
  sites: SiteEntry[],
  functions: number[] = [],
  loadName?: string,
  source?: string,
  definitions?: number[],
): number {
  const base = siteLine.length;
  for (let k = 0; k < sites.length; k++) {
    const [line, a, b] = sites[k]!;
    siteChunk.push(chunkName);
    siteLine.push(line);
    siteA.push(a || undefined);
    siteB.push(b || undefined);
    const fn = functions[k];
    siteFunction.push(fn === undefined ? 0 : base + fn);
  }
  if (source !== undefined && definitions !== undefined)
    registerChunkSource(base, loadName ?? chunkName, source, definitions);
  return base;
}

/**
 * registerSites for sites whose operand names `names` gives when an error first needs them
 * (`lines`: the line of each site).
 */
export function registerLazySites(
  chunkName: string,
  lines: number[],
  functions: number[],
  names: SiteNames,
): number {
  const base = registerSites(
    chunkName,
    lines.map((line) => [line, UNNAMED, UNNAMED]),
    functions,
  );
  lazyBases.push(base);
  lazyNames.push(names);
  return base;
}

/** The line of a site (0 for site 0 or an unknown id). */
export function siteLineOf(site: number): number {
  return siteLine[site < 0 ? -site : site] ?? 0;
}

/** The definition site of the function that `site` belongs to (0 when unknown). */
export function siteFunctionOf(site: number): number {
  return siteFunction[site < 0 ? -site : site >= C_SITE ? site % C_SITE : site] ?? 0;
}

/** lua5.1's `linedefined` of the function a site belongs to (0: main chunk or unknown). */
export function lineDefinedOf(site: number): number | undefined {
  const definition = siteFunctionOf(site);
  return definition === 0 ? undefined : siteLine[definition];
}

/** The closure of the function a site belongs to (the latest one created, see lastClosures). */
export function closureOfSite(site: number): unknown {
  const definition = siteFunctionOf(site);
  return definition === 0 ? undefined : lastClosures[definition];
}

/**
 * The function running at frame depth `d` (1 = outermost Lua frame): the closure of the function
 * that the frame's current site belongs to (S.site for the innermost frame, else the site from
 * which frame d + 1 was called).
 */
export function functionAtDepth(d: number): unknown {
  return closureOfSite(d === S.depth ? S.site : S.callSites[d + 1]!);
}

/** The chunk display name of a site. */
export function siteChunkOf(site: number): string {
  return siteChunk[site < 0 ? -site : site] ?? "";
}

/** The description of the site's first operand (object, callee, or left operand). */
export function siteOperandA(site: number): string | undefined {
  named(site);
  return siteA[site];
}

/** The description of the site's second operand (right operand of arithmetic or concat). */
export function siteOperandB(site: number): string | undefined {
  named(site);
  return siteB[site];
}

/** `chunk:line:` for a site, or "" when the site has no Lua position (luaL_where). */
export function sitePosition(site: number): string {
  if (site < 0) site = -site;
  if (site === 0 || site >= siteLine.length) return "";
  return `${siteChunk[site]}:${siteLine[site]}:`;
}

/** The message prefix `chunk:line: ` for a site, or "" (luaG_runerror's addinfo). */
export function sitePrefix(site: number): string {
  const where = sitePosition(site);
  return where === "" ? "" : `${where} `;
}

/**
 * The name of the callee described by a call site's first operand (`global 'f'` → f), and
 * whether it was a method call; what lua5.1 puts in `bad argument #1 to 'f'`.
 */
export function siteCalleeName(site: number): { name: string; method: boolean } | undefined {
  if (site <= 0) return undefined;
  named(site);
  const description = siteA[site];
  if (description === undefined) return undefined;
  const quote = description.indexOf("'");
  if (quote < 0 || !description.endsWith("'")) return undefined;
  return {
    name: description.slice(quote + 1, -1),
    method: description.startsWith("method "),
  };
}

/**
 * luaO_chunkid: the display name of a Lua chunk name: `@file` → file, `=name` → name, any other
 * (the source itself) → `[string "first line..."]`, cut to fit LUA_IDSIZE (60).
 */
export function chunkId(source: string): string {
  const IDSIZE = 60;
  if (source.startsWith("=")) return source.slice(1, IDSIZE);
  if (source.startsWith("@")) {
    const name = source.slice(1);
    const room = IDSIZE - " '...' ".length - 1;
    return name.length <= room ? name : `...${name.slice(name.length - room)}`;
  }
  const room = IDSIZE - ' [string "..."] '.length - 1;
  let end = source.search(/[\r\n]/);
  if (end < 0) end = source.length;
  if (end > room) end = room;
  return end < source.length ? `[string "${source.slice(0, end)}..."]` : `[string "${source}"]`;
}
