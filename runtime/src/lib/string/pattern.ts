// Lua 5.1 patterns (manual §5.4.1), matched by Lua's own backtracking algorithm as in
// lstrlib.c's `match`: never translated to RegExp, because Lua's classes, `%b`, `%f`, `-`,
// position captures and back references have no exact RegExp equivalent.
//
// Subjects and patterns are byte strings (one JS char per byte). Positions are 0-based
// offsets into the subject; -1 means "no match". A pattern ends at its length or at its first
// "\0" byte, whichever comes first: PUC-Rio's matcher reads the pattern as a C string (use %z
// to match a zero byte).
//
// Recursion: `match` loops over single-character items and recurses only per pattern item
// that may backtrack (`?`, `*`, `+`, `-`, captures), and `*`/`-` iterate over the subject
// rather than recursing per character. What depth remains (one level per such item, so long
// patterns like string.rep("a?", 5000)) is bounded by MAX_MATCH_DEPTH and by the JS stack;
// running out of either is the Lua error "pattern too complex", never a JS RangeError.
// (lua5.1 has no limit and crashes on the C stack; later versions use this message.)

import { F, fuelOut } from "../../sandbox/budget.js";
import { luaError } from "../args.js";

/** LUA_MAXCAPTURES */
export const MAX_CAPTURES = 32;
/** Capture length markers (lstrlib.c CAP_UNFINISHED / CAP_POSITION). */
export const CAP_UNFINISHED = -1;
export const CAP_POSITION = -2;

/** Nested backtracking items allowed before "pattern too complex". */
const MAX_MATCH_DEPTH = 200000;

const ESC = 37; // '%'
const OPEN_BRACKET = 91; // '['
const CLOSE_BRACKET = 93; // ']'
const CARET = 94; // '^'

// C-locale <ctype.h> classes for bytes 0..255 (bytes >= 128 belong to no class).
const ALPHA = 1;
const CNTRL = 2;
const DIGIT = 4;
const LOWER = 8;
const PUNCT = 16;
const SPACE = 32;
const UPPER = 64;
const XDIGIT = 128;
const ZERO = 256;
const NEGATE = 512;

const CTYPE = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  let bits = 0;
  if (c >= 97 && c <= 122) bits |= ALPHA | LOWER;
  if (c >= 65 && c <= 90) bits |= ALPHA | UPPER;
  if (c >= 48 && c <= 57) bits |= DIGIT | XDIGIT;
  if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) bits |= XDIGIT;
  if (c < 32 || c === 127) bits |= CNTRL;
  if (c === 32 || (c >= 9 && c <= 13)) bits |= SPACE;
  if (c > 32 && c < 127 && (bits & (ALPHA | DIGIT)) === 0) bits |= PUNCT;
  if (c === 0) bits |= ZERO;
  CTYPE[c] = bits;
}

// The class letter after '%' → its ctype mask (0: not a class, the char stands for itself).
const CLASS_OF = new Uint16Array(256);
const CLASS_LETTERS: [string, number][] = [
  ["a", ALPHA],
  ["c", CNTRL],
  ["d", DIGIT],
  ["l", LOWER],
  ["p", PUNCT],
  ["s", SPACE],
  ["u", UPPER],
  ["w", ALPHA | DIGIT],
  ["x", XDIGIT],
  ["z", ZERO],
];
for (const [letter, mask] of CLASS_LETTERS) {
  CLASS_OF[letter.charCodeAt(0)] = mask;
  CLASS_OF[letter.toUpperCase().charCodeAt(0)] = mask | NEGATE;
}

/** lstrlib.c match_class: does byte `c` belong to class `%cl`? */
export function matchClass(c: number, cl: number): boolean {
  const mask = CLASS_OF[cl];
  if (mask === 0) return cl === c;
  const inClass = (CTYPE[c] & mask) !== 0;
  return (mask & NEGATE) === 0 ? inClass : !inClass;
}

// A pattern is compiled once (and cached) into a list of items, so the matcher never re-parses
// pattern text: every single-character class (a byte, `.`, `%a`, a set) becomes a 256-entry
// membership table. Compilation stops at the first malformed item, which becomes a FAIL item
// raising lua5.1's error when the matcher reaches it (lstrlib.c raises these lazily too: `x%`
// only fails on a subject that matches the `x`).

