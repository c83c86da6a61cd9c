// Tables: constructors (Lua 5.1 §2.5.7), indexing and indexed assignment with the inline fast
// paths of docs/architecture.md (`t.hash.x`, `t.arr[k - 1]`) and `index`/`setIndex` slow paths
// that apply metatables and raise `attempt to index ...` errors.

import type { Expression, IndexExpression, TableConstructor } from "@lunette/frontend";
import { MAX_ARRAY_PART } from "@lunette/runtime";
import type { ES } from "./builders.js";
import { describe, type LowerContext } from "./context.js";
import {
  alwaysNumber,
  canReadInPlace,
  isLocalName,
  isMultiValue,
  lowerExpression,
  lowerMultiple,
  stable,
} from "./expressions.js";
import { chargeTable } from "./fuel.js";

/** The constant key of an index expression, when it gets a dedicated fast path. */
type ConstantKey = { kind: "string"; name: string } | { kind: "array"; position: number };

function constantKey(key: Expression): ConstantKey | undefined {
  if (key.type === "String") return { kind: "string", name: key.value };
  if (key.type === "Number" && Number.isInteger(key.value) && key.value >= 1 && key.value < 2 ** 31)
    return { kind: "array", position: key.value };
  return undefined;
}

/** `obj[key]` in single-value context. */
export function lowerIndex(ctx: LowerContext, e: IndexExpression): ES.Expression {
  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  const object = stable(ctx, e.object, setup, canReadInPlace(ctx, e.object, e.key));
  const constant = constantKey(e.key);
  const key = constant
    ? undefined
    : stable(ctx, e.key, setup, canReadInPlace(ctx, e.key, e.object));
  // The key's line: lua5.1 emits GETTABLE once the key has been read (a chain split over
  // lines reports the line of the failing `.name`, not where the chain starts).
  const result = ctx.at(e.key.loc, () =>
    indexRead(ctx, object, e.key, constant, key, describe(ctx, e.object)),
  );
  ctx.fn.release(mark);
  return ctx.at(e.loc, () => ctx.b.sequence([...setup, result]));
}

/** The read itself, from stable object/key reads (shared with method calls). */
export function indexRead(
  ctx: LowerContext,
  object: ES.Expression,
  luaKey: Expression,
  constant: ConstantKey | undefined,
  key: ES.Expression | undefined,
  objectName: string,
): ES.Expression {
  const b = ctx.b;
  const mark = ctx.fn.mark();
  const v = ctx.temp();
  ctx.fn.release(mark);
  const isTable = b.binary("instanceof", object, ctx.rt("LuaTable"));
  let slot: ES.Expression;
  let guard = isTable;
  if (constant?.kind === "string") {
    slot = b.property(b.member(object, "hash"), constant.name);
  } else if (constant?.kind === "array") {
    slot = b.computed(b.member(object, "arr"), b.num(constant.position - 1));
  } else {
    slot = b.computed(b.member(object, "arr"), b.binary("-", key!, b.num(1)));
    if (!alwaysNumber(ctx, luaKey)) guard = b.logical("&&", guard, b.typeIs(key!, "number"));
  }
  const keyValue = constant?.kind === "string" ? b.str(constant.name) : (key ?? b.num(0));
  const finalKey = constant?.kind === "array" ? b.num(constant.position) : keyValue;
  const slow = ctx.rtCall("index", [object, finalKey, ctx.site(objectName)]);
  return b.conditional(
    b.logical("&&", guard, b.binary("!==", b.assign(b.id(v), slot), b.undef())),
    b.id(v),
    slow,
  );
}

/**
 * Method lookup for `o:m()` (OP_SELF). Besides the raw slot, the common class pattern
 * (`setmetatable(o, C)` with `C.__index = C`) is inlined: when the raw slot is absent and the
 * metatable's __index is a table holding `m`, that is the result (§2.8 "index" event, one
 * level). Everything else re-runs the full lookup in `index`; these reads have no effects.
 */
