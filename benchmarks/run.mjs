#!/usr/bin/env node
// Benchmark runner: times every workload in benchmarks/lua/ on every engine in
// one run and writes benchmarks/RESULTS.md.
//
//   node benchmarks/run.mjs            # N=3 runs each, full sizes
//   node benchmarks/run.mjs --quick    # 1 run each, workloads get arg[1] = "quick"
//
// Options: --runs N, --timeout SECONDS (per run, default 60), --budget SECONDS
// (stop repeating an engine on a workload once its runs add up to this much,
// default 12; keeps the slow JS interpreters from dominating the total),
// --only fib,sieve (workloads), --engines lua5.1,luajit (engines), --out FILE.
//
// Timing is whole-process wall time (startup and compilation included), the
// median of the runs. Engines run one after another, never in parallel, so
// they do not disturb each other on a small machine; a workload's runs go in
// rounds over the engines (measureRow). Every engine's stdout
// must equal lua5.1's, otherwise the cell says WRONG.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(benchDir, "..");
const luaDir = path.join(benchDir, "lua");
const lunetteCli = path.join(rootDir, "compiler", "dist", "cli", "main.js");
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options

function parseOptions(argv) {
  const options = {
    quick: false,
    runs: undefined,
    timeout: 60,
    budget: 12,
    only: undefined,
    engines: undefined,
    out: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value after ${flag}`);
      return argv[++i];
    };
    if (flag === "--quick") options.quick = true;
    else if (flag === "--runs") options.runs = Number(value());
    else if (flag === "--timeout") options.timeout = Number(value());
    else if (flag === "--budget") options.budget = Number(value());
    else if (flag === "--only") options.only = value().split(",");
    else if (flag === "--engines") options.engines = value().split(",");
    else if (flag === "--out") options.out = path.resolve(value());
    else throw new Error(`unknown option ${flag}`);
  }
  options.runs ??= options.quick ? 1 : 3;
  options.out ??= path.join(benchDir, options.quick ? "RESULTS.quick.md" : "RESULTS.md");
  return options;
}

// ---------------------------------------------------------------- engines

// Each engine is a command line that runs `<file.lua> [args...]` like lua.c.
function engineTable() {
  const node = process.execPath;
  return [
    {
      name: "lunette",
      command: node,
      prefix: [lunetteCli],
      // Never skipped: if the CLI is not built, its cells say "error".
      missing: () => (existsSync(lunetteCli) ? undefined : "not built (run `npm run build`)"),
      skipWhenMissing: false,
      version: lunetteVersion,
    },
    {
      // The same CLI with a fuel budget too large to run out: chunks are compiled with fuel
      // checks and memory charges (docs/architecture.md, "Sandboxing"). Must stay within 1.5x.
      name: "lunette --fuel",
      command: node,
      prefix: [lunetteCli, "--fuel", "1e15"],
      missing: () => (existsSync(lunetteCli) ? undefined : "not built (run `npm run build`)"),
      skipWhenMissing: false,
      version: lunetteVersion,
    },
    {
      // The same CLI running every chunk on the bytecode VM (vm/src/interpreter).
      name: "lunette --vm",
      command: node,
      prefix: [lunetteCli, "--vm"],
      missing: () => (existsSync(lunetteCli) ? undefined : "not built (run `npm run build`)"),
      skipWhenMissing: false,
      version: lunetteVersion,
    },
    { name: "lua5.1", command: "lua5.1", prefix: [], version: () => commandVersion("lua5.1") },
    {
      name: "luajit -joff",
      command: "luajit",
      prefix: ["-joff"],
      version: () => commandVersion("luajit"),
    },
    { name: "luajit", command: "luajit", prefix: [], version: () => commandVersion("luajit") },
    // fengari runs 10-30x slower than lua5.1: a shorter timeout keeps a full run to minutes
    // (a cell then reads "timeout", i.e. more than that many seconds).
    { ...jsEngine("fengari"), timeout: 10 },
    jsEngine("wasmoon"),
  ];
}

// fengari and wasmoon run through a small node driver in benchmarks/drivers/.
function jsEngine(name) {
  return {
    name,
    command: process.execPath,
    prefix: [path.join(benchDir, "drivers", `${name}.mjs`)],
    missing: () => (packageVersion(name) ? undefined : `package not installed (npm install)`),
    skipWhenMissing: true,
    version: () => `${name} ${packageVersion(name)} (${luaVersionOf(name)})`,
  };
}

function commandExists(command) {
  const result = spawnSync(command, ["-v"], { encoding: "latin1" });
  return !(result.error && result.error.code === "ENOENT");
}

function commandVersion(command) {
  const result = spawnSync(command, ["-v"], { encoding: "latin1" });
  // lua5.1 -v prints its banner on stderr, luajit on stdout.
  const text = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  return text.split("\n")[0].replace(/\s+(--\s+)?Copyright.*$/, "");
}

function packageVersion(name) {
  try {
    let dir = path.dirname(require.resolve(name));
    while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
    return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

// The Lua version a JS engine implements, by asking it for _VERSION.
function luaVersionOf(name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lunette-bench-"));
  try {
    const file = path.join(dir, "version.lua");
    writeFileSync(file, "print(_VERSION)\n");
    const driver = path.join(benchDir, "drivers", `${name}.mjs`);
    const result = spawnSync(process.execPath, [driver, file], { encoding: "latin1" });
    return result.status === 0 ? result.stdout.trim() : "unknown Lua version";
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lunetteVersion() {
  let version = "unknown";
  try {
    const pkg = path.join(rootDir, "compiler", "package.json");
    version = JSON.parse(readFileSync(pkg, "utf8")).version;
  } catch {}
  const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: rootDir,
    encoding: "latin1",
  });
  const commit = git.status === 0 ? ` (${git.stdout.trim()})` : "";
  return `lunette ${version}${commit}`;
}

// ---------------------------------------------------------------- running

// One whole-process run. The file is passed by its name with cwd = lua/, so
// error messages (which contain the chunk name) are the same for every engine.
function runOnce(engine, file, args, timeoutSeconds) {
  const start = process.hrtime.bigint();
  const result = spawnSync(engine.command, [...engine.prefix, file, ...args], {
    cwd: luaDir,
    encoding: "latin1",
    timeout: timeoutSeconds * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error?.code === "ETIMEDOUT") return { status: "timeout", seconds };
  if (result.error) return { status: "error", detail: result.error.message };
  if (result.status !== 0) {
    return { status: "error", detail: errorSummary(result) };
  }
  return { status: "ok", seconds, stdout: result.stdout };
}

// The most telling stderr line: a Lua error ("lua5.1: fib.lua:3: ...") is on
// the first line; a node stack trace names the error on a later "...Error:" line.
function errorSummary(result) {
  const lines = (result.stderr ?? "").split("\n").filter((line) => line.trim() !== "");
  const named = lines.find((line) => /^\w*Error\b/.test(line.trim()));
  const signal = result.signal ? `killed by ${result.signal}` : `exit status ${result.status}`;
  return (named ?? lines[0] ?? signal).trim();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Runs every engine on one workload up to `runs` times and summarises each. The runs go in
// rounds (each round runs each engine once, in table order) rather than one engine's runs back
// to back, so a slow spell of the machine falls on every engine of a round alike and the
// ratios to lua5.1 stay fair. An engine stops repeating once its runs add up to the budget,
// and for good at its first failure.
function measureRow(engines, file, args, options) {
  const cells = new Map(engines.map((engine) => [engine, { times: [], spent: 0 }]));
  for (let run = 0; run < options.runs; run++) {
    for (const [engine, cell] of cells) {
      if (cell.failed !== undefined || cell.spent >= options.budget) continue;
      const timeout = Math.min(options.timeout, engine.timeout ?? Infinity);
      const outcome = runOnce(engine, file, args, timeout);
      if (outcome.status !== "ok") cell.failed = outcome;
      else if (cell.stdout !== undefined && outcome.stdout !== cell.stdout) {
        cell.failed = { status: "error", detail: "output differs between runs" };
      } else {
        cell.stdout = outcome.stdout;
        cell.times.push(outcome.seconds);
        cell.spent += outcome.seconds;
      }
    }
  }
  const row = new Map();
  for (const [engine, cell] of cells) {
    row.set(
      engine.name,
      cell.failed ?? {
        status: "ok",
        seconds: median(cell.times),
        runs: cell.times.length,
        stdout: cell.stdout,
      },
    );
  }
  return row;
}

// ---------------------------------------------------------------- reporting

const formatSeconds = (seconds) => seconds.toFixed(seconds < 10 ? 3 : 2);
const formatRatio = (ratio) => `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;

function cellText(result, reference) {
  if (!result) return "skipped";
  if (result.status === "timeout") return "timeout";
  if (result.status === "error") return "error";
  if (result.wrong) return "WRONG";
  const ratio =
    reference?.status === "ok" ? ` (${formatRatio(result.seconds / reference.seconds)})` : "";
  return `${formatSeconds(result.seconds)}${ratio}`;
}

// Geometric mean of (engine time / lua5.1 time) over the workloads where both
// ran correctly; says how many workloads that covers when not all of them.
function geometricMean(engine, workloads, results) {
  const ratios = [];
  for (const workload of workloads) {
    const result = results.get(workload)?.get(engine.name);
    const reference = results.get(workload)?.get("lua5.1");
    if (result?.status === "ok" && !result.wrong && reference?.status === "ok") {
      ratios.push(result.seconds / reference.seconds);
    }
  }
  if (ratios.length === 0) return "-";
  const mean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
  const coverage =
    ratios.length < workloads.length ? ` [${ratios.length}/${workloads.length}]` : "";
  return `${formatRatio(mean)}${coverage}`;
}

function buildRows(engines, workloads, results) {
  const header = ["benchmark", ...engines.map((engine) => engine.name)];
  const rows = workloads.map((workload) => {
    const reference = results.get(workload).get("lua5.1");
    return [
      workload,
      ...engines.map((engine) => cellText(results.get(workload).get(engine.name), reference)),
    ];
  });
  rows.push([
    "geometric mean (ratio)",
    ...engines.map((engine) => geometricMean(engine, workloads, results)),
  ]);
  return { header, rows };
}

// Columns padded the way biome formats markdown tables, so the generated
// RESULTS.md passes `biome check .` untouched.
function markdownTable({ header, rows }) {
  const widths = columnWidths(header, rows);
  const pad = (cell, column) =>
    column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]);
  const line = (cells) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = widths.map((width, column) =>
    column === 0 ? "-".repeat(width) : `${"-".repeat(width - 1)}:`,
  );
  return [line(header), `| ${rule.join(" | ")} |`, ...rows.map(line)].join("\n");
}

