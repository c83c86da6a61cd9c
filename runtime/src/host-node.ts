// The Node.js host: stdout/stderr, files, clock, environment and processes through node:fs,
// node:child_process and process, all synchronous (Lua's io and os are blocking). Only the CLI
// (and Node programs embedding the runtime) import this file; the core runtime never does, so
// browser bundles stay free of Node built-ins.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import type { Host } from "./host.js";
import type { HostFiles, HostIoError, HostStream, IoHost } from "./lib/io.js";
import type { HostSystem, OsHost } from "./lib/os.js";

/** strerror texts (glibc) and errno values for the Node error codes file calls can raise. */
const ERRORS: Record<string, [string, number]> = {
  EPERM: ["Operation not permitted", 1],
  ENOENT: ["No such file or directory", 2],
  EIO: ["Input/output error", 5],
  EBADF: ["Bad file descriptor", 9],
  EACCES: ["Permission denied", 13],
  EBUSY: ["Device or resource busy", 16],
  EEXIST: ["File exists", 17],
  EXDEV: ["Invalid cross-device link", 18],
  ENOTDIR: ["Not a directory", 20],
  EISDIR: ["Is a directory", 21],
  EINVAL: ["Invalid argument", 22],
  EMFILE: ["Too many open files", 24],
  ENOSPC: ["No space left on device", 28],
  ESPIPE: ["Illegal seek", 29],
  EROFS: ["Read-only file system", 30],
  EPIPE: ["Broken pipe", 32],
  ENAMETOOLONG: ["File name too long", 36],
  ENOTEMPTY: ["Directory not empty", 39],
  ELOOP: ["Too many levels of symbolic links", 40],
};

/** The C library's strerror text for a Node system error (its message when the code is unknown). */
export function strerror(e: unknown): string {
  return hostError(e).message;
}

/**
 * Why a file could not be read, worded as lauxlib.c's errfile: fopen fails with "cannot open"
 * but a directory opens and then fails to read ("cannot read NAME: Is a directory").
 */
export function fileError(name: string, e: unknown): string {
  const what = (e as { code?: string }).code === "EISDIR" ? "read" : "open";
  return `cannot ${what} ${name}: ${strerror(e)}`;
}

/** A Node system error as the HostIoError that liolib would report. */
function hostError(e: unknown): HostIoError {
  const code = (e as { code?: string }).code;
  const known = code === undefined ? undefined : ERRORS[code];
  if (known) return { message: known[0], errno: known[1] };
  return { message: e instanceof Error ? e.message : String(e), errno: 0 };
}

function rethrow(e: unknown): never {
  throw hostError(e);
}

/** A stream over a file descriptor, tracking its own position like a FILE*. */
class FdStream implements HostStream {
  private position = 0;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly append: boolean,
    private readonly seekable: boolean,
  ) {}

  read(max: number): string {
    const buffer = Buffer.allocUnsafe(max);
    for (;;) {
      try {
        const n = fs.readSync(this.fd, buffer, 0, max, this.seekable ? this.position : null);
        this.position += n;
        return buffer.toString("latin1", 0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "EAGAIN") continue; // a non-blocking stdin: wait for input
        if (code === "EOF") return "";
        rethrow(e);
      }
    }
  }

  write(bytes: string): void {
    const data = Buffer.from(bytes, "latin1");
    try {
      let done = 0;
      while (done < data.length) {
        const at = this.append || !this.seekable ? null : this.position + done;
        done += fs.writeSync(this.fd, data, done, data.length - done, at);
      }
      this.position = this.append ? fs.fstatSync(this.fd).size : this.position + data.length;
    } catch (e) {
      rethrow(e);
    }
  }

  seek(whence: "set" | "cur" | "end", offset: number): number {
    if (!this.seekable) throw hostError({ code: "ESPIPE" });
    let base = 0;
    if (whence === "cur") base = this.position;
    else if (whence === "end") base = fs.fstatSync(this.fd).size;
    const target = base + offset;
    if (target < 0) throw hostError({ code: "EINVAL" });
    this.position = target;
    return target;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      fs.closeSync(this.fd);
    } catch (e) {
      rethrow(e);
    }
  }
}

/** fopen mode → Node open flags. */
const OPEN_FLAGS: Record<string, string> = {
  r: "r",
  w: "w",
  a: "a",
  "r+": "r+",
  "w+": "w+",
  "a+": "a+",
};

function openFile(file: string, mode: string): HostStream {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS[mode] ?? "r");
  } catch (e) {
    rethrow(e);
  }
  return new FdStream(fd, mode[0] === "a", true);
}

