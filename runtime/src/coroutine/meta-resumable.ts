// Yielding inside metamethods written in Lua (beyond 5.1, as Lua 5.2+ and LuaJIT allow; see
// docs/architecture.md "Yield boundaries"). In the resumable form, an operator's slow path is
// `yield* metaResumable(op, ...operands)`: the ordinary slow path `op` runs with `deferral.on`
// set, so its metamethod call (ops/call.ts callMeta2/callMeta3), when the handler has a
// resumable form, is not made: the handler and its arguments are recorded and DEFERRED is
// returned instead. The generator then calls the handler's resumable form with `yield*`, so a
// yield inside it suspends the coroutine through the operator. Comparisons record how their
// result is made from the handler's (lua5.1 call_orderTM: truthiness; `a <= b` through `__lt`:
// `not (b < a)`).

import { S } from "../state.js";
import type { LuaFunction, LuaValue } from "../value.js";

type Resumable = LuaFunction & {
  co?: (...args: LuaValue[]) => Generator<LuaValue[], LuaValue, LuaValue[]>;
};

/** Returned by a slow path whose metamethod call was deferred. */
export const DEFERRED = { deferred: true } as unknown as LuaValue;

/** How the operator's result comes from the handler's: as is, truthy, or not truthy. */
export const Post = { Value: 0, Truthy: 1, Falsy: 2 } as const;
export type Post = (typeof Post)[keyof typeof Post];

/** The deferral state shared with ops/call.ts and ops/compare.ts. */
export const deferral: {
  on: boolean;
  handler: Resumable | undefined;
  args: LuaValue[];
  post: Post;
} = { on: false, handler: undefined, args: [], post: Post.Value };

/** Records a deferred metamethod call (the C-call count was taken by the caller). */
export function deferCall(handler: LuaValue, args: LuaValue[]): LuaValue {
  deferral.handler = handler as Resumable;
  deferral.args = args;
  deferral.post = Post.Value;
  return DEFERRED;
}

/** Runs the slow path `op(...operands)`; a deferred metamethod call is made resumably. */
export function* metaResumable(
  op: (...operands: LuaValue[]) => LuaValue,
  ...operands: LuaValue[]
): Generator<LuaValue[], LuaValue, LuaValue[]> {
  deferral.on = true;
  let result: LuaValue;
  try {
    result = op(...operands);
  } finally {
    deferral.on = false;
  }
  if (result !== DEFERRED) return result;
  const handler = deferral.handler!;
  const args = deferral.args;
  const post = deferral.post;
  deferral.handler = undefined;
  const value = yield* handler.co!(...args);
  S.cCalls--;
  if (post === Post.Value) return value;
  const truthy = value !== undefined && value !== false;
  return post === Post.Truthy ? truthy : !truthy;
}
