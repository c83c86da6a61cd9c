// @lunette/frontend: the one Lua 5.1 frontend (lexer, parser, AST, syntax errors, chunk names)
// shared by the JS compiler (compiler/) and the bytecode compiler (vm/).

export * from "./ast.js";
export { chunkId } from "./chunkid.js";
export { LuaSyntaxError } from "./errors.js";
export { type ParseOptions, parse } from "./parser.js";
export { RESERVED_WORDS } from "./tokens.js";
export { forEachChild } from "./walk.js";