const SINGLE = 0; // a single-character class, maybe quantified
const OPEN = 1; // `(`
const POSITION = 2; // `()`
const CLOSE = 3; // `)`
const BALANCE = 4; // `%bxy`
const FRONTIER = 5; // `%f[set]`
const BACKREF = 6; // `%1`..`%9` (and `%0`, which always fails with "invalid capture index")
const END_ANCHOR = 7; // `$` as the last pattern byte
const FAIL = 8; // a malformed item: raises `message`
const END = 9; // the end of the pattern: the match succeeds

/** One compiled pattern item. */
class Item {
  constructor(
    readonly op: number,
    /** SINGLE: 0 or the quantifier byte (`?`, `*`, `+`, `-`). */
    readonly quant: number,
    /** SINGLE and FRONTIER: membership of each byte 0..255. */
    readonly set: Uint8Array,
    /** BALANCE: the open byte; BACKREF: the digit byte. */
    readonly a: number,
    /** BALANCE: the close byte. */
    readonly b: number,
    /** FAIL: the error message. */
    readonly message: string,
  ) {}

  /**
   * SINGLE with a quantifier: the bytes the rest of the pattern can start with, when the rest
   * starts with a plain or `+` class (maybe after capture ends), so backtracking can skip the
   * offsets where the rest cannot match without trying it.
   */
  next: Uint8Array | undefined = undefined;
}

const NO_SET = new Uint8Array(256);

function item(op: number, a = 0, b = 0, message = ""): Item {
  return new Item(op, 0, NO_SET, a, b, message);
}

/** A compiled pattern: its items and, for a quick scan, the bytes a match can start with. */
export class Program {
  constructor(
    readonly items: Item[],
    /** Bytes that can start a match (the first item is a plain or `+` class), or undefined. */
    readonly first: Uint8Array | undefined,
  ) {}
}

/** lstrlib.c classEnd for compilation: the end of the class at `p`, or an error message. */
function classEndOf(pat: string, end: number, p: number): number | string {
  const c = pat.charCodeAt(p++);
  if (c === ESC) {
    if (p >= end) return "malformed pattern (ends with '%')";
    return p + 1;
  }
  if (c === OPEN_BRACKET) {
    if (p < end && pat.charCodeAt(p) === CARET) p++;
    // The first char after '[' (or '[^') is always a member, so "[]]" is a set holding ']'.
    do {
      if (p >= end) return "malformed pattern (missing ']')";
      const d = pat.charCodeAt(p++);
      if (d === ESC && p < end) p++; // skip escapes such as `%]`
    } while (p >= end || pat.charCodeAt(p) !== CLOSE_BRACKET);
    return p + 1;
  }
  return p;
}

/** lstrlib.c matchbracketclass: `p` is the '[' and `ec` the closing ']' of a set. */
function matchBracketClass(pat: string, c: number, p: number, ec: number): boolean {
  let member = true;
  if (pat.charCodeAt(p + 1) === CARET) {
    member = false;
    p++;
  }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === ESC) {
      p++;
      if (matchClass(c, pat.charCodeAt(p))) return member;
    } else if (pat.charCodeAt(p + 1) === 45 /* - */ && p + 2 < ec) {
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return member;
    } else if (pc === c) {
      return member;
    }
  }
  return !member;
}

/** lstrlib.c singlematch for every byte: the membership table of the class [p, ep). */
function classSet(pat: string, p: number, ep: number): Uint8Array {
  const set = new Uint8Array(256);
  const pc = pat.charCodeAt(p);
  for (let c = 0; c < 256; c++) {
    let m: boolean;
    if (pc === 46 /* . */) m = true;
    else if (pc === ESC) m = matchClass(c, pat.charCodeAt(p + 1));
    else if (pc === OPEN_BRACKET) m = matchBracketClass(pat, c, p, ep - 1);
    else m = pc === c;
    set[c] = m ? 1 : 0;
  }
  return set;
}

