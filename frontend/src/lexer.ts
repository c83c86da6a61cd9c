// The Lua 5.1 lexer: a pull lexer in the manner of PUC-Rio's llex.c. The parser calls `next()`
// and reads the current token from the lexer's fields; `lookahead()` peeks one token further
// (only the table constructor needs it, to tell `{x = 1}` from `{x}`).
//
// The source is a byte string (one JS char per byte). Character classes are those of the C
// locale, as lua5.1 uses them: only ASCII letters, digits and `_` form names, so any byte
// >= 128 is a one-character token of its own.
//
// Positions: `line` is the line the scanner is on (lua5.1's `ls->linenumber`; after a
// multi-line token it is the line where that token ends) and is the line every syntax error
// reports. `tokenLine`/`tokenColumn` are where the current token starts, for AST locations.

import { LuaSyntaxError } from "./errors.js";
import {
  RESERVED_WORDS,
  TK_CONCAT,
  TK_DOTS,
  TK_EOS,
  TK_EQ,
  TK_GE,
  TK_LE,
  TK_NAME,
  TK_NE,
  TK_NUMBER,
  TK_STRING,
  tokenToString,
} from "./tokens.js";

// Character classes (C locale): bit flags indexed by byte.
const DIGIT = 1;
const NAME_START = 2; // letters and `_`
const HEX_DIGIT = 4;
const CHAR_CLASS = new Uint8Array(256);
for (let c = 48; c <= 57; c++) CHAR_CLASS[c] = DIGIT | HEX_DIGIT;
for (let c = 65; c <= 90; c++) CHAR_CLASS[c] = NAME_START;
for (let c = 97; c <= 122; c++) CHAR_CLASS[c] = NAME_START;
for (let c = 65; c <= 70; c++) CHAR_CLASS[c] |= HEX_DIGIT;
for (let c = 97; c <= 102; c++) CHAR_CLASS[c] |= HEX_DIGIT;
CHAR_CLASS[95] = NAME_START;
const NAME_PART = DIGIT | NAME_START;

/** Values of the single-letter escapes of read_string (llex.c). */
const ESCAPES: Record<number, string> = {
  97: "\x07", // \a
  98: "\b",
  102: "\f",
  110: "\n",
  114: "\r",
  116: "\t",
  118: "\v",
};

const DECIMAL_NUMERAL = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_NUMERAL = /^0[xX]([0-9a-fA-F]+)(?:[pP]([0-9]+))?$/;

/**
 * Converts a numeral as read by read_numeral, or returns undefined when lua5.1 would say
 * `malformed number`. lua5.1 converts with C's strtod (luaO_str2d), which on glibc also
 * accepts hexadecimal with a binary exponent (`0x1p4` is 16); the lexer never puts a sign
 * after `p`, and strtoul's fallback in luaO_str2d can never succeed on such a token.
 */
export function numeralValue(text: string): number | undefined {
  if (DECIMAL_NUMERAL.test(text)) return Number(text);
  const hex = HEX_NUMERAL.exec(text);
  if (hex === null) return undefined;
  const digits = hex[1]!;
  // Number(BigInt) rounds to nearest like strtod; short numerals take the cheap path.
  let value = digits.length <= 13 ? Number.parseInt(digits, 16) : Number(BigInt(`0x${digits}`));
  if (hex[2] !== undefined) value *= 2 ** Number(hex[2]);
  return value;
}

export class Lexer {
  /** The source bytes, one char per byte. */
  readonly source: string;
  /** Chunk name as shown in syntax errors (luaO_chunkid with MAXSRC). */
  readonly chunkName: string;

  /** Index of the next unread char. */
  private pos: number;
  /** Index where the scanner's current line starts (for columns). */
  private lineStart = 0;
  /** The line the scanner is on (`ls->linenumber`): used by every error message. */
  line = 1;
  /** `line` as it was before the current token was read (`ls->lastline`). */
  lastLine = 1;