export function methodRead(
  ctx: LowerContext,
  object: ES.Expression,
  name: string,
  objectName: string,
): ES.Expression {
  const b = ctx.b;
  const mark = ctx.fn.mark();
  const v = b.id(ctx.temp());
  const handler = b.id(ctx.temp());
  ctx.fn.release(mark);
  const slot = (table: ES.Expression) => b.property(b.member(table, "hash"), name);
  const found = (table: ES.Expression) => b.binary("!==", b.assign(v, slot(table)), b.undef());
  const inherited = b.logical(
    "&&",
    b.binary(
      "instanceof",
      b.assign(
        handler,
        b.logical(
          "&&",
          b.binary("!==", b.member(object, "mt"), b.undef()),
          b.member(b.member(b.member(object, "mt"), "hash"), "__index"),
        ),
      ),
      ctx.rt("LuaTable"),
    ),
    found(handler),
  );
  return b.conditional(
    b.logical(
      "&&",
      b.binary("instanceof", object, ctx.rt("LuaTable")),
      b.logical("||", found(object), inherited),
    ),
    v,
    ctx.rtCall("index", [object, b.str(name), ctx.site(objectName)]),
  );
}

/**
 * Store `value` (a stable read) at `object[key]` (stable reads): the raw slot when it already
 * holds a value (then __newindex is not consulted, §2.8), else `setIndex`.
 */
export function indexStore(
  ctx: LowerContext,
  object: ES.Expression,
  luaKey: Expression,
  key: ES.Expression,
  value: ES.Expression,
  valueIsNil: boolean | undefined,
  objectName: string,
): ES.Expression {
  const b = ctx.b;
  const constant = constantKey(luaKey);
  const slow = ctx.rtCall("setIndex", [object, key, value, ctx.site(objectName)]);
  let guard = b.binary("instanceof", object, ctx.rt("LuaTable"));
  let slot: () => ES.Pattern & ES.Expression;
  if (constant?.kind === "string") {
    slot = () => b.property(b.member(object, "hash"), constant.name);
  } else {
    // The array part must never end with nil (runtime/src/table.ts invariant): storing nil
    // goes through setIndex, which trims.
    if (valueIsNil === true) return slow;
    const position =
      constant?.kind === "array" ? b.num(constant.position - 1) : b.binary("-", key, b.num(1));
    slot = () => b.computed(b.member(object, "arr"), position);
    if (!constant && !alwaysNumber(ctx, luaKey))
      guard = b.logical("&&", guard, b.typeIs(key, "number"));
    if (valueIsNil === undefined) guard = b.logical("&&", guard, b.binary("!==", value, b.undef()));
    if (constant?.kind !== "array") {
      // Appending `t[#t + 1] = v` to a plain table: the key is absent (map never holds
      // arr.length + 1), and without a metatable there is no __newindex to consult, so a raw
      // push keeps every table invariant and skips the setIndex/set/setNumber calls.
      let append = b.logical(
        "&&",
        b.logical(
          "&&",
          guard,
          b.binary(
            "===",
            b.member(b.member(object, "arr"), "length"),
            b.binary("-", key, b.num(1)),
          ),
        ),
        b.logical(
          "&&",
          b.binary("===", b.member(object, "mt"), b.undef()),
          b.binary("===", b.member(object, "map"), b.undef()),
        ),
      );
      // With budgets, a table charges its growth at power-of-two lengths (table.ts setNumber):
      // those appends go through setIndex, the others are pushed here too. The array part's
      // size limit (MAX_ARRAY_PART, where V8 would abort the process) is such a length, so
      // setNumber raises `not enough memory` there; without budgets, appends past it go
      // through setIndex for that.
      append = b.logical(
        "&&",
        append,
        ctx.budgets
          ? b.binary("!==", b.binary("&", key, b.binary("-", key, b.num(1))), b.num(0))
          : b.binary("<", key, b.num(MAX_ARRAY_PART)),
      );
      return b.conditional(
        b.logical("&&", guard, b.binary("!==", slot(), b.undef())),
        b.assign(slot(), value),
        b.conditional(append, b.call(b.member(b.member(object, "arr"), "push"), [value]), slow),
      );
    }
  }
  return b.conditional(
    b.logical("&&", guard, b.binary("!==", slot(), b.undef())),
    b.assign(slot(), value),
    slow,
  );
}

