// The limits lua5.1 enforces while parsing. Expected messages were printed by lua5.1 5.1.5
// (`luac5.1 -p e.lua`, whose C call depth when parsing is that of the lua5.1 program running
// a script: our default callDepth of 1).

import { describe, expect, it } from "vitest";
import { LuaSyntaxError } from "../../../frontend/src/errors.js";
import { parse } from "../../../frontend/src/parser.js";

function names(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(",");
}
function localLines(n: number): string {
  return Array.from({ length: n }, (_, i) => `local a${i + 1} = 1`).join("\n");
}

const CASES: [string, string, string | null][] = [
  ["197 parentheses", `x = ${"(".repeat(197)}1${")".repeat(197)}`, null],
  [
    "198 parentheses",
    `x = ${"(".repeat(198)}1${")".repeat(198)}`,
    "e.lua:1: chunk has too many syntax levels",
  ],
  [
    "100000 parentheses",
    `x = ${"(".repeat(100000)}1${")".repeat(100000)}`,
    "e.lua:1: chunk has too many syntax levels",
  ],
  ["198 nested do blocks", `${"do ".repeat(198)}${" end".repeat(198)}`, null],
  [
    "199 nested do blocks",
    `${"do ".repeat(199)}${" end".repeat(199)}`,
    "e.lua:1: chunk has too many syntax levels",
  ],
  [
    "150 nested functions",
    `${"x = function()\n".repeat(150)}${"end\n".repeat(150)}`,
    "e.lua:100: chunk has too many syntax levels",
  ],
  [
    "300 concatenations",
    `x = a${" .. a".repeat(300)}`,
    "e.lua:1: chunk has too many syntax levels",
  ],
  ["200 locals", `local ${names("a", 200)}`, null],
  [
    "201 locals",
    `local ${names("a", 201)}`,
    "e.lua:1: main function has more than 200 local variables",
  ],
  [
    "200 locals beside the hidden `arg`",
    `local function f(...)\n local ${names("a", 200)} end`,
    "e.lua:2: function at line 1 has more than 200 local variables",
  ],
  ["199 assignment targets", `${names("a", 199)} = 1`, null],
  [
    "200 assignment targets",
    `${names("a", 200)} = 1`,
    "e.lua:1: main function has more than 198 variables in assignment",
  ],
  [
    "300 call arguments",
    `print(${names("a", 300)})`,
    "e.lua:1: function or expression too complex near 'a250'",
  ],
  [
    "300 return values",
    `return ${names("a", 300)}`,
    "e.lua:1: function or expression too complex near 'a251'",
  ],
  [
    "a generic for keeps the registers of all its values",
    `local ${names("a", 115)}\nfor k, v in ${names("a", 132)} do end`,
    "e.lua:2: function or expression too complex near 'do'",
  ],
  [
    "an assignment drops the registers of extra values",
    `local ${names("a", 115)}\nx = ${names("a", 132)}`,
    null,
  ],
  ["60 upvalues", `${localLines(60)}\nlocal function f()\n return ${names("a", 60)} end`, null],
  [
    "61 upvalues",
    `${localLines(61)}\nlocal function f()\n return ${names("a", 61)} end`,
    "e.lua:63: function at line 62 has more than 60 upvalues",
  ],
];

describe("parser limits match lua5.1", () => {
  it.each(CASES)("%s", (_, source, expected) => {
    let message: string | null = null;
    try {
      parse(source, "@e.lua");
    } catch (e) {
      if (!(e instanceof LuaSyntaxError)) throw e;
      message = e.message;
    }
    expect(message).toBe(expected);
  });
});
