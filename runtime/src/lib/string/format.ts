// string.format (manual §5.4; lstrlib.c str_format): C printf conversions over Lua values,
// plus %q. Each item's spec is checked like lstrlib.c scanformat: at most 5 flag characters,
// and at most 2 digits each for the width and the precision.

import { numberToString } from "../../number.js";
import { chargeString } from "../../sandbox/budget.js";
import { ret1 } from "../../state.js";
import type { LuaValue } from "../../value.js";
import { argError, checkNumber, checkString, luaError } from "../args.js";
import { type FormatSpec, formatFloat, formatInteger, pad } from "./printf.js";

/** lstrlib.c addquoted: %q, a string literal that reads back as the same bytes. */
export function quoteString(s: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let escaped: string;
    if (c === 34 || c === 92 || c === 10)
      escaped = `\\${s[i]}`; // '"', '\\', newline
    else if (c === 13) escaped = "\\r";
    else if (c === 0) escaped = "\\000";
    else continue;
    out += s.slice(from, i) + escaped;
    from = i + 1;
  }
  return `${out + s.slice(from)}"`;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** %s: like sprintf, stops at a "\0"; a string of 100+ bytes without a precision is kept whole. */
function formatString(s: string, spec: FormatSpec, hasPoint: boolean): string {
  if (!hasPoint && s.length >= 100) return s;
  const nul = s.indexOf("\0");
  if (nul >= 0) s = s.slice(0, nul);
  if (spec.precision >= 0 && s.length > spec.precision) s = s.slice(0, spec.precision);
  return pad("", s, spec, false);
}

/** One conversion of a format string, parsed once (lstrlib.c scanformat). */
interface Conversion {
  /** The literal text before it (with `%%` already reduced). */
  before: string;
  spec: FormatSpec;
  hasPoint: boolean;
  /** The conversion letter ("" at the end of the format). */
  letter: string;
  /** A spec error raised when this conversion is reached (after its "no value" check). */
  error: string | undefined;
}

/** A parsed format: its conversions and the literal text after the last one. */
interface ParsedFormat {
  conversions: Conversion[];
  tail: string;
}

const parsedFormats = new Map<string, ParsedFormat>();
const MAX_PARSED = 256;

function parseFormat(f: string): ParsedFormat {
  const end = f.length;
  const conversions: Conversion[] = [];
  let text = "";
  let i = 0;
  while (i < end) {
    const percent = f.indexOf("%", i);
    if (percent < 0) {
      text += f.slice(i);
      break;
    }
    text += f.slice(i, percent);
    i = percent + 1;
    if (f.charCodeAt(i) === 37) {
      text += "%";
      i++;
      continue;
    }
    const spec: FormatSpec = {
      left: false,
      plus: false,
      space: false,
      alt: false,
      zero: false,
      width: 0,
      precision: -1,
    };
    let error: string | undefined;
    const flagsStart = i;
    for (; i < end; i++) {
      const c = f[i];
      if (c === "-") spec.left = true;
      else if (c === "+") spec.plus = true;
      else if (c === " ") spec.space = true;
      else if (c === "#") spec.alt = true;
      else if (c === "0") spec.zero = true;
      else break;
    }
    if (i - flagsStart >= 6) error = "invalid format (repeated flags)";
    for (let k = 0; k < 2 && isDigit(f.charCodeAt(i)); k++, i++) {
      spec.width = spec.width * 10 + f.charCodeAt(i) - 48;
    }
    const hasPoint = f.charCodeAt(i) === 46;
    if (hasPoint) {
      i++;
      spec.precision = 0;
      for (let k = 0; k < 2 && isDigit(f.charCodeAt(i)); k++, i++) {
        spec.precision = spec.precision * 10 + f.charCodeAt(i) - 48;
      }
    }
    if (error === undefined && isDigit(f.charCodeAt(i)))
      error = "invalid format (width or precision too long)";
    const letter = i < end ? f[i] : "";
    i++;
    if (error === undefined && !"cdiouxXeEfgGqs".includes(letter === "" ? "!" : letter)) {
      // luaO_pushfstring's %c of a "\0" adds nothing, hence '%' alone at the end.
      error = `invalid option '%${letter === "\0" ? "" : letter}' to 'format'`;
    }
    conversions.push({ before: text, spec, hasPoint, letter, error });
    text = "";
    if (error !== undefined) break; // nothing after a bad conversion is ever reached
  }
  return { conversions, tail: text };
}

/** `%d` of a plain spec and an integer in int32 range: no padding, no sign flags. */
function isPlainSpec(spec: FormatSpec): boolean {
  return (
    spec.width === 0 && spec.precision < 0 && !spec.plus && !spec.space && !spec.alt && !spec.left
  );
}

export function format(fmt: LuaValue, ...args: LuaValue[]): LuaValue {
  // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
  const argc = arguments.length;
  const f = checkString(fmt, 1, "format", argc);
  let parsed = parsedFormats.get(f);
  if (parsed === undefined) {
    if (parsedFormats.size >= MAX_PARSED) parsedFormats.clear();
    parsed = parseFormat(f);
    parsedFormats.set(f, parsed);
  }
  const conversions = parsed.conversions;
  let out = "";
  for (let used = 0; used < conversions.length; used++) {
    const item = conversions[used];
    out += item.before;
    const argNumber = used + 2;
    if (used >= args.length) argError(argNumber, "format", "no value");
    if (item.error !== undefined) luaError(item.error, 1);
    const arg = args[used];
    const spec = item.spec;
    switch (item.letter) {
      case "c": {
        // (int)x, then printf's conversion to unsigned char.
        const n = checkNumber(arg, argNumber, "format");
        const code = n > -2147483649 && n < 2147483648 ? Math.trunc(n) & 0xff : 0;
        // str_format adds sprintf's output up to its first NUL (strlen): a padded "%5c" of
        // 0 keeps the spaces before the NUL, "%-5c" keeps nothing.
        const piece = pad("", String.fromCharCode(code), spec, false);
        out += code === 0 ? piece.slice(0, piece.indexOf("\0")) : piece;
        break;
      }
      case "d":
      case "i":
        if (typeof arg === "number" && (arg | 0) === arg && isPlainSpec(spec)) {
          out += arg; // (long)x of an int32 is x itself
          break;
        }
        out += formatInteger(checkNumber(arg, argNumber, "format"), item.letter, spec);
        break;
      case "o":
      case "u":
      case "x":
      case "X":
        out += formatInteger(checkNumber(arg, argNumber, "format"), item.letter, spec);
        break;
      case "e":
      case "E":
      case "f":
      case "g":
      case "G":
        out += formatFloat(
          checkNumber(arg, argNumber, "format"),
          item.letter,
          spec,
          numberToString,
        );
        break;
      case "q":
        out += quoteString(checkString(arg, argNumber, "format"));
        break;
      default: // "s"
        out += formatString(checkString(arg, argNumber, "format"), spec, item.hasPoint);
        break;
    }
  }
  out += parsed.tail;
  // The memory budget (sandbox/budget.ts): the length is known only once the pieces are made;
  // each is bounded by its argument and a two-digit width, so this charges before the result
  // can be kept or doubled.
  chargeString(out.length);
  return ret1(out);
}