/** io.popen: "r" runs the command now and reads its output; "w" feeds it on close. */
function popen(command: string, mode: string, flush: () => void): HostStream {
  flush();
  if (mode[0] === "w") {
    let input = "";
    return {
      read: () => rethrow({ code: "EBADF" }),
      write: (bytes) => {
        input += bytes;
      },
      close: () => {
        flush();
        spawnSync("/bin/sh", ["-c", command], {
          input: Buffer.from(input, "latin1"),
          stdio: ["pipe", "inherit", "inherit"],
        });
      },
    };
  }
  const result = spawnSync("/bin/sh", ["-c", command], {
    stdio: ["inherit", "pipe", "inherit"],
    maxBuffer: 1 << 30,
  });
  let output = result.stdout ? result.stdout.toString("latin1") : "";
  return {
    read: (max) => {
      const chunk = output.slice(0, max);
      output = output.slice(chunk.length);
      return chunk;
    },
    write: () => rethrow({ code: "EBADF" }),
  };
}

export type NodeHost = Host & IoHost & OsHost & { flush(): void };

/**
 * The host the CLI passes to createGlobals. stdout is buffered (flushed at 64 KB, before
 * stderr output, child processes and exit, and when the process exits).
 */
/** The V8 collector and a way to end the WeakRef job, made on the first collectgarbage. */
let collector: { gc: () => void; endJob: () => void } | null | undefined;

/**
 * collectgarbage("collect") on Node. `gc` is V8's own (exposed at run time, then fetched from
 * a fresh context); WeakRef targets stay alive until the job ends (ECMAScript ClearKeptObjects),
 * which V8 does at a microtask checkpoint: evaluating a script in a context with its own
 * microtask queue ("afterEvaluate") runs one, synchronously.
 */
function collectGarbage(): boolean {
  if (collector === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const gc = vm.runInNewContext("gc") as () => void;
      const context = vm.createContext({}, { microtaskMode: "afterEvaluate" });
      const script = new vm.Script("0");
      collector =
        typeof gc === "function" ? { gc, endJob: () => script.runInContext(context) } : null;
    } catch {
      collector = null;
    }
  }
  if (collector === null) return false;
  collector.endJob();
  collector.gc();
  return true;
}

export function createNodeHost(): NodeHost {
  let pending = "";
  const flush = (): void => {
    if (pending === "") return;
    const data = Buffer.from(pending, "latin1");
    pending = "";
    let done = 0;
    while (done < data.length) {
      try {
        done += fs.writeSync(1, data, done);
      } catch (e) {
        if ((e as { code?: string }).code !== "EAGAIN") throw e;
      }
    }
  };
  process.on("exit", flush);

  const files: HostFiles = {
    open: openFile,
    stdin: new FdStream(0, false, false),
    tmpfile() {
      const name = path.join(
        os.tmpdir(),
        `lua_${process.pid}_${Math.random().toString(36).slice(2)}`,
      );
      const stream = openFile(name, "w+");
      fs.rmSync(name, { force: true }); // like tmpfile(3): gone once closed
      return stream;
    },
    popen: (command, mode) => popen(command, mode, flush),
  };

  const system: HostSystem = {
    clock() {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1e6;
    },
    getenv: (name) => process.env[name],
    exit(code) {
      flush();
      process.exit(code);
    },
    execute(command) {
      if (command === undefined) return 1;
      flush();
      const result = spawnSync("/bin/sh", ["-c", command], { stdio: "inherit" });
      if (result.status !== null) return result.status << 8;
      return 0x7f00;
    },
    remove(file) {
      try {
        if (fs.statSync(file).isDirectory()) fs.rmdirSync(file);
        else fs.unlinkSync(file);
      } catch (e) {
        rethrow(e);
      }
    },
    rename(from, to) {
      try {
        fs.renameSync(from, to);
      } catch (e) {
        rethrow(e);
      }
    },
    tmpname() {
      for (;;) {
        const name = `/tmp/lua_${Math.random().toString(36).slice(2, 8)}`;
        try {
          fs.closeSync(fs.openSync(name, "wx", 0o600));
          return name;
        } catch (e) {
          if ((e as { code?: string }).code !== "EEXIST") rethrow(e);
        }
      }
    },
  };

  return {
    memoryKB: () => process.memoryUsage().heapUsed / 1024,
    collectGarbage,
    stdout(bytes: string) {
      pending += bytes;
      if (pending.length > 65536) flush();
    },
    stderr(bytes: string) {
      flush();
      fs.writeSync(2, Buffer.from(bytes, "latin1"));
    },
    flush,
    files,
    system,
  };
}
