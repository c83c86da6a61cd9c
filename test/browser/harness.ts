// What the headless-Chromium tests share: whether Chromium and playwright-core are installed,
// a static file server on localhost for a built page, and launching the browser.

import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CHROMIUM = "/usr/bin/chromium";

// playwright-core is a devDependency of the rollup plugin (rollup-plugin/package.json).
const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(join(root, "rollup-plugin/package.json"));

function resolvable(name: string): boolean {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/** Debian's chromium package and playwright-core are both there. */
export const browserAvailable = existsSync(CHROMIUM) && resolvable("playwright-core");

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".map": "application/json",
};

/**
 * A static file server for `dir` on 127.0.0.1: every response carries `headers`, and the path
 * of every request is appended to `requested` when given.
 */
export async function serve(
  dir: string,
  options: { headers?: Record<string, string>; requested?: string[] } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    options.requested?.push(path);
    const file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      ...options.headers,
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Headless Chromium through playwright-core. */
export async function launchChromium(): Promise<any> {
  const { chromium } = await import(require.resolve("playwright-core"));
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
}
