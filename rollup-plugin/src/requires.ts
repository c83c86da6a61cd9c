// The modules a chunk requires by literal name (`require "a.b"`, `require("a.b")`), found by
// walking the AST; the plugin resolves them at build time. Any other require (a computed name,
// a local named require) is left to the runtime's loaders.

import type { Chunk } from "@lunette/frontend";

export function staticRequires(chunk: Chunk): string[] {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    const n = node as {
      type?: string;
      callee?: { type?: string; name?: string };
      args?: unknown[];
    };
    if (
      n.type === "Call" &&
      n.callee?.type === "Identifier" &&
      n.callee.name === "require" &&
      n.args?.length === 1 &&
      (n.args[0] as { type?: string }).type === "String"
    )
      names.add((n.args[0] as { value: string }).value);
    for (const key of Object.keys(node))
      if (key !== "loc") visit((node as Record<string, unknown>)[key]);
  };
  visit(chunk);
  return [...names];
}
