// `lunette -i` and a bare `lunette` on a terminal: lua.c's dotty. Each line is tried as
// `return <line>` first (so `> 1+1` prints 2, as in later Luas' convenience; 5.1 needs `=`),
// then as a statement; input that ends early (`near '<eof>'`) continues on a `>>` line.

import { readSync } from "node:fs";
import * as runtime from "@lunette/runtime";
import type { Session } from "./interpreter.js";

type Runner = (
  load: () => { fn: runtime.LuaFunction } | { error: runtime.LuaValue },
  args: string[],
) => boolean;

/**
 * `echo`: write each line read after its prompt, as lua5.1 built with GNU readline does when
 * its input is not a terminal (so piped sessions print what lua5.1 prints).
 */
export function runRepl(session: Session, run: Runner, echo = false): void {
  const prefix = session.messagePrefix;
  session.messagePrefix = "";
  try {
    readEvalPrint(session, run, echo);
  } finally {
    session.messagePrefix = prefix;
  }
}

function readEvalPrint(session: Session, run: Runner, echo: boolean): void {
  const { host } = session;
  const read = lineReader();
  const lines = (): string | undefined => {
    const line = read();
    if (echo && line !== undefined) host.stdout(`${line}\n`);
    return line;
  };
  for (;;) {
    host.stdout("> ");
    let line = lines();
    if (line === undefined) break;
    // lua.c 5.1: a line starting with `=` means `return <rest>`.
    if (line.startsWith("=")) line = `return ${line.slice(1)}`;
    let source = line;
    for (;;) {
      const attempt = tryCompile(session, source);
      if (attempt !== "incomplete") {
        run(() => attempt, []);
        break;
      }
      host.stdout(">> ");
      const more = lines();
      if (more === undefined) return;
      source += `\n${more}`;
    }
  }
  host.stdout("\n");
}

function tryCompile(session: Session, source: string) {
  try {
    const fn = session.loader(source, "=stdin", session.globals);
    return { fn: printResults(session, fn) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.endsWith("near '<eof>'")) return "incomplete" as const;
    return { error: message };
  }
}

/** Like lua.c: after a chunk runs, print the values it returned, if any. */
function printResults(session: Session, fn: runtime.LuaFunction): runtime.LuaFunction {
  return (...args: unknown[]) => {
    const values = runtime.results(fn(...args));
    if (values.length > 0) {
      const print = session.globals.get("print");
      if (typeof print === "function") print(...values);
    }
    return runtime.ret0();
  };
}

function lineReader(): () => string | undefined {
  let buffered = "";
  const chunk = Buffer.alloc(4096);
  return () => {
    for (;;) {
      const newline = buffered.indexOf("\n");
      if (newline >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        return line;
      }
      let n = 0;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch {
        n = 0;
      }
      if (n === 0) {
        if (buffered === "") return undefined;
        const rest = buffered;
        buffered = "";
        return rest;
      }
      buffered += chunk.toString("latin1", 0, n);
    }
  };
}