  /** Kind of the current token (a byte for one-char tokens, else a TK_ constant). */
  token = TK_EOS;
  /** Name text, or decoded string bytes, of a TK_NAME / TK_STRING token. */
  value = "";
  /** Value of a TK_NUMBER token. */
  numberValue = 0;
  /** Where the current token starts: index, line, 0-based column. */
  tokenStart = 0;
  tokenLine = 1;
  tokenColumn = 0;
  /** Index just past the current token. */
  tokenEnd = 0;

  /** The peeked token, when `lookahead()` was called (TK_EOS when none, as in llex.c). */
  private aheadToken = TK_EOS;
  private aheadValue = "";
  private aheadNumber = 0;
  private aheadStart = 0;
  private aheadLine = 1;
  private aheadColumn = 0;
  private aheadEnd = 0;

  constructor(source: string, chunkName: string, start = 0) {
    this.source = source;
    this.chunkName = chunkName;
    this.pos = start;
  }

  /** Advances to the next token (luaX_next). */
  next(): void {
    this.lastLine = this.line;
    if (this.aheadToken !== TK_EOS) {
      this.token = this.aheadToken;
      this.value = this.aheadValue;
      this.numberValue = this.aheadNumber;
      this.tokenStart = this.aheadStart;
      this.tokenLine = this.aheadLine;
      this.tokenColumn = this.aheadColumn;
      this.tokenEnd = this.aheadEnd;
      this.aheadToken = TK_EOS;
    } else {
      this.token = this.scan();
    }
  }

  /** Reads the token after the current one without leaving it (luaX_lookahead). */
  lookahead(): number {
    const token = this.token;
    const value = this.value;
    const numberValue = this.numberValue;
    const start = this.tokenStart;
    const line = this.tokenLine;
    const column = this.tokenColumn;
    const end = this.tokenEnd;
    this.aheadToken = this.scan();
    this.aheadValue = this.value;
    this.aheadNumber = this.numberValue;
    this.aheadStart = this.tokenStart;
    this.aheadLine = this.tokenLine;
    this.aheadColumn = this.tokenColumn;
    this.aheadEnd = this.tokenEnd;
    this.token = token;
    this.value = value;
    this.numberValue = numberValue;
    this.tokenStart = start;
    this.tokenLine = line;
    this.tokenColumn = column;
    this.tokenEnd = end;
    return this.aheadToken;
  }

  /** How the current token appears after `near` in messages (llex.c's txtToken). */
  tokenText(): string {
    const token = this.token;
    if (token === TK_NAME || token === TK_NUMBER) {
      return this.source.slice(this.tokenStart, this.tokenEnd);
    }
    if (token === TK_STRING) {
      // llex.c keeps the delimiters and the *decoded* contents in its buffer.
      const open = this.source.charCodeAt(this.tokenStart);
      if (open !== 91) {
        const quote = String.fromCharCode(open);
        return quote + this.value + quote;
      }
      let level = 0;
      while (this.source.charCodeAt(this.tokenStart + 1 + level) === 61) level++;
      const equals = "=".repeat(level);
      return `[${equals}[${this.value}]${equals}]`;
    }
    return tokenToString(token);
  }

  /** Throws a syntax error at the scanner's line (luaX_lexerror); `near` is raw token text. */
  error(message: string, near?: string): never {
    let reason = message;
    if (near !== undefined) {
      // The C buffer is a NUL-terminated string.
      const nul = near.indexOf("\0");
      reason = `${message} near '${nul >= 0 ? near.slice(0, nul) : near}'`;
    }
    throw new LuaSyntaxError(this.chunkName, this.line, reason);
  }

  // ---- Scanning (llex.c's llex) ---------------------------------------------------------

  private startToken(index: number): void {
    this.tokenStart = index;
    this.tokenLine = this.line;
    this.tokenColumn = index - this.lineStart;
  }

  /** Skips a newline sequence at `index` (`\n`, `\r`, `\r\n` or `\n\r`); llex.c's inclinenumber. */
  private newline(index: number): number {
    const src = this.source;
    const first = src.charCodeAt(index++);
    const second = src.charCodeAt(index);
    if ((second === 10 || second === 13) && second !== first) index++;
    this.line++;
    this.lineStart = index;
    return index;
  }

