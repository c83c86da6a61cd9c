// Token kinds of the Lua 5.1 lexer, as small integers so the parser can switch on them and
// look operator precedence up in a table (acorn's idea, with numbers instead of objects).
//
// As in PUC-Rio's llex.h, a single-character token is its own byte value (0..255), and
// reserved words and multi-character symbols are numbered from 257 in the order of
// luaX_tokens, which is also the order their display names appear in TOKEN_NAMES.

export const FIRST_RESERVED = 257;

export const TK_AND = 257;
export const TK_BREAK = 258;
export const TK_DO = 259;
export const TK_ELSE = 260;
export const TK_ELSEIF = 261;
export const TK_END = 262;
export const TK_FALSE = 263;
export const TK_FOR = 264;
export const TK_FUNCTION = 265;
export const TK_IF = 266;
export const TK_IN = 267;
export const TK_LOCAL = 268;
export const TK_NIL = 269;
export const TK_NOT = 270;
export const TK_OR = 271;
export const TK_REPEAT = 272;
export const TK_RETURN = 273;
export const TK_THEN = 274;
export const TK_TRUE = 275;
export const TK_UNTIL = 276;
export const TK_WHILE = 277;
export const TK_CONCAT = 278; // ..
export const TK_DOTS = 279; // ...
export const TK_EQ = 280; // ==
export const TK_GE = 281; // >=
export const TK_LE = 282; // <=
export const TK_NE = 283; // ~=
export const TK_NUMBER = 284;
export const TK_NAME = 285;
export const TK_STRING = 286;
export const TK_EOS = 287;

/** Display names of tokens >= FIRST_RESERVED (llex.c's luaX_tokens). */
const TOKEN_NAMES = [
  "and",
  "break",
  "do",
  "else",
  "elseif",
  "end",
  "false",
  "for",
  "function",
  "if",
  "in",
  "local",
  "nil",
  "not",
  "or",
  "repeat",
  "return",
  "then",
  "true",
  "until",
  "while",
  "..",
  "...",
  "==",
  ">=",
  "<=",
  "~=",
  "<number>",
  "<name>",
  "<string>",
  "<eof>",
];

/** Reserved words to their token kind; a Map so names like "constructor" are not inherited. */
export const RESERVED_WORDS: ReadonlyMap<string, number> = new Map(
  TOKEN_NAMES.slice(0, TK_WHILE - FIRST_RESERVED + 1).map((name, i) => [name, FIRST_RESERVED + i]),
);

/**
 * How a token is named in messages (llex.c's luaX_token2str): control characters as
 * `char(N)` (C's iscntrl: 0..31 and 127), other bytes as themselves, the rest by name.
 */
export function tokenToString(token: number): string {
  if (token < FIRST_RESERVED) {
    return token < 32 || token === 127 ? `char(${token})` : String.fromCharCode(token);
  }
  return TOKEN_NAMES[token - FIRST_RESERVED]!;
}

// ---- Operator precedence (lparser.c's `priority` table and UNARY_PRIORITY) ----------------

/** Priority of unary operators: they bind tighter than every binary operator except `^`. */
export const UNARY_PRIORITY = 8;

const TOKEN_COUNT = TK_EOS + 1;

/** Left priority of a binary operator token; 0 when the token is not a binary operator. */
export const BINARY_LEFT = new Uint8Array(TOKEN_COUNT);
/** Right priority: lower than the left one for the right-associative `..` and `^`. */
export const BINARY_RIGHT = new Uint8Array(TOKEN_COUNT);
/** The AST operator spelling of a binary operator token. */
export const BINARY_OPERATOR: string[] = new Array(TOKEN_COUNT);

function binary(token: number, left: number, right: number, operator: string): void {
  BINARY_LEFT[token] = left;
  BINARY_RIGHT[token] = right;
  BINARY_OPERATOR[token] = operator;
}
binary(43 /* + */, 6, 6, "+");
binary(45 /* - */, 6, 6, "-");
binary(42 /* * */, 7, 7, "*");
binary(47 /* / */, 7, 7, "/");
binary(37 /* % */, 7, 7, "%");
binary(94 /* ^ */, 10, 9, "^");
binary(TK_CONCAT, 5, 4, "..");
binary(TK_NE, 3, 3, "~=");
binary(TK_EQ, 3, 3, "==");
binary(60 /* < */, 3, 3, "<");
binary(TK_LE, 3, 3, "<=");
binary(62 /* > */, 3, 3, ">");
binary(TK_GE, 3, 3, ">=");
binary(TK_AND, 2, 2, "and");
binary(TK_OR, 1, 1, "or");