/** Compiles pattern [p, patEnd) following lstrlib.c match's reading of it. */
function compile(pat: string, patEnd: number, p: number): Program {
  const items: Item[] = [];
  for (;;) {
    if (p >= patEnd) {
      items.push(item(END));
      break;
    }
    const pc = pat.charCodeAt(p);
    if (pc === 40 /* ( */) {
      if (pat.charCodeAt(p + 1) === 41 && p + 1 < patEnd) {
        items.push(item(POSITION));
        p += 2;
      } else {
        items.push(item(OPEN));
        p++;
      }
      continue;
    }
    if (pc === 41 /* ) */) {
      items.push(item(CLOSE));
      p++;
      continue;
    }
    if (pc === ESC && p + 1 < patEnd) {
      const next = pat.charCodeAt(p + 1);
      if (next === 98 /* b */) {
        if (p + 3 >= patEnd) {
          items.push(item(FAIL, 0, 0, "unbalanced pattern"));
          break;
        }
        items.push(item(BALANCE, pat.charCodeAt(p + 2), pat.charCodeAt(p + 3)));
        p += 4;
        continue;
      }
      if (next === 102 /* f */) {
        p += 2;
        if (p >= patEnd || pat.charCodeAt(p) !== OPEN_BRACKET) {
          items.push(item(FAIL, 0, 0, "missing '[' after '%f' in pattern"));
          break;
        }
        const ep = classEndOf(pat, patEnd, p);
        if (typeof ep === "string") {
          items.push(item(FAIL, 0, 0, ep));
          break;
        }
        items.push(new Item(FRONTIER, 0, classSet(pat, p, ep), 0, 0, ""));
        p = ep;
        continue;
      }
      if (next >= 48 && next <= 57) {
        items.push(item(BACKREF, next));
        p += 2;
        continue;
      }
    } else if (pc === 36 /* $ */ && p + 1 === patEnd) {
      items.push(item(END_ANCHOR));
      break;
    }
    const ep = classEndOf(pat, patEnd, p);
    if (typeof ep === "string") {
      items.push(item(FAIL, 0, 0, ep));
      break;
    }
    const q = ep < patEnd ? pat.charCodeAt(ep) : 0;
    const quant = q === 63 || q === 42 || q === 43 || q === 45 ? q : 0;
    items.push(new Item(SINGLE, quant, classSet(pat, p, ep), 0, 0, ""));
    p = quant === 0 ? ep : ep + 1;
  }
  // Capture levels are static (captures open and close in pattern order), so which `)` are
  // valid is known here; the skips below never step over an item that would raise an error.
  let level = 0;
  const levels: number[] = [];
  for (const it of items) {
    levels.push(level);
    if (it.op === OPEN || it.op === POSITION) level++;
    else if (it.op === CLOSE) level--;
  }
  const startSet = (i: number, through: number): Uint8Array | undefined => {
    while (items[i].op === through && (through !== CLOSE || levels[i] > 0)) i++;
    const it = items[i];
    return it.op === SINGLE && (it.quant === 0 || it.quant === 43) ? it.set : undefined;
  };
  for (let i = 0; i < items.length; i++) {
    if (items[i].op === SINGLE && items[i].quant !== 0) items[i].next = startSet(i + 1, CLOSE);
  }
  let leading = 0;
  while (items[leading].op === OPEN) leading++;
  const first = leading <= MAX_CAPTURES ? startSet(0, OPEN) : undefined;
  return new Program(items, first);
}

/** Compiled patterns by start offset (0, or 1 after an anchoring '^') and pattern text. */
const programs: [Map<string, Program>, Map<string, Program>] = [new Map(), new Map()];
const MAX_CACHED = 256;

/** The compiled form of `pat` read from offset `p` (0 or 1). */
function programFor(pat: string, patEnd: number, p: number): Program {
  const cache = programs[p];
  let program = cache.get(pat);
  if (program === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    program = compile(pat, patEnd, p);
    cache.set(pat, program);
  }
  return program;
}

/** One match attempt's state: the subject, the pattern and the captures found so far. */
export class MatchState {
  /** The subject string. */
  src = "";
  /** The pattern. */
  pat = "";
  /** Where the pattern ends (its length, or its first "\0"). */
  patEnd = 0;
  /** The compiled pattern being run. */
  items: Item[] = [];
  /** The start offset `items` were compiled from (-1: not compiled yet). */
  private startOffset = -1;
  /** Number of captures opened so far (finished or not). */
  level = 0;
  /** Current nesting of backtracking calls, bounded by MAX_MATCH_DEPTH. */
  depth = 0;
  /** Capture i starts at subject offset capStart[i]... */
  readonly capStart = new Int32Array(MAX_CAPTURES);
  /** ...and is capLen[i] bytes long, or CAP_UNFINISHED / CAP_POSITION. */
  readonly capLen = new Int32Array(MAX_CAPTURES);

  constructor(src: string, pat: string) {
    this.src = src;
    this.setPattern(pat);
  }

  setPattern(pat: string): void {
    this.pat = pat;
    this.startOffset = -1;
    const nul = pat.indexOf("\0");
    this.patEnd = nul < 0 ? pat.length : nul;
  }

