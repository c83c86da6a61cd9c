import { expect, test } from "vitest";
import { runLua } from "./harness.js";

test("smoke", () => {
  expect(runLua("print(1 + 2, 'a' .. 'b')")).toBe("3\tab");
});