/** A table constructor `{...}`. */
export function lowerTable(ctx: LowerContext, e: TableConstructor): ES.Expression {
  const b = ctx.b;
  const fields = e.fields;
  if (fields.length === 0)
    return ctx.at(e.loc, () => chargeTable(ctx, b.newExpression(ctx.rt("LuaTable"), [])));
  let lastPositional = -1;
  fields.forEach((f, i) => {
    if (f.type === "PositionalField") lastPositional = i;
  });
  const firstOther = fields.findIndex((f) => f.type !== "PositionalField");
  // Values are evaluated in source order; when a named/keyed field comes before a positional
  // one, impure values go through temporaries so building the array first keeps that order.
  const mixed = firstOther !== -1 && firstOther < lastPositional;
  // 5.1 stores positional items (SETLIST) after the keyed ones before them: `{[1]="a", "b"}`
  // has t[1] == "b". Then positional items are stored one by one after the keyed stores.
  const positionalLast =
    lastPositional !== -1 && fields.some((f) => f.type === "KeyedField" && f.key.type !== "String");

  const setup: ES.Expression[] = [];
  const mark = ctx.fn.mark();
  // The table's temporaries are taken first: field values evaluated after the table is
  // created must not reuse them.
  const t = ctx.temp();
  const itemsTemp = positionalLast ? ctx.temp() : "";
  const value = (v: Expression): ES.Expression =>
    mixed || positionalLast ? stable(ctx, v, setup, isLocalName(ctx, v)) : lowerExpression(ctx, v);

  const elements: (ES.Expression | ES.SpreadElement)[] = [];
  const stores: ((t: ES.Expression) => ES.Expression)[] = [];
  fields.forEach((field, i) => {
    ctx.at(field.loc, () => {
      if (field.type === "PositionalField") {
        if (i === fields.length - 1 && isMultiValue(field.value)) {
          elements.push(b.spread(lowerMultiple(ctx, field.value)));
        } else {
          elements.push(value(field.value));
        }
      } else if (field.type === "NamedField" || field.key.type === "String") {
        const name =
          field.type === "NamedField" ? field.name : (field.key as { value: string }).value;
        const v = value(field.value);
        stores.push((t) => b.assign(b.property(b.member(t, "hash"), name), v));
      } else {
        const k = value(field.key);
        const v = value(field.value);
        const site = ctx.site();
        stores.push((t) => ctx.rtCall("tableSet", [t, k, v, site]));
      }
    });
  });

  ctx.fn.release(mark);
  return ctx.at(e.loc, () => {
    const table = b.id(t);
    if (positionalLast) {
      // Rare: keyed fields with non-string keys mixed with positional ones.
      const list = b.array(elements);
      const items = b.id(itemsTemp);
      // The positional items go in last, nils included, as OP_SETLIST does (table.ts setList).
      const setList = b.call(b.member(table, "setList"), [b.num(0), items]);
      return b.sequence([
        ...setup,
        b.assign(items, list),
        b.assign(
          table,
          chargeTable(
            ctx,
            b.newExpression(ctx.rt("LuaTable"), [b.undef(), b.bool(true)]),
            fields.length,
          ),
        ),
        ...stores.map((store) => store(table)),
        setList,
        table,
      ]);
    }
    // `{f()}`: the array from results() is fresh, so the table can own it without a copy.
    const only = elements.length === 1 ? elements[0]! : undefined;
    const array =
      only?.type === "SpreadElement" && only.argument.type === "CallExpression"
        ? only.argument
        : b.array(elements);
    // `{a, f()}`: build `[a, f()]` and let expandLast replace the last slot with all of f's
    // results; it returns the array untouched when f returned exactly one value (no spread).
    const last = elements[elements.length - 1];
    const trailingCall =
      only === undefined &&
      last?.type === "SpreadElement" &&
      last.argument.type === "CallExpression" &&
      last.argument.callee.type === "Identifier" &&
      last.argument.callee.name === "results"
        ? (last.argument.arguments[0] as ES.Expression)
        : undefined;
    const items =
      trailingCall === undefined
        ? array
        : ctx.rtCall("expandLast", [b.array([...elements.slice(0, -1), trailingCall])]);
    // Named fields are stored straight into `hash`: the table needs its own slot object.
    const created = chargeTable(
      ctx,
      b.newExpression(
        ctx.rt("LuaTable"),
        stores.length
          ? [elements.length ? items : b.undef(), b.bool(true)]
          : elements.length
            ? [items]
            : [],
      ),
      fields.length,
    );
    if (stores.length === 0) return b.sequence([...setup, created]);
    return b.sequence([
      ...setup,
      b.assign(table, created),
      ...stores.map((store) => store(table)),
      table,
    ]);
  });
}
