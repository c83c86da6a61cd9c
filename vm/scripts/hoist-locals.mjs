// Hoists the block-scoped locals of the interpreter's dispatch loop to one shared set of
// variables, for the forms of the interpreter that are generators (vm/scripts/
// derive-interpreters.mjs).
//
// V8 gives every `const` and `let` of a function its own interpreter register, sibling blocks
// included, and a generator object keeps a slot for each register of its function. The 60-odd
// cases of the dispatch switch declare about 230 locals between them, so each suspended
// coroutine running VM code held a 3 KB generator (measured: 100,000 suspended VM coroutines
// took 300 MB, compiled ones 140 MB), and a program stepping 10,000 coroutines
// (benchmarks/lua/coroutine_many.lua) spent its time on cache misses. Declared once before the
// loop, the 44 distinct names took 44 slots; renamed onto shared variables first (locals of
// blocks that do not enclose each other are never alive at once), they take 15. V8 reads and
// clears every slot at each resume: fewer slots, fewer cold cache lines per resume.
//
// The rewrite is only sound when a case's locals are its own: every use of a hoisted name must
// sit inside a block that declares it, no block may redeclare a name of an enclosing block, and
// no function may be created inside the loop (it could capture one). Anything else stops the
// build with the offending name.

import ts from "typescript";

/**
 * `body` (TypeScript text holding the function `name`) with the locals of that function's
 * dispatch loop (the `for (;;)` whose body starts with `const i = code[pc++];`) declared once,
 * untyped, just before the loop.
 */
export function hoistDispatchLocals(body, name) {
  return hoist(shareVariables(body, name), name);
}

/**
 * `body` with the dispatch loop's locals renamed onto as few variables as can hold them: two
 * locals share one when neither's block encloses the other's (sibling cases, sibling blocks),
 * so they are never alive at once. A generator's register file has a slot per variable, and
 * V8 reads and clears every slot at each resume: 44 names -> 15 variables.
 */
export function shareVariables(body, name) {
  const { fn, loop } = dispatchLoopOf(body, name);
  const declarations = collectDeclarations(loop);
  checkScopes(loop, declarations, new Set(declarations.map((d) => d.name.text)));
  const encloses = (outer, inner) => {
    for (let s = inner; s !== undefined; s = s.parent) if (s === outer) return true;
    return false;
  };
  const depth = (node) => {
    let n = 0;
    for (let s = node; s !== undefined; s = s.parent) n++;
    return n;
  };
  // Outer blocks first; each local takes the first variable that no local of an enclosing or
  // enclosed block holds.
  const variable = new Map();
  for (const d of [...declarations].sort((x, y) => depth(x.scope) - depth(y.scope))) {
    const busy = new Set();
    for (const [other, index] of variable) {
      if (encloses(other.scope, d.scope) || encloses(d.scope, other.scope)) busy.add(index);
    }
    let index = 0;
    while (busy.has(index)) index++;
    variable.set(d, index);
  }
  const taken = new Set();
  ts.forEachChild(fn, function visit(node) {
    if (ts.isIdentifier(node)) taken.add(node.text);
    ts.forEachChild(node, visit);
  });
  let prefix = "local";
  while ([...taken].some((t) => t.startsWith(prefix))) prefix = `_${prefix}`;
  // A name resolves to the declaration of the innermost enclosing block that declares it.
  const resolve = (node, text) => {
    for (let s = node; s !== loop.parent; s = s.parent) {
      const d = declarations.find((x) => x.scope === s && x.name.text === text);
      if (d !== undefined) return d;
    }
    return undefined;
  };
  const edits = [];
  ts.forEachChild(loop, function visit(node) {
    if (ts.isIdentifier(node) && (isReference(node) || ts.isVariableDeclaration(node.parent))) {
      const d = resolve(node, node.text);
      if (d !== undefined) {
        const renamed = `${prefix}${variable.get(d)}`;
        const shorthand = ts.isShorthandPropertyAssignment(node.parent);
        edits.push([node.getStart(), node.end, shorthand ? `${node.text}: ${renamed}` : renamed]);
      }
    }
    ts.forEachChild(node, visit);
  });
  return applyEdits(body, edits);
}

/** `body` with each [start, end, text] edit applied. */
function applyEdits(body, edits) {
  let out = body;
  for (const [start, end, text] of edits.sort((x, y) => y[0] - x[0])) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

/** Function `name` of `body`, parsed, and its dispatch loop. */
function dispatchLoopOf(body, name) {
  const file = ts.createSourceFile("body.ts", body, ts.ScriptTarget.Latest, true);
  const fn = file.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === name);
  if (fn === undefined) throw new Error(`hoist-locals: no function ${name}`);
  return { fn, loop: findDispatchLoop(fn) };
}

