// Differential tests: every program in test/lua/**/*.lua is run by the lunette CLI and its
// output is compared with the golden file written from PUC-Rio lua5.1 (test/scripts/golden.mjs).
//
// What is compared (see test/README.md):
//   - stdout: exactly, byte for byte (latin1);
//   - exit status: exactly;
//   - stderr: the message part, i.e. everything before the line `stack traceback:`, exactly,
//     after mapping the interpreter prefix (`lunette: ` / `lua5.1: `) to `lua: `. The traceback
//     itself is compared only for programs listed in test/lua/TRACEBACKS.txt.
// When lua5.1 is on PATH, each program is also run live by lua5.1 and must still agree with its
// golden file completely (stdout, stderr including the traceback, status).
//
// test/lua/KNOWN_FAILURES.txt may list programs that lunette does not pass yet, each with a
// reason; those are asserted to still FAIL, so a fixed one must be removed from the list.
//
// Programs under test/lua/vm-debug/ run only on the bytecode VM (debug.getlocal/setlocal and
// hooks need its frames; compiled code has none): the CLI always gets `--vm` for them
// (VM_ONLY_AREAS).
//
// The corpus runs twice: compiled (the CLI's default) and on the bytecode VM (`--vm`).
//
// LUNETTE_CLI=<path> runs another CLI script in place of compiler/dist/cli/main.js.
// LUNETTE_ARGS="..." runs the corpus once, with these CLI arguments before the program
// (whitespace-separated) instead of the two modes. KNOWN_FAILURES.txt describes the default
// (compiled) mode; in any other mode every program is expected to pass.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { goldenPath, listPrograms, neutralStderr } from "./scripts/golden.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cliPath = resolve(root, process.env.LUNETTE_CLI ?? "compiler/dist/cli/main.js");
const cliArgs = (process.env.LUNETTE_ARGS ?? "").split(/\s+/).filter((a) => a !== "");
const knownFailuresFile = join(root, "test/lua/KNOWN_FAILURES.txt");
/** Corpus folders whose programs always run with `--vm` (see the header). */
const VM_ONLY_AREAS = ["test/lua/vm-debug/"];

/** The runs of the corpus: CLI arguments before each program (see the header). */
const MODES: string[][] = cliArgs.length > 0 ? [cliArgs] : [[], ["--vm"]];

const isVmOnly = (program: string) => VM_ONLY_AREAS.some((area) => program.startsWith(area));

/** The CLI arguments before a program in a mode: `--vm` added for a VM-only program. */
function argsFor(program: string, mode: string[]): string[] {
  return isVmOnly(program) && !mode.includes("--vm") ? ["--vm", ...mode] : mode;
}
const tracebacksFile = join(root, "test/lua/TRACEBACKS.txt");

/** At most this many child processes at once (the machine has 2 cores). */
const PARALLEL = 2;
const PROCESS_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;

interface Outcome {
  stdout: string;
  stderr: string;
  status: number;
}