function columnWidths(header, rows) {
  return header.map((_, column) =>
    Math.max(3, ...[header, ...rows].map((cells) => cells[column].length)),
  );
}

function textTable({ header, rows }) {
  const widths = columnWidths(header, rows);
  const line = (cells) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]),
      )
      .join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

function machineDescription() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m);
    if (info) cpu = info[1].trim();
  } catch {}
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  return {
    cpu,
    cores: os.cpus().length,
    memory,
    system: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

function writeReport(options, engines, notes, table) {
  const machine = machineDescription();
  const loadAtEnd = os.loadavg()[0];
  const busy = Math.max(options.loadAtStart, loadAtEnd) > machine.cores;
  const elapsedMinutes = ((Date.now() - options.startedAt.getTime()) / 60000).toFixed(1);
  const versions = engines
    .filter((engine) => !engine.skipped)
    .map((engine) => `- ${engine.name}: ${engine.versionText}`);
  const noteLines = notes.map((note) => `- ${note}`);
  const text = [
    "# Benchmark results",
    "",
    "Generated by `benchmarks/run.mjs`; see [README.md](README.md). Do not edit by hand.",
    "",
    `- date: ${options.startedAt.toISOString()}, took ${elapsedMinutes} min`,
    `- mode: ${options.quick ? 'quick (reduced sizes, arg[1] = "quick")' : "normal (full sizes)"}, ` +
      `median of up to ${options.runs} run(s) taken in rounds over the engines, stopping early ` +
      `after ${options.budget} s per cell; ` +
      `timeout ${options.timeout} s per run (fengari: 10 s)`,
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, ${machine.system}`,
    `- node: ${machine.node}`,
    `- load average (1 min) at start and end: ${options.loadAtStart.toFixed(2)}, ` +
      `${loadAtEnd.toFixed(2)}${busy ? " (above the core count: other processes slowed the runs)" : ""}`,
    "",
    "Engines:",
    "",
    ...versions,
    "",
    "Cells: whole-process wall time in seconds (startup and compilation included), and in",
    "parentheses the ratio to lua5.1 (below 1× is faster than lua5.1). WRONG: output differs",
    "from lua5.1's; error: non-zero exit; timeout: killed after the per-run timeout.",
    "",
    markdownTable(table),
    "",
    ...(noteLines.length ? ["Notes:", "", ...noteLines, ""] : []),
  ].join("\n");
  writeFileSync(options.out, text + keptSections(options.out));
}

// Sections that other scripts own (benchmarks/bundle-size.mjs writes "## Bundle size") are
// kept when the timing table is rewritten.
function keptSections(file) {
  if (!existsSync(file)) return "";
  const old = readFileSync(file, "utf8");
  const at = old.indexOf("\n## Bundle size");
  return at < 0 ? "" : old.slice(at);
}

// Marks every result whose stdout differs from lua5.1's as wrong, once the
// whole row has run, and records failures as (engine, message) -> workloads.
function checkOutputs(workload, row, failures) {
  const reference = row.get("lua5.1");
  const fail = (engine, message) => {
    const key = `${engine}: ${message}`;
    failures.set(key, [...(failures.get(key) ?? []), workload]);
  };
  if (reference && reference.status !== "ok") fail("lua5.1", "failed, outputs not checked");
  for (const [name, result] of row) {
    if (result.status === "error") fail(name, result.detail);
    if (result.status === "timeout") fail(name, "timeout");
    if (result.status !== "ok" || reference?.status !== "ok") continue;
    if (result.stdout !== reference.stdout) {
      result.wrong = true;
      fail(name, `WRONG output, first line \`${result.stdout.trim().split("\n")[0]}\``);
    }
  }
}