/** Declares each distinct local name of the dispatch loop once, before the loop. */
function hoist(body, name) {
  const { loop } = dispatchLoopOf(body, name);
  const declarations = collectDeclarations(loop);
  const names = [...new Set(declarations.map((d) => d.name.text))].sort();
  checkScopes(loop, declarations, new Set(names));

  const edits = [];
  ts.forEachChild(loop.statement, function visit(node) {
    if (ts.isVariableStatement(node)) {
      const list = node.declarationList;
      edits.push([node.getStart(), node.end, assignments(list, ";")]);
      return;
    }
    if (
      ts.isForStatement(node) &&
      node.initializer &&
      ts.isVariableDeclarationList(node.initializer)
    ) {
      edits.push([
        node.initializer.getStart(),
        node.initializer.end,
        assignments(node.initializer, ""),
      ]);
    }
    ts.forEachChild(node, visit);
  });
  // Before the loop's label, if it has one (`dispatch: for (;;)`).
  const statement = ts.isLabeledStatement(loop.parent) ? loop.parent : loop;
  edits.push([
    statement.getStart(),
    statement.getStart(),
    `let ${names.map((n) => `${n}: any`).join(", ")};\n`,
  ]);

  return applyEdits(body, edits);
}

/** `const a = e, b: T = f` as `a = e, b = f` (declarations without a value drop out). */
function assignments(list, end) {
  const parts = list.declarations
    .filter((d) => d.initializer !== undefined)
    .map((d) => `${d.name.text} = ${d.initializer.getText()}`);
  return parts.length === 0 ? "" : parts.join(", ") + end;
}

function findDispatchLoop(fn) {
  let found;
  ts.forEachChild(fn, function visit(node) {
    if (
      ts.isForStatement(node) &&
      ts.isBlock(node.statement) &&
      /^const \w+ = code\[pc\+\+\];$/.test(node.statement.statements[0]?.getText() ?? "")
    ) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  });
  if (found === undefined) throw new Error("hoist-locals: no dispatch loop");
  return found;
}

/** Every let/const declaration in the loop, each with the node whose scope it belongs to. */
function collectDeclarations(loop) {
  const out = [];
  ts.forEachChild(loop.statement, function visit(node) {
    if (ts.isFunctionLike(node)) {
      throw new Error("hoist-locals: a function inside the dispatch loop could capture a local");
    }
    if (ts.isVariableDeclarationList(node)) {
      if ((node.flags & ts.NodeFlags.BlockScoped) === 0) {
        throw new Error("hoist-locals: `var` inside the dispatch loop");
      }
      for (const d of node.declarations) {
        if (!ts.isIdentifier(d.name)) throw new Error("hoist-locals: a destructuring declaration");
        out.push({ name: d.name, scope: scopeOf(node) });
      }
    }
    ts.forEachChild(node, visit);
  });
  return out;
}

/** The block (or for statement, or case block) a declaration list is scoped to. */
function scopeOf(list) {
  let node = list.parent;
  while (!isScope(node)) node = node.parent;
  return node;
}

const isScope = (node) =>
  ts.isBlock(node) || ts.isCaseBlock(node) || ts.isForStatement(node) || ts.isSourceFile(node);

/** Throws unless hoisting cannot change what any name in the loop refers to. */
function checkScopes(loop, declarations, hoisted) {
  const declared = new Map(); // scope node -> names declared in it
  for (const { name, scope } of declarations) {
    if (!declared.has(scope)) declared.set(scope, new Set());
    declared.get(scope).add(name.text);
  }
  const enclosingDeclares = (node, text, skipSelf) => {
    for (let s = skipSelf ? node.parent : node; s !== loop.parent; s = s.parent) {
      if (isScope(s) && declared.get(s)?.has(text)) return true;
    }
    return false;
  };
  for (const { name, scope } of declarations) {
    if (enclosingDeclares(scope, name.text, true)) {
      throw new Error(`hoist-locals: \`${name.text}\` is declared again inside its own scope`);
    }
  }
  ts.forEachChild(loop, function visit(node) {
    if (ts.isIdentifier(node) && hoisted.has(node.text) && isReference(node)) {
      if (!enclosingDeclares(node, node.text, false)) {
        throw new Error(`hoist-locals: \`${node.text}\` is used outside the blocks declaring it`);
      }
    }
    ts.forEachChild(node, visit);
  });
}

/** Whether an identifier names a variable (not a property, a label or a type). */
function isReference(id) {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isPropertyAssignment(p) && p.name === id) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === id)
    return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p)) return false;
  return true;
}
