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

/** One match attempt's state: the subject, the pattern and the captures found so far. */
export class MatchState {
  /** The subject string. */
  src = "";
  /** The pattern. */
  pat = "";
  /** Where the pattern ends (its length, or its first "\0"). */
  patEnd = 0;
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
    const nul = pat.indexOf("\0");
    this.patEnd = nul < 0 ? pat.length : nul;
  }

  /** Try to match the pattern from pattern offset `p` at subject offset `s`. */
  run(s: number, p: number): number {
    this.level = 0;
    this.depth = 0;
    try {
      return match(this, s, p);
    } catch (e) {
      if (e instanceof RangeError) tooComplex();
      throw e;
    }
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
  return ms;
}

/** Give a state back (a state lost to an error is simply garbage collected). */
export function releaseMatchState(ms: MatchState): void {
  if (pool.length < 16) {
    ms.src = "";
    ms.pat = "";
    pool.push(ms);
  }
}

/** lstrlib.c classEnd: the offset just after the single-character class starting at `p`. */
function classEnd(ms: MatchState, p: number): number {
  const pat = ms.pat;
  const end = ms.patEnd;
  const c = pat.charCodeAt(p++);
  if (c === ESC) {
    if (p >= end) luaError("malformed pattern (ends with '%')", 1);
    return p + 1;
  }
  if (c === OPEN_BRACKET) {
    if (p < end && pat.charCodeAt(p) === CARET) p++;
    // The first char after '[' (or '[^') is always a member, so "[]]" is a set holding ']'.
    do {
      if (p >= end) luaError("malformed pattern (missing ']')", 1);
      const d = pat.charCodeAt(p++);
      if (d === ESC && p < end) p++; // skip escapes such as `%]`
    } while (p >= end || pat.charCodeAt(p) !== CLOSE_BRACKET);
    return p + 1;
  }
  return p;
}