// ---------------------------------------------------------------- main

function main() {
  const options = parseOptions(process.argv.slice(2));
  options.startedAt = new Date();
  options.loadAtStart = os.loadavg()[0];
  const notes = [];

  let workloads = readdirSync(luaDir)
    .filter((name) => name.endsWith(".lua"))
    .map((name) => name.slice(0, -4))
    .sort();
  if (options.only) workloads = workloads.filter((name) => options.only.includes(name));

  let engines = engineTable();
  if (options.engines) engines = engines.filter((engine) => options.engines.includes(engine.name));
  for (const engine of engines) {
    const reason = engine.missing
      ? engine.missing()
      : commandExists(engine.command)
        ? undefined
        : `\`${engine.command}\` not found`;
    if (reason)
      notes.push(`${engine.name}: ${reason}${engine.skipWhenMissing === false ? "" : "; skipped"}`);
    engine.skipped = Boolean(reason) && engine.skipWhenMissing !== false;
    if (!engine.skipped) engine.versionText = engine.version();
  }

  const args = options.quick ? ["quick"] : [];
  const results = new Map();
  const failures = new Map();
  for (const workload of workloads) {
    const file = `${workload}.lua`;
    const row = measureRow(
      engines.filter((engine) => !engine.skipped),
      file,
      args,
      options,
    );
    results.set(workload, row);
    for (const [name, result] of row) {
      const shown = result.status === "ok" ? `${formatSeconds(result.seconds)} s` : result.status;
      process.stderr.write(`${workload.padEnd(16)} ${name.padEnd(14)} ${shown}\n`);
    }
    checkOutputs(workload, row, failures);
  }
  for (const [failure, names] of failures) notes.push(`${failure} (${names.join(", ")})`);

  const table = buildRows(
    engines.filter((engine) => !engine.skipped),
    workloads,
    results,
  );
  writeReport(options, engines, notes, table);
  process.stdout.write(`${textTable(table)}\n`);
  if (notes.length) process.stdout.write(`\n${notes.map((note) => `note: ${note}`).join("\n")}\n`);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), options.out)}\n`);
}

main();