  /**
   * The compiled pattern from offset `p` (0, or 1 after an anchoring '^'): callers use
   * `first` to skip subject positions where no match can start.
   */
  program(p: number): Program {
    const program = programFor(this.pat, this.patEnd, p);
    this.items = program.items;
    this.startOffset = p;
    return program;
  }

  /** Try to match the pattern from pattern offset `p` at subject offset `s`. */
  run(s: number, p: number): number {
    if (p !== this.startOffset) this.program(p);
    this.level = 0;
    this.depth = 0;
    try {
      return match(this, s, 0);
    } catch (e) {
      if (e instanceof RangeError) tooComplex();
      throw e;
    }
  }

  /** Forget the compiled pattern (the state is being reused for another pattern). */
  reset(): void {
    this.items = [];
    this.startOffset = -1;
  }
}

/** Recycled match states: find/match/gsub take one and give it back when they finish. */
const pool: MatchState[] = [];

/** A match state for `src` and `pat` (from the pool when one is free). */
export function acquireMatchState(src: string, pat: string): MatchState {
  const ms = pool.pop();
  if (ms === undefined) return new MatchState(src, pat);
  ms.src = src;
  ms.setPattern(pat);
  ms.reset();
  return ms;
}

/** Give a state back (a state lost to an error is simply garbage collected). */
export function releaseMatchState(ms: MatchState): void {
  if (pool.length < 16) {
    ms.src = "";
    ms.pat = "";
    ms.reset();
    pool.push(ms);
  }
}

/** The Lua error for a backtracking nest deeper than MAX_MATCH_DEPTH. */
function tooComplex(): never {
  return luaError("pattern too complex", 1);
}

/**
 * lstrlib.c match over compiled items: the end offset of a match of items[i..] at subject
 * offset `s`, or -1. Unquantified single-character items are consumed in the loop.
 */
function match(ms: MatchState, s: number, i: number): number {
  if (++ms.depth > MAX_MATCH_DEPTH) tooComplex();
  if (--F.fuel < 0) fuelOut(); // each match attempt is a unit of fuel (sandbox/budget.ts)
  const src = ms.src;
  const items = ms.items;
  const srcEnd = src.length;
  let result: number;
  for (;;) {
    const it = items[i];
    const op = it.op;
    if (op === SINGLE) {
      const set = it.set;
      const quant = it.quant;
      if (quant === 0) {
        if (s < srcEnd && set[src.charCodeAt(s)] !== 0) {
          s++;
          i++;
          continue;
        }
        result = -1;
        break;
      }
      if (quant === 42 /* * */ || quant === 43 /* + */) {
        // lstrlib.c max_expand: the longest run, then back off one byte at a time.
        let e = s;
        while (e < srcEnd && set[src.charCodeAt(e)] !== 0) e++;
        const min = quant === 43 ? s + 1 : s;
        if (items[i + 1].op === END) {
          result = e >= min ? e : -1;
          break;
        }
        result = -1;
        const next = it.next;
        for (; e >= min; e--) {
          if (--F.fuel < 0) fuelOut(); // a unit of fuel per backtracking step
          if (next !== undefined && (e >= srcEnd || next[src.charCodeAt(e)] === 0)) continue;
          const r = match(ms, e, i + 1);
          if (r !== -1) {
            result = r;
            break;
          }
        }
        break;
      }
      if (quant === 63 /* ? */) {
        if (s < srcEnd && set[src.charCodeAt(s)] !== 0) {
          const r = match(ms, s + 1, i + 1);
          if (r !== -1) {
            result = r;
            break;
          }
        }
        i++;
        continue;
      }
      // `-`, lstrlib.c min_expand: try the rest first, then extend the run by one byte.
      const next = it.next;
      for (;;) {
        if (--F.fuel < 0) fuelOut(); // a unit of fuel per backtracking step
        const r =
          next !== undefined && (s >= srcEnd || next[src.charCodeAt(s)] === 0)
            ? -1
            : match(ms, s, i + 1);
        if (r !== -1) {
          result = r;
          break;
        }
        if (s < srcEnd && set[src.charCodeAt(s)] !== 0) s++;
        else {
          result = -1;
          break;
        }
      }
      break;
    }
    if (op === END) {
      result = s;
      break;
    }
    if (op === OPEN || op === POSITION) {
      result = startCapture(ms, s, i + 1, op === POSITION ? CAP_POSITION : CAP_UNFINISHED);
      break;
    }
    if (op === CLOSE) {
      result = endCapture(ms, s, i + 1);
      break;
    }
    if (op === BALANCE) {
      s = matchBalance(ms, s, it.a, it.b);
      if (s === -1) {
        result = -1;
        break;
      }
      i++;
      continue;
    }
    if (op === FRONTIER) {
      // The frontier sees "\0" before the subject's start and after its end.
      const previous = s === 0 ? 0 : src.charCodeAt(s - 1);
      const current = s < srcEnd ? src.charCodeAt(s) : 0;
      if (it.set[previous] === 0 && it.set[current] !== 0) {
        i++;
        continue;
      }
      result = -1;
      break;
    }
    if (op === BACKREF) {
      s = matchCapture(ms, s, it.a);
      if (s === -1) {
        result = -1;
        break;
      }
      i++;
      continue;
    }
    if (op === END_ANCHOR) {
      result = s === srcEnd ? s : -1;
      break;
    }
    return luaError(it.message, 1); // FAIL
  }
  ms.depth--;
  return result;
}

