// The Lua 5.1 abstract syntax tree, shared by the JS compiler and (later) the bytecode compiler.
//
// Every node is a member of a discriminated union keyed by `type` and carries `loc`, the
// position of the token that starts the construct (line is 1-based, column 0-based, in bytes of
// the source). Analysis passes never mutate the tree: they record facts in side tables keyed by
// node (see compiler/src/analysis/).

export interface Loc {
  line: number;
  column: number;
}

// ---- Expressions -------------------------------------------------------------------------

export interface NilLiteral {
  type: "Nil";
  loc: Loc;
}
export interface TrueLiteral {
  type: "True";
  loc: Loc;
}
export interface FalseLiteral {
  type: "False";
  loc: Loc;
}
export interface NumberLiteral {
  type: "Number";
  loc: Loc;
  value: number;
}
/** A string literal; `value` holds one JS char per byte (0..255), escapes already decoded. */
export interface StringLiteral {
  type: "String";
  loc: Loc;
  value: string;
}
/** `...` used as an expression (only legal inside a vararg function). */
export interface Vararg {
  type: "Vararg";
  loc: Loc;
}
export interface FunctionExpression {
  type: "Function";
  loc: Loc;
  params: Identifier[];
  isVararg: boolean;
  body: Block;
  /** Line of the closing `end` (lua5.1's `lastlinedefined`). */
  endLine: number;
  /**
   * The name as written, for `function a.b.c:m()` / `local function f` / `function f`
   * statements (used by tracebacks and debug info); undefined for anonymous functions.
   */
  name?: string;
  /** True for `function a:m()`: an implicit first parameter `self` was added to params. */
  isMethod: boolean;
}
export interface Identifier {
  type: "Identifier";
  loc: Loc;
  name: string;
}
/** `obj[key]`, and `obj.name` (then key is a StringLiteral and `dotted` is true). */
export interface IndexExpression {
  type: "Index";
  loc: Loc;
  object: Expression;
  key: Expression;
  dotted: boolean;
}
export interface CallExpression {
  type: "Call";
  loc: Loc;
  callee: Expression;
  args: Expression[];
  /** Where the arguments start (`(`, a string or `{`): lparser.c's funcargs gives the call this line. */
  argsLoc: Loc;
}
/** `obj:name(args)` */
export interface MethodCallExpression {
  type: "MethodCall";
  loc: Loc;
  object: Expression;
  method: string;
  /** The method name's position (where OP_SELF is emitted). */
  methodLoc: Loc;
  args: Expression[];
  /** Where the arguments start (`(`, a string or `{`): lparser.c's funcargs gives the call this line. */
  argsLoc: Loc;
}
export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "^"
  | ".."
  | "=="
  | "~="
  | "<"
  | "<="
  | ">"
  | ">="
  | "and"
  | "or";
export interface BinaryExpression {
  type: "Binary";
  loc: Loc;
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}
export type UnaryOperator = "-" | "not" | "#";
export interface UnaryExpression {
  type: "Unary";
  loc: Loc;
  operator: UnaryOperator;
  argument: Expression;
}
/** `(expr)`: kept because it truncates a multi-value expression to one value (Lua 5.1 §2.5). */
export interface ParenExpression {
  type: "Paren";
  loc: Loc;
  expression: Expression;
}
export type TableField =
  | { type: "PositionalField"; loc: Loc; value: Expression }
  | { type: "NamedField"; loc: Loc; name: string; value: Expression }
  | { type: "KeyedField"; loc: Loc; key: Expression; value: Expression };
export interface TableConstructor {
  type: "Table";
  loc: Loc;
  fields: TableField[];
}

export type Expression =
  | NilLiteral
  | TrueLiteral
  | FalseLiteral
  | NumberLiteral
  | StringLiteral
  | Vararg
  | FunctionExpression
  | Identifier
  | IndexExpression
  | CallExpression
  | MethodCallExpression
  | BinaryExpression
  | UnaryExpression
  | ParenExpression
  | TableConstructor;

/** Expressions that may produce several values when they end a list (Lua 5.1 §2.5). */
export type MultiValueExpression = CallExpression | MethodCallExpression | Vararg;

// ---- Statements --------------------------------------------------------------------------

export interface Block {
  type: "Block";
  loc: Loc;
  body: Statement[];
}
export interface LocalStatement {
  type: "Local";
  loc: Loc;
  names: Identifier[];
  values: Expression[];
}
/** `local function f() end`: f is in scope inside its own body (unlike `local f = function`). */
export interface LocalFunctionStatement {
  type: "LocalFunction";
  loc: Loc;
  name: Identifier;
  func: FunctionExpression;
}
/** `function a.b.c:m() end`: target is the Identifier or Index chain being assigned. */
export interface FunctionStatement {
  type: "FunctionStatement";
  loc: Loc;
  target: Identifier | IndexExpression;
  func: FunctionExpression;
}
export interface AssignmentStatement {
  type: "Assignment";
  loc: Loc;
  targets: (Identifier | IndexExpression)[];
  values: Expression[];
  /** The line of the statement's last token, where lua5.1 emits the stores (luaK_storevar). */
  storeLine: number;
}
export interface CallStatement {
  type: "CallStatement";
  loc: Loc;
  call: CallExpression | MethodCallExpression;
}
export interface DoStatement {
  type: "Do";
  loc: Loc;
  body: Block;
}
export interface WhileStatement {
  type: "While";
  loc: Loc;
  condition: Expression;
  body: Block;
}
/** The `until` condition is in the scope of the body's locals (Lua 5.1 §2.4.4). */
export interface RepeatStatement {
  type: "Repeat";
  loc: Loc;
  body: Block;
  condition: Expression;
}
export interface IfStatement {
  type: "If";
  loc: Loc;
  /** `if` and every `elseif`, in order. */
  clauses: { loc: Loc; condition: Expression; body: Block }[];
  orelse?: Block;
}
export interface NumericForStatement {
  type: "NumericFor";
  loc: Loc;
  variable: Identifier;
  start: Expression;
  limit: Expression;
  step?: Expression;
  body: Block;
}
export interface GenericForStatement {
  type: "GenericFor";
  loc: Loc;
  variables: Identifier[];
  iterators: Expression[];
  body: Block;
}
export interface ReturnStatement {
  type: "Return";
  loc: Loc;
  values: Expression[];
}
export interface BreakStatement {
  type: "Break";
  loc: Loc;
}

export type Statement =
  | LocalStatement
  | LocalFunctionStatement
  | FunctionStatement
  | AssignmentStatement
  | CallStatement
  | DoStatement
  | WhileStatement
  | RepeatStatement
  | IfStatement
  | NumericForStatement
  | GenericForStatement
  | ReturnStatement
  | BreakStatement;

/** A parsed chunk: the body of an implicit vararg main function. */
export interface Chunk {
  type: "Chunk";
  loc: Loc;
  body: Block;
  /** The chunk name as used in messages, e.g. `e.lua` or `(command line)` or `[string "..."]`. */
  chunkName: string;
  /** Line of the last token (lua5.1 reports `near '<eof>'` errors at this line). */
  endLine: number;
}

export type Node = Expression | Statement | Block | Chunk | TableField;