/** A counting semaphore: `run` waits for a free slot before starting `task`. */
function limiter(slots: number) {
  let free = slots;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((wake) => waiting.push(wake));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
const slot = limiter(PARALLEL);

/** Run a command from the repository root with an empty stdin; output decoded as latin1. */
function run(command: string, args: string[]): Promise<Outcome> {
  return slot(
    () =>
      new Promise<Outcome>((done, fail) => {
        const child = spawn(command, args, { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        const timer = setTimeout(() => child.kill("SIGKILL"), PROCESS_TIMEOUT_MS);
        child.stdout.on("data", (b: Buffer) => out.push(b));
        child.stderr.on("data", (b: Buffer) => err.push(b));
        child.on("error", (e) => {
          clearTimeout(timer);
          fail(e);
        });
        child.on("close", (status, signal) => {
          clearTimeout(timer);
          const stdout = Buffer.concat(out).toString("latin1");
          const stderr = Buffer.concat(err).toString("latin1");
          if (status === null) {
            const why = signal === "SIGKILL" ? `timed out after ${PROCESS_TIMEOUT_MS} ms` : signal;
            done({ stdout, stderr: `${stderr}\n[killed: ${why}]`, status: -1 });
          } else done({ stdout, stderr, status });
        });
        child.stdin.end();
      }),
  );
}

/** Split stderr into the message (before `stack traceback:`) and the traceback. */
function splitStderr(stderr: string): { message: string; traceback: string } {
  const at = stderr.search(/^stack traceback:$/m);
  return at < 0
    ? { message: stderr, traceback: "" }
    : { message: stderr.slice(0, at), traceback: stderr.slice(at) };
}

/** The parts of an outcome that are compared for a program. */
function comparable(outcome: Outcome, withTraceback: boolean) {
  const { message, traceback } = splitStderr(outcome.stderr);
  return withTraceback
    ? { stdout: outcome.stdout, status: outcome.status, stderr: message, traceback }
    : { stdout: outcome.stdout, status: outcome.status, stderr: message };
}

function readGolden(program: string): Outcome {
  const file = goldenPath(program);
  if (!existsSync(file)) throw new Error(`${program} has no golden file: run \`npm run golden\``);
  return JSON.parse(readFileSync(file, "utf8")) as Outcome;
}

/** Non-empty, non-comment lines of a list file (`#` starts a comment line). */
function listLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** KNOWN_FAILURES.txt: `test/lua/x/y.lua: reason`, one per line. */
function readKnownFailures(): Map<string, string> {
  const known = new Map<string, string>();
  for (const line of listLines(knownFailuresFile)) {
    const colon = line.indexOf(".lua:");
    const program = colon < 0 ? line : line.slice(0, colon + 4);
    known.set(program, colon < 0 ? "" : line.slice(colon + 5).trim());
  }
  return known;
}

function hasOracle(): boolean {
  const probe = spawnSync("lua5.1", ["-v"], { stdio: "ignore" });
  return !probe.error && probe.status === 0;
}

const programs: string[] = listPrograms();
const knownFailuresOfDefault = readKnownFailures();
const tracebackChecked = new Set(listLines(tracebacksFile));
const cliBuilt = existsSync(cliPath);
const oracleAvailable = hasOracle();

describe("corpus", () => {
  test("every program has a golden file", () => {
    const missing = programs.filter((p) => !existsSync(goldenPath(p)));
    expect(missing, "run `npm run golden` and commit the goldens").toEqual([]);
  });

  test("KNOWN_FAILURES.txt names existing programs, each with a reason", () => {
    const bad = [...knownFailuresOfDefault].filter(
      ([p, reason]) => !programs.includes(p) || reason === "",
    );
    expect(bad.map(([p]) => p)).toEqual([]);
  });

  test("TRACEBACKS.txt names existing programs", () => {
    expect([...tracebackChecked].filter((p) => !programs.includes(p))).toEqual([]);
  });
});

for (const mode of MODES) {
  const label = ["lunette", ...mode].join(" ");
  const knownFailures = mode.length === 0 ? knownFailuresOfDefault : new Map<string, string>();
  // a VM-only program already ran with --vm in the default mode
  const ofMode =
    mode.includes("--vm") && MODES.length > 1 ? programs.filter((p) => !isVmOnly(p)) : programs;
  describe.concurrent(`${label} agrees with lua5.1`, () => {
    if (!cliBuilt) {
      test("the lunette CLI is built", () => {
        throw new Error(
          `lunette CLI not found at ${cliPath}: run \`npm run build\` first ` +
            "(the differential tests run `node compiler/dist/cli/main.js <file.lua>`)",
        );
      });
      return;
    }
    for (const program of ofMode) {
      const reason = knownFailures.get(program);
      const withTraceback = tracebackChecked.has(program);
      const name = reason === undefined ? program : `${program} (known failure: ${reason})`;
      test(
        name,
        async () => {
          const golden = readGolden(program);
          const got = await run(process.execPath, [cliPath, ...argsFor(program, mode), program]);
          const actual = { ...got, stderr: neutralStderr(got.stderr, "lunette") };
          const expected = comparable(golden, withTraceback);
          const observed = comparable(actual, withTraceback);
          if (reason === undefined) {
            expect(observed).toEqual(expected);
          } else {
            expect(
              observed,
              `${program} now passes: remove it from test/lua/KNOWN_FAILURES.txt`,
            ).not.toEqual(expected);
          }
        },
        TEST_TIMEOUT_MS,
      );
    }
  });
}

describe.runIf(oracleAvailable).concurrent("lua5.1 still agrees with the golden files", () => {
  for (const program of programs) {
    test(
      program,
      async () => {
        const golden = readGolden(program);
        const got = await run("lua5.1", [program]);
        expect({ ...got, stderr: neutralStderr(got.stderr) }).toEqual(golden);
      },
      TEST_TIMEOUT_MS,
    );
  }
});