  /** Reads one token starting at `this.pos`; sets the token fields and returns its kind. */
  private scan(): number {
    const src = this.source;
    const length = src.length;
    let i = this.pos;
    for (;;) {
      if (i >= length) {
        this.startToken(i);
        this.pos = this.tokenEnd = i;
        return TK_EOS;
      }
      const c = src.charCodeAt(i);
      switch (c) {
        case 10:
        case 13:
          i = this.newline(i);
          continue;
        case 32:
        case 9:
        case 11:
        case 12:
          i++;
          continue;
        case 45: {
          // `-`, or a comment `--...` / `--[==[ ... ]==]`
          if (src.charCodeAt(i + 1) !== 45) return this.single(i, 45);
          i += 2;
          if (src.charCodeAt(i) === 91) {
            const level = this.longBracketLevel(i, 91);
            if (level >= 0) {
              i = this.readLongString(i, level, false);
              continue;
            }
          }
          while (i < length) {
            const d = src.charCodeAt(i);
            if (d === 10 || d === 13) break;
            i++;
          }
          continue;
        }
        case 91: {
          // `[`, or a long string
          const level = this.longBracketLevel(i, 91);
          if (level >= 0) {
            this.startToken(i);
            this.pos = this.tokenEnd = this.readLongString(i, level, true);
            return TK_STRING;
          }
          if (level === -1) return this.single(i, 91);
          this.startToken(i);
          return this.error("invalid long string delimiter", src.slice(i, i - level));
        }
        case 61: // = ==
          return src.charCodeAt(i + 1) === 61 ? this.double(i, TK_EQ) : this.single(i, c);
        case 60: // < <=
          return src.charCodeAt(i + 1) === 61 ? this.double(i, TK_LE) : this.single(i, c);
        case 62: // > >=
          return src.charCodeAt(i + 1) === 61 ? this.double(i, TK_GE) : this.single(i, c);
        case 126: // ~ ~=
          return src.charCodeAt(i + 1) === 61 ? this.double(i, TK_NE) : this.single(i, c);
        case 34:
        case 39:
          this.startToken(i);
          this.pos = this.tokenEnd = this.readString(i, c);
          return TK_STRING;
        case 46: {
          // . .. ... or a numeral like .5
          const d = src.charCodeAt(i + 1);
          if (d === 46) {
            if (src.charCodeAt(i + 2) === 46) {
              this.startToken(i);
              this.pos = this.tokenEnd = i + 3;
              return TK_DOTS;
            }
            return this.double(i, TK_CONCAT);
          }
          if ((CHAR_CLASS[d] ?? 0) & DIGIT) return this.readNumeral(i);
          return this.single(i, c);
        }
        default: {
          const cls = CHAR_CLASS[c] ?? 0;
          if (cls & DIGIT) return this.readNumeral(i);
          if (cls & NAME_START) {
            let j = i + 1;
            while ((CHAR_CLASS[src.charCodeAt(j)] ?? 0) & NAME_PART) j++;
            this.startToken(i);
            this.pos = this.tokenEnd = j;
            const name = src.slice(i, j);
            const reserved = RESERVED_WORDS.get(name);
            if (reserved !== undefined) return reserved;
            this.value = name;
            return TK_NAME;
          }
          return this.single(i, c);
        }
      }
    }
  }

  private single(index: number, token: number): number {
    this.startToken(index);
    this.pos = this.tokenEnd = index + 1;
    return token;
  }

  private double(index: number, token: number): number {
    this.startToken(index);
    this.pos = this.tokenEnd = index + 2;
    return token;
  }

  /**
   * At a `[` or `]` (given as `bracket`), counts the `=` signs of a long bracket (llex.c's
   * skip_sep): the level when the same bracket follows them, else -(count + 1).
   */
  private longBracketLevel(index: number, bracket: number): number {
    const src = this.source;
    let j = index + 1;
    while (src.charCodeAt(j) === 61) j++;
    const count = j - index - 1;
    return src.charCodeAt(j) === bracket ? count : -count - 1;
  }

