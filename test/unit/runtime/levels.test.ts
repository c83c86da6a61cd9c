// C sites (runtime/src/levels.ts): a library function that calls Lua code passes cSite(s), which
// level walks expand into C levels above the Lua code at site s.
import { describe, expect, test } from "vitest";
import {
  C_SITE,
  cLevelsOf,
  cSite,
  luaSiteOf,
  TAIL_SITE,
  topLevels,
} from "../../../runtime/src/levels.js";
import { S } from "../../../runtime/src/state.js";

describe("C sites", () => {
  test("one C level over an ordinary site keeps its position", () => {
    const site = cSite(42);
    expect(cLevelsOf(site)).toBe(1);
    expect(luaSiteOf(site)).toBe(42);
  });

  test("a C function called by a C function adds a level", () => {
    const site = cSite(cSite(7));
    expect(cLevelsOf(site)).toBe(2);
    expect(luaSiteOf(site)).toBe(7);
  });

  test("the host, metamethod positions and tail sites", () => {
    expect(cSite(0)).toBe(C_SITE);
    expect(luaSiteOf(cSite(-9))).toBe(9);
    expect(luaSiteOf(cSite(TAIL_SITE))).toBe(0);
    expect(cLevelsOf(5)).toBe(0);
    expect(luaSiteOf(5)).toBe(5);
  });

  test("the count saturates below the int32 range of S.callSites", () => {
    let site = 3;
    for (let i = 0; i < 40; i++) site = cSite(site);
    expect(site).toBeLessThan(2 ** 31);
    expect(luaSiteOf(site)).toBe(3);
  });

  test("level walk: C levels sit between a frame and its caller", () => {
    const saved = { depth: S.depth, site: S.site, one: S.callSites[1], two: S.callSites[2] };
    try {
      S.depth = 2;
      S.callSites[1] = 0; // the main chunk, called by the host
      S.callSites[2] = cSite(11); // frame 2 called by a library function called at site 11
      S.site = 12;
      const kinds = topLevels(10).map((level) => level.kind);
      expect(kinds).toEqual(["lua", "c", "lua", "c"]);
      const levels = topLevels(10);
      expect(levels[2]).toMatchObject({ kind: "lua", depth: 1, site: 11 });
    } finally {
      S.depth = saved.depth;
      S.site = saved.site;
      S.callSites[1] = saved.one!;
      S.callSites[2] = saved.two!;
    }
  });
});
