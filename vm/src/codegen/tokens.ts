// Token positions for line information. lcode.c stamps every instruction with `ls->lastline`,
// the line where the last consumed token ends, and a few with `ls->linenumber` (the line the
// scanner is on). The AST keeps only where constructs start, so the bytecode compiler rescans
// the (already validated) source for token boundaries and answers "where does this token end"
// and "which token closes this one". The scan follows llex.c: newline pairs `\r\n`/`\n\r`
// count once, long brackets and `\`-newline escapes span lines, comments are skipped.

import { type Loc, RESERVED_WORDS } from "@lunette/frontend";

/** Two-character and three-character operators, longest first. */
const OPERATORS = ["...", "..", "==", "<=", ">=", "~="];

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);

/** Keywords that open a construct closed by `end` (`while`/`for` are closed through `do`). */
const END_OPENERS = new Set(["function", "if", "do"]);

export class TokenPositions {
  /** Token text for keywords and punctuation; "<name>", "<string>", "<number>" otherwise. */
  readonly kinds: string[] = [];
  readonly lines: number[] = [];
  /** Line where each token ends (differs from `lines` only for multi-line strings). */
  readonly endLines: number[] = [];
  /** For `( [ {`, `function if do` and `repeat`: the index of the closing token. */
  readonly closers: number[] = [];
  /** Source offsets where each token starts and ends. */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  /**
   * Names read while a lookahead token was pending (a table constructor peeks past a name
   * for `=`): lua5.1's lastline after them is where the peeked token ends.
   */
  readonly peeked = new Set<number>();
  private readonly byLoc = new Map<number, number>();

  constructor(source: string, start: number, firstLine: number) {
    this.scan(source, start, firstLine);
    this.match();
  }

  /** Index of the token that starts at `loc` (an AST node's position). */
  at(loc: Loc): number {
    const index = this.byLoc.get(loc.line * 2 ** 26 + loc.column);
    if (index === undefined) throw new Error(`no token at ${loc.line}:${loc.column}`);
    return index;
  }

  /** End line of token `index`; tokens before the first count as line 1 (luaX_setinput). */
  endLine(index: number): number {
    return index < 0 ? 1 : (this.endLines[index] ?? this.endLines[this.endLines.length - 1] ?? 1);
  }

  /** How token `index` appears after `near` in syntax errors (llex.c's txtToken). */
  text(source: string, index: number): string {
    const kind = this.kinds[index];
    if (kind === undefined) return "<eof>";
    if (kind.startsWith("<")) return source.slice(this.starts[index], this.ends[index]);
    return kind;
  }

  get count(): number {
    return this.kinds.length;
  }

  private push(
    kind: string,
    line: number,
    column: number,
    endLine: number,
    start: number,
    end: number,
  ): void {
    this.byLoc.set(line * 2 ** 26 + column, this.kinds.length);
    this.starts.push(start);
    this.ends.push(end);
    this.kinds.push(kind);
    this.lines.push(line);
    this.endLines.push(endLine);
  }

  private scan(src: string, start: number, firstLine: number): void {
    let line = firstLine;
    let lineStart = 0;
    let i = start;
    const length = src.length;
    const newline = (): void => {
      const first = src.charCodeAt(i++);
      const second = src.charCodeAt(i);
      if ((second === 10 || second === 13) && second !== first) i++;
      line++;
      lineStart = i;
    };
    /** At `[` or `]`: the long-bracket level, or -1 when it is not one. */
    const level = (at: number, bracket: number): number => {
      let j = at + 1;
      while (src.charCodeAt(j) === 61) j++;
      return src.charCodeAt(j) === bracket ? j - at - 1 : -1;
    };
    const skipLong = (lvl: number): void => {
      i += lvl + 2;
      while (i < length) {
        const c = src.charCodeAt(i);
        if (c === 93 && level(i, 93) === lvl) {
          i += lvl + 2;
          return;
        }
        if (c === 10 || c === 13) newline();
        else i++;
      }
    };
    while (i < length) {
      const c = src.charCodeAt(i);
      if (c === 10 || c === 13) {
        newline();
        continue;
      }
      if (c === 32 || c === 9 || c === 11 || c === 12) {
        i++;
        continue;
      }
      const tokenLine = line;
      const tokenStart = i;
      const column = i - lineStart;
      if (c === 45 && src.charCodeAt(i + 1) === 45) {
        i += 2;
        if (src.charCodeAt(i) === 91) {
          const lvl = level(i, 91);
          if (lvl >= 0) {
            skipLong(lvl);
            continue;
          }
        }
        while (i < length && src.charCodeAt(i) !== 10 && src.charCodeAt(i) !== 13) i++;
        continue;
      }
      if (c === 91) {
        const lvl = level(i, 91);
        if (lvl >= 0) {
          skipLong(lvl);
          this.push("<string>", tokenLine, column, line, tokenStart, i);
          continue;
        }
      }
      if (c === 34 || c === 39) {
        i++;
        while (i < length && src.charCodeAt(i) !== c) {
          if (src.charCodeAt(i) === 92) {
            i++;
            const e = src.charCodeAt(i);
            if (e === 10 || e === 13) newline();
            else i++;
          } else {
            i++;
          }
        }
        i++;
        this.push("<string>", tokenLine, column, line, tokenStart, i);
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
        // read_numeral: digits and dots, an exponent with its sign, then name characters
        let d = c;
        while (d === 46 || isDigit(d)) d = src.charCodeAt(++i);
        if (d === 69 || d === 101) {
          d = src.charCodeAt(++i);
          if (d === 43 || d === 45) d = src.charCodeAt(++i);
        }
        while (isNamePart(d)) d = src.charCodeAt(++i);
        this.push("<number>", tokenLine, column, line, tokenStart, i);
        continue;
      }
      if (isNameStart(c)) {
        let j = i + 1;
        while (isNamePart(src.charCodeAt(j))) j++;
        const word = src.slice(i, j);
        i = j;
        this.push(
          RESERVED_WORDS.has(word) ? word : "<name>",
          tokenLine,
          column,
          line,
          tokenStart,
          i,
        );
        continue;
      }
      const op = OPERATORS.find((o) => src.startsWith(o, i)) ?? src[i]!;
      i += op.length;
      this.push(op, tokenLine, column, line, tokenStart, i);
    }
  }

  /** Pairs brackets, and block keywords with their `end` / `until`. */
  private match(): void {
    const stack: number[] = [];
    const kinds = this.kinds;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[k]!;
      if (kind === "(" || kind === "[" || kind === "{" || kind === "repeat") stack.push(k);
      else if (END_OPENERS.has(kind)) stack.push(k);
      else if (kind === ")" || kind === "]" || kind === "}" || kind === "end" || kind === "until") {
        const open = stack.pop();
        if (open !== undefined) this.closers[open] = k;
      }
    }
  }
}
