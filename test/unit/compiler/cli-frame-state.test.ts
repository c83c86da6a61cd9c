// The CLI's runChunk (compiler/src/cli/interpreter.ts) leaves the frame state as it found it
// after an uncaught error, as lua.c's docall does, so the REPL's next line starts clean: depth
// and the C-call count (a `C stack overflow` must not lower the next line's limit).
// Expected numbers come from lua5.1 (`lua5.1 -i`: 196 __index calls before C stack overflow).

import { S } from "@lunette/runtime";
import { describe, expect, it, vi } from "vitest";
import { createSession, runChunk } from "../../../compiler/src/cli/interpreter.js";

function run(session: ReturnType<typeof createSession>, source: string): boolean {
  return runChunk(
    session,
    () => ({ fn: session.loader(source, "=stdin", session.globals) as never }),
    [],
  );
}

describe("runChunk after an uncaught error", () => {
  it("restores the depth and the C-call count", () => {
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const session = createSession();
      const before = { depth: S.depth, cCalls: S.cCalls };
      run(session, "t = setmetatable({}, {__index = function(t, k) n = n + 1 return t[k] end})");
      expect(run(session, "n = 0 local x = t.x")).toBe(false);
      expect({ depth: S.depth, cCalls: S.cCalls }).toEqual(before);
      expect(
        run(
          session,
          "local function f(k) if k == 0 then error('x') end return f(k - 1) end f(300)",
        ),
      ).toBe(false);
      expect({ depth: S.depth, cCalls: S.cCalls }).toEqual(before);
      expect(run(session, "n = 0 ok = pcall(function() return t.x end) count = n")).toBe(true);
      expect(session.globals.get("count")).toBe(196);
    } finally {
      quiet.mockRestore();
    }
  });
});
