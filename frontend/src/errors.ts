// Syntax errors of the frontend. The message is exactly what lua5.1 prints (llex.c's
// luaX_lexerror): `chunk:line: message`, followed by ` near 'token'` when a token is involved.

export class LuaSyntaxError extends Error {
  /** The chunk name as shown in the message (luaO_chunkid with llex.c's MAXSRC buffer). */
  readonly chunkName: string;
  /** The line the lexer was on when the error was found (lua5.1's `ls->linenumber`). */
  readonly line: number;
  /** The message without the `chunk:line: ` prefix, e.g. `unexpected symbol near '='`. */
  readonly reason: string;

  constructor(chunkName: string, line: number, reason: string) {
    super(`${chunkName}:${line}: ${reason}`);
    this.name = "LuaSyntaxError";
    this.chunkName = chunkName;
    this.line = line;
    this.reason = reason;
  }
}