/** lstrlib.c matchbracketclass: `p` is the '[' and `ec` the closing ']' of a set. */
function matchBracketClass(ms: MatchState, c: number, p: number, ec: number): boolean {
  const pat = ms.pat;
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

/** lstrlib.c singlematch: does subject byte `c` match the class item [p, ep)? */
function singleMatch(ms: MatchState, c: number, p: number, ep: number): boolean {
  const pc = ms.pat.charCodeAt(p);
  switch (pc) {
    case 46: // '.'
      return true;
    case ESC:
      return matchClass(c, ms.pat.charCodeAt(p + 1));
    case OPEN_BRACKET:
      return matchBracketClass(ms, c, p, ep - 1);
    default:
      return pc === c;
  }
}

/** The Lua error for a backtracking nest deeper than MAX_MATCH_DEPTH. */
function tooComplex(): never {
  return luaError("pattern too complex", 1);
}

/**
 * lstrlib.c match: the end offset of a match of pattern [p, patEnd) at subject offset `s`,
 * or -1. Single-character items without a quantifier are consumed in the loop.
 */
function match(ms: MatchState, s: number, p: number): number {
  if (++ms.depth > MAX_MATCH_DEPTH) tooComplex();
  if (--F.fuel < 0) fuelOut(); // each match attempt is a unit of fuel (sandbox/budget.ts)
  const src = ms.src;
  const pat = ms.pat;
  const srcEnd = src.length;
  const patEnd = ms.patEnd;
  let result: number;
  for (;;) {
    if (p >= patEnd) {
      result = s;
      break;
    }
    const pc = pat.charCodeAt(p);
    if (pc === 40 /* ( */) {
      result =
        pat.charCodeAt(p + 1) === 41 && p + 1 < patEnd
          ? startCapture(ms, s, p + 2, CAP_POSITION)
          : startCapture(ms, s, p + 1, CAP_UNFINISHED);
      break;
    }
    if (pc === 41 /* ) */) {
      result = endCapture(ms, s, p + 1);
      break;
    }
    if (pc === ESC && p + 1 < patEnd) {
      const next = pat.charCodeAt(p + 1);
      if (next === 98 /* b */) {
        s = matchBalance(ms, s, p + 2);
        if (s === -1) {
          result = -1;
          break;
        }
        p += 4;
        continue;
      }
      if (next === 102 /* f */) {
        p += 2;
        if (p >= patEnd || pat.charCodeAt(p) !== OPEN_BRACKET) {
          luaError("missing '[' after '%f' in pattern", 1);
        }
        const ep = classEnd(ms, p);
        // The frontier sees "\0" before the subject's start and after its end.
        const previous = s === 0 ? 0 : src.charCodeAt(s - 1);
        const current = s < srcEnd ? src.charCodeAt(s) : 0;
        if (
          !matchBracketClass(ms, previous, p, ep - 1) &&
          matchBracketClass(ms, current, p, ep - 1)
        ) {
          p = ep;
          continue;
        }
        result = -1;
        break;
      }
      if (next >= 48 && next <= 57) {
        s = matchCapture(ms, s, next);
        if (s === -1) {
          result = -1;
          break;
        }
        p += 2;
        continue;
      }
    } else if (pc === 36 /* $ */ && p + 1 === patEnd) {
      result = s === srcEnd ? s : -1;
      break;
    }
    // A single-character class, maybe followed by a quantifier.
    const ep = classEnd(ms, p);
    const matched = s < srcEnd && singleMatch(ms, src.charCodeAt(s), p, ep);
    const quantifier = ep < patEnd ? pat.charCodeAt(ep) : 0;
    if (quantifier === 63 /* ? */) {
      if (matched) {
        const r = match(ms, s + 1, ep + 1);
        if (r !== -1) {
          result = r;
          break;
        }
      }
      p = ep + 1;
      continue;
    }
    if (quantifier === 42 /* * */) {
      result = maxExpand(ms, s, p, ep);
      break;
    }
    if (quantifier === 43 /* + */) {
      result = matched ? maxExpand(ms, s + 1, p, ep) : -1;
      break;
    }
    if (quantifier === 45 /* - */) {
      result = minExpand(ms, s, p, ep);
      break;
    }
    if (!matched) {
      result = -1;
      break;
    }
    s++;
    p = ep;
  }
  ms.depth--;
  return result;
}

/** lstrlib.c max_expand: the longest run of the item, then back off one byte at a time. */
function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  const src = ms.src;
  const srcEnd = src.length;
  let i = 0;
  while (s + i < srcEnd && singleMatch(ms, src.charCodeAt(s + i), p, ep)) i++;
  for (; i >= 0; i--) {
    const r = match(ms, s + i, ep + 1);
    if (r !== -1) return r;
  }
  return -1;
}

/** lstrlib.c min_expand: try the rest first, then extend the run by one byte at a time. */
function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  const src = ms.src;
  const srcEnd = src.length;
  for (;;) {
    const r = match(ms, s, ep + 1);
    if (r !== -1) return r;
    if (s < srcEnd && singleMatch(ms, src.charCodeAt(s), p, ep)) s++;
    else return -1;
  }
}

/** lstrlib.c start_capture. */
function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAX_CAPTURES) luaError("too many captures", 1);
  ms.capStart[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const r = match(ms, s, p);
  if (r === -1) ms.level--; // undo the capture
  return r;
}

/** lstrlib.c end_capture: close the innermost unfinished capture. */
function endCapture(ms: MatchState, s: number, p: number): number {
  let l = ms.level - 1;
  while (l >= 0 && ms.capLen[l] !== CAP_UNFINISHED) l--;
  if (l < 0) luaError("invalid pattern capture", 1);
  ms.capLen[l] = s - ms.capStart[l];
  const r = match(ms, s, p);
  if (r === -1) ms.capLen[l] = CAP_UNFINISHED; // undo the capture
  return r;
}

/** lstrlib.c matchbalance: `%bxy` at pattern offset p (the x). */
function matchBalance(ms: MatchState, s: number, p: number): number {
  if (p + 1 >= ms.patEnd) luaError("unbalanced pattern", 1);
  const src = ms.src;
  const srcEnd = src.length;
  const open = ms.pat.charCodeAt(p);
  if (s >= srcEnd || src.charCodeAt(s) !== open) return -1;
  const close = ms.pat.charCodeAt(p + 1);
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
