// Garbage collection (runtime/src/lib/gc.ts): weak tables and __gc finalizers against a host
// that can run the collector (a fake one that only ends nothing, and the Node host), and one
// that cannot. Expected behaviour: docs/stdlib.md, "Garbage collection".

import { describe, expect, it } from "vitest";
import { createGlobals } from "../../../runtime/src/globals.js";
import { createBufferHost, type Host } from "../../../runtime/src/host.js";
import { createNodeHost } from "../../../runtime/src/host-node.js";
import { closeState } from "../../../runtime/src/lib/gc.js";
import { LuaTable } from "../../../runtime/src/table.js";
import type { LuaFunction, LuaValue } from "../../../runtime/src/value.js";

function call(G: LuaTable, name: string, ...args: LuaValue[]): LuaValue {
  return (G.get(name) as LuaFunction)(...args);
}

function weakTable(G: LuaTable, mode: string): LuaTable {
  const mt = new LuaTable();
  mt.set("__mode", mode);
  return call(G, "setmetatable", new LuaTable(), mt) as LuaTable;
}

function fill(t: LuaTable, keep: LuaTable): void {
  t.set(new LuaTable(), 1);
  t.set(keep, 2);
  t.set("s", new LuaTable());
}

describe("collectgarbage('collect')", () => {
  it("keeps every entry when the host cannot collect", () => {
    const G = createGlobals(createBufferHost());
    const t = weakTable(G, "k");
    const keep = new LuaTable();
    fill(t, keep);
    expect(call(G, "collectgarbage", "collect")).toBe(0);
    const keys: LuaValue[] = [];
    const out: LuaValue[] = [];
    let k: LuaValue;
    while (t.nextEntry(k, out)) {
      k = out[0];
      keys.push(k);
    }
    expect(keys.length).toBe(3);
  });

  it("restores surviving entries even when the host collector throws", () => {
    const host: Host = {
      ...createBufferHost(),
      collectGarbage() {
        throw new Error("no collector");
      },
    };
    const G = createGlobals(host);
    const t = weakTable(G, "kv");
    const keep = new LuaTable();
    fill(t, keep);
    expect(() => call(G, "collectgarbage")).toThrow("no collector");
    expect(t.get(keep)).toBe(2);
    expect(t.get("s")).toBeInstanceOf(LuaTable);
  });

  it("clears dead weak keys with the Node host", () => {
    const G = createGlobals(createNodeHost());
    const t = weakTable(G, "k");
    const keep = new LuaTable();
    fill(t, keep);
    call(G, "collectgarbage", "collect");
    expect(t.get(keep)).toBe(2);
    expect(t.get("s")).toBeInstanceOf(LuaTable);
    expect(t.map?.size).toBe(1); // only `keep` is left among the table keys
  });
});

describe("__gc", () => {
  it("runs every remaining finalizer at closeState, newest first, ignoring errors", () => {
    const G = createGlobals(createBufferHost());
    const order: number[] = [];
    const proxies: LuaValue[] = [];
    for (let i = 1; i <= 3; i++) {
      const u = call(G, "newproxy", true);
      proxies.push(u);
      const mt = call(G, "getmetatable", u) as LuaTable;
      mt.set("__gc", () => {
        order.push(i);
        if (i === 2) throw new Error("ignored");
      });
    }
    closeState();
    expect(order).toEqual([3, 2, 1]);
    closeState(); // each userdata is finalized once
    expect(order).toEqual([3, 2, 1]);
    expect(proxies.length).toBe(3);
  });
});