/** lstrlib.c start_capture. */
function startCapture(ms: MatchState, s: number, i: number, what: number): number {
  const level = ms.level;
  if (level >= MAX_CAPTURES) luaError("too many captures", 1);
  ms.capStart[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const r = match(ms, s, i);
  if (r === -1) ms.level--; // undo the capture
  return r;
}

/** lstrlib.c end_capture: close the innermost unfinished capture. */
function endCapture(ms: MatchState, s: number, i: number): number {
  let l = ms.level - 1;
  while (l >= 0 && ms.capLen[l] !== CAP_UNFINISHED) l--;
  if (l < 0) luaError("invalid pattern capture", 1);
  ms.capLen[l] = s - ms.capStart[l];
  const r = match(ms, s, i);
  if (r === -1) ms.capLen[l] = CAP_UNFINISHED; // undo the capture
  return r;
}

/** lstrlib.c matchbalance: `%bxy` with x = open, y = close. */
function matchBalance(ms: MatchState, s: number, open: number, close: number): number {
  const src = ms.src;
  const srcEnd = src.length;
  if (s >= srcEnd || src.charCodeAt(s) !== open) return -1;
  let depth = 1;
  while (++s < srcEnd) {
    const c = src.charCodeAt(s);
    if (c === close) {
      if (--depth === 0) return s + 1;
    } else if (c === open) {
      depth++;
    }
  }
  return -1;
}

/** lstrlib.c check_capture: a back reference `%1`..`%9` must name a finished capture. */
function checkCapture(ms: MatchState, digit: number): number {
  const l = digit - 49; // '1'
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) {
    luaError("invalid capture index", 1);
  }
  return l;
}

/** lstrlib.c match_capture: a back reference matches the captured bytes again. */
function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = checkCapture(ms, digit);
  const len = ms.capLen[l];
  // A position capture has no bytes: as in C (where its length is a huge size_t) it never
  // matches.
  if (len < 0 || ms.src.length - s < len) return -1;
  const start = ms.capStart[l];
  if (ms.src.substr(start, len) !== ms.src.substr(s, len)) return -1;
  return s + len;
}

/**
 * lstrlib.c get_onecapture: capture `i` of the match [s, e). Without captures, capture 0 is
 * the whole match. Position captures are 1-based numbers.
 */
export function getCapture(ms: MatchState, i: number, s: number, e: number): string | number {
  if (i >= ms.level) {
    if (i !== 0) luaError("invalid capture index", 1);
    return ms.src.slice(s, e);
  }
  const len = ms.capLen[i];
  if (len === CAP_UNFINISHED) luaError("unfinished capture", 1);
  const start = ms.capStart[i];
  if (len === CAP_POSITION) return start + 1;
  return ms.src.substr(start, len);
}

/**
 * lstrlib.c push_captures: every capture of the match [s, e), or the whole match when the
 * pattern has none and `wholeIfNone` is set.
 */
export function getCaptures(
  ms: MatchState,
  s: number,
  e: number,
  wholeIfNone: boolean,
): (string | number)[] {
  const n = ms.level === 0 && wholeIfNone ? 1 : ms.level;
  const captures = new Array<string | number>(n);
  for (let i = 0; i < n; i++) captures[i] = getCapture(ms, i, s, e);
  return captures;
}

/** lstrlib.c SPECIALS: a pattern without these bytes (before any "\0") is a plain string. */
export function hasSpecials(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    switch (pat.charCodeAt(i)) {
      case 0:
        return false;
      case 94: // ^
      case 36: // $
      case 42: // *
      case 43: // +
      case 63: // ?
      case 46: // .
      case 40: // (
      case 91: // [
      case ESC:
      case 45: // -
        return true;
    }
  }
  return false;
}