  /**
   * Reads a long string or long comment whose opening bracket starts at `index`
   * (llex.c's read_long_string). Returns the index after the closing bracket; for a string,
   * sets `value` with newline sequences turned into `\n` and a first newline dropped.
   */
  private readLongString(index: number, level: number, isString: boolean): number {
    const src = this.source;
    const length = src.length;
    let i = index + level + 2;
    let c = src.charCodeAt(i);
    if (c === 10 || c === 13) i = this.newline(i);
    let text = "";
    let runStart = i;
    for (;;) {
      if (i >= length) {
        this.error(isString ? "unfinished long string" : "unfinished long comment", "<eof>");
      }
      c = src.charCodeAt(i);
      if (c === 93) {
        // `]`
        const close = this.longBracketLevel(i, 93);
        if (close === level) {
          if (isString) this.value = text + src.slice(runStart, i);
          return i + level + 2;
        }
        i += close >= 0 ? close + 1 : -close;
      } else if (c === 91) {
        // `[`: lua5.1 (LUA_COMPAT_LSTR == 1) rejects a nested `[[` in a level-0 string
        const open = this.longBracketLevel(i, 91);
        if (open === level) {
          if (level === 0) this.error("nesting of [[...]] is deprecated", "[");
          i += level + 2;
        } else {
          i += open >= 0 ? open + 1 : -open;
        }
      } else if (c === 10 || c === 13) {
        if (isString) text += `${src.slice(runStart, i)}\n`;
        i = this.newline(i);
        runStart = i;
      } else {
        i++;
      }
    }
  }

  /** Reads a quoted string starting at `index` (llex.c's read_string); returns the end. */
  private readString(index: number, quote: number): number {
    const src = this.source;
    const length = src.length;
    let text = "";
    let i = index + 1;
    let runStart = i;
    for (;;) {
      if (i >= length) this.error("unfinished string", "<eof>");
      const c = src.charCodeAt(i);
      if (c === quote) {
        this.value = text + src.slice(runStart, i);
        return i + 1;
      }
      if (c === 10 || c === 13) {
        this.error("unfinished string", String.fromCharCode(quote) + text + src.slice(runStart, i));
      }
      if (c !== 92) {
        i++;
        continue;
      }
      // A backslash escape.
      text += src.slice(runStart, i);
      i++;
      if (i >= length) {
        runStart = i;
        continue; // reported as an unfinished string by the next iteration
      }
      const e = src.charCodeAt(i);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        text += simple;
        i++;
      } else if (e === 10 || e === 13) {
        text += "\n";
        i = this.newline(i);
      } else if ((CHAR_CLASS[e] ?? 0) & DIGIT) {
        // \ddd: up to three decimal digits
        let code = 0;
        let digits = 0;
        do {
          code = code * 10 + src.charCodeAt(i) - 48;
          i++;
        } while (++digits < 3 && (CHAR_CLASS[src.charCodeAt(i)] ?? 0) & DIGIT);
        if (code > 255) {
          this.error("escape sequence too large", String.fromCharCode(quote) + text);
        }
        text += String.fromCharCode(code);
      } else {
        // \\ \" \' and any other character stand for themselves
        text += src[i];
        i++;
      }
      runStart = i;
    }
  }

  /** Reads a numeral greedily as llex.c's read_numeral does, then converts it. */
  private readNumeral(index: number): number {
    const src = this.source;
    let i = index;
    let c = src.charCodeAt(i);
    while (c === 46 || (CHAR_CLASS[c] ?? 0) & DIGIT) c = src.charCodeAt(++i);
    if (c === 69 || c === 101) {
      // exponent mark, with an optional sign
      c = src.charCodeAt(++i);
      if (c === 43 || c === 45) c = src.charCodeAt(++i);
    }
    while ((CHAR_CLASS[c] ?? 0) & NAME_PART) c = src.charCodeAt(++i);
    this.startToken(index);
    this.pos = this.tokenEnd = i;
    const text = src.slice(index, i);
    const value = numeralValue(text);
    if (value === undefined) this.error("malformed number", text);
    this.numberValue = value;
    return TK_NUMBER;
  }
}
