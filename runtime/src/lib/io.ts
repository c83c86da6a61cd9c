// The io library (manual §5.7; liolib.c). A Lua file is a userdata whose data is a LuaFile:
// a read-ahead buffer over a host stream. Files come from hooks on the host (`host.files`,
// implemented for Node in runtime/src/host-node.ts); io.stdout and io.stderr write through
// host.stdout / host.stderr, so print and io.write interleave. Without file hooks (a browser
// page) io.open fails with an error result and stdin is empty.

import type { Host } from "../host.js";
import { numberToString, stringToNumber } from "../number.js";
import { ret0, ret1, retN } from "../state.js";
import { LuaTable } from "../table.js";
import { addressOf, type } from "../tostring.js";
import { LuaUserdata, type LuaValue } from "../value.js";
import { argError, checkInteger, checkString, luaError } from "./args.js";

/** A failed system call: strerror text and errno (what liolib's pushresult reports). */
export interface HostIoError {
  message: string;
  errno: number;
}

/** A byte stream from the host. Byte strings in and out; read returns "" at end of file. */
export interface HostStream {
  read(max: number): string;
  write(bytes: string): void;
  /** Move and return the new absolute position; throws a HostIoError (e.g. Illegal seek). */
  seek?(whence: "set" | "cur" | "end", offset: number): number;
  flush?(): void;
  close?(): void;
}

/** File hooks a host may provide. Each throws a HostIoError on failure. */
export interface HostFiles {
  /** fopen with a mode already checked to be r, w, a, r+, w+ or a+. */
  open(path: string, mode: string): HostStream;
  stdin?: HostStream;
  tmpfile?(): HostStream;
  popen?(command: string, mode: string): HostStream;
}

export interface IoHost {
  files?: HostFiles;
  /** Flush buffered stdout (io.stdout:flush, io.flush). */
  flush?(): void;
}

/** The HostIoError carried by any exception a hook threw. */
export function ioFailure(e: unknown): HostIoError {
  if (typeof e === "object" && e !== null && "errno" in e && "message" in e) {
    return { message: String(e.message), errno: Number(e.errno) };
  }
  return { message: e instanceof Error ? e.message : String(e), errno: 0 };
}

/** Whether an exception is a hook's HostIoError (rather than a Lua error passing through). */
function isHostError(e: unknown): e is HostIoError {
  return typeof e === "object" && e !== null && "errno" in e && !(e instanceof Error);
}

/** What file operations report on a host without file hooks (a browser page): ENOSYS. */
export const NO_FILE_SYSTEM: HostIoError = { message: "no file system on this host", errno: 38 };

const ILLEGAL_SEEK: HostIoError = { message: "Illegal seek", errno: 29 };
const BAD_DESCRIPTOR: HostIoError = { message: "Bad file descriptor", errno: 9 };

/** An open (or closed) Lua file. */
export class LuaFile {
  /** The host stream; undefined once closed. */
  stream: HostStream | undefined;
  /** Read-ahead bytes; `buffer.slice(pos)` has not been consumed yet. */
  buffer = "";
  pos = 0;
  /** The stream reported end of file. */
  eof = false;

  constructor(
    stream: HostStream,
    /** io.stdin/stdout/stderr cannot be closed. */
    readonly standard = false,
  ) {
    this.stream = stream;
  }

  /** Read more bytes into the buffer; false at end of file. */
  private fill(): boolean {
    if (this.eof || this.stream === undefined) return false;
    const chunk = this.stream.read(65536);
    if (chunk === "") {
      this.eof = true;
      return false;
    }
    this.buffer = this.pos < this.buffer.length ? this.buffer.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    return true;
  }

  /** The next byte without consuming it, or -1 at end of file. */
  private peek(): number {
    if (this.pos >= this.buffer.length && !this.fill()) return -1;
    return this.buffer.charCodeAt(this.pos);
  }

  /** liolib.c read_line: a line without its "\n"; undefined at end of file. */
  readLine(): string | undefined {
    for (;;) {
      const newline = this.buffer.indexOf("\n", this.pos);
      if (newline >= 0) {
        const line = this.buffer.slice(this.pos, newline);
        this.pos = newline + 1;
        return line;
      }
      if (!this.fill()) {
        if (this.pos >= this.buffer.length) return undefined;
        const rest = this.buffer.slice(this.pos);
        this.pos = this.buffer.length;
        return rest;
      }
    }
  }

  /** liolib.c read_chars (and test_eof for n = 0); undefined when nothing can be read. */
  readChars(n: number): string | undefined {
    if (n <= 0) return this.peek() < 0 ? undefined : "";
    while (this.buffer.length - this.pos < n && this.fill()) {}
    if (this.pos >= this.buffer.length) return undefined;
    const chunk = this.buffer.slice(this.pos, this.pos + n);
    this.pos += chunk.length;
    return chunk;
  }

  /** liolib.c read_all: the rest of the file ("" at end of file). */
  readAll(): string {
    while (this.fill()) {}
    const rest = this.buffer.slice(this.pos);
    this.buffer = "";
    this.pos = 0;
    return rest;
  }

  /**
   * liolib.c read_number (fscanf "%lf"): skip whitespace, take the longest prefix that looks
   * like a number (decimal or hex); consumed bytes stay consumed even when it is not one.
   */
  readNumber(): number | undefined {
    let c = this.peek();
    while (c === 32 || (c >= 9 && c <= 13)) {
      this.pos++;
      c = this.peek();
    }
    let text = "";
    /** Consume the current byte when `accept` holds for it. */
    const take = (accept: (c: number) => boolean): boolean => {
      const next = this.peek();
      if (next < 0 || !accept(next)) return false;
      text += String.fromCharCode(next);
      this.pos++;
      return true;
    };
    const digit = (d: number): boolean => d >= 48 && d <= 57;
    const hexDigit = (d: number): boolean =>
      digit(d) || (d >= 97 && d <= 102) || (d >= 65 && d <= 70);
    take((d) => d === 43 || d === 45); // sign
    let isDigit = digit;
    if (take((d) => d === 48) && take((d) => d === 120 || d === 88)) isDigit = hexDigit;
    while (take(isDigit)) {}
    if (take((d) => d === 46)) while (take(isDigit)) {}
    if (isDigit === digit && take((d) => d === 101 || d === 69)) {
      take((d) => d === 43 || d === 45);
      while (take(digit)) {}
    }
    return stringToNumber(text);
  }

  /** Give unread read-ahead back to the stream before writing or seeking. */
  dropReadAhead(): void {
    const unread = this.buffer.length - this.pos;
    if (unread > 0 && this.stream?.seek) this.stream.seek("cur", -unread);
    this.buffer = "";
    this.pos = 0;
    this.eof = false;
  }

  /** The position as the Lua program sees it (the stream's minus the read-ahead). */
  seek(whence: "set" | "cur" | "end", offset: number): number {
    const stream = this.stream as HostStream;
    if (!stream.seek) throw ILLEGAL_SEEK;
    const unread = this.buffer.length - this.pos;
    const position = stream.seek(whence, whence === "cur" ? offset - unread : offset);
    this.buffer = "";
    this.pos = 0;
    this.eof = false;
    return position;
  }
}

/** A write-only stream over a host output function. */
function outputStream(write: (bytes: string) => void, flush?: () => void): HostStream {
  return {
    read() {
      throw BAD_DESCRIPTOR;
    },
    write,
    flush,
  };
}

const EMPTY_INPUT: HostStream = {
  read: () => "",
  write() {
    throw BAD_DESCRIPTOR;
  },
};

/** glibc fopen's mode check: r, w or a, then '+' anywhere among the rest; else EINVAL. */
function fopenMode(mode: string): string | undefined {
  const first = mode[0];
  if (first !== "r" && first !== "w" && first !== "a") return undefined;
  return mode.indexOf("+", 1) >= 0 ? `${first}+` : first;
}

/** Build the `io` table (liolib.c luaopen_io) with its file metatable and standard files. */
export function createIo(host: Host & IoHost): LuaTable {
  const files = host.files;
  // liolib.c createmeta: the metatable is its own __index, holding the methods too.
  const fileMeta = new LuaTable();
  const methods = fileMeta;
  fileMeta.set("__index", fileMeta);

  const newFile = (stream: HostStream, standard = false): LuaUserdata => {
    const ud = new LuaUserdata(new LuaFile(stream, standard));
    ud.mt = fileMeta;
    return ud;
  };

  const stdin = newFile(files?.stdin ?? EMPTY_INPUT, true);
  const stdout = newFile(
    outputStream((bytes) => host.stdout(bytes), host.flush ? () => host.flush?.() : undefined),
    true,
  );
  const stderr = newFile(
    outputStream((bytes) => host.stderr(bytes)),
    true,
  );
  let defaultInput = stdin;
  let defaultOutput = stdout;

  /** liolib.c tofile: a file argument, which must be open. */
  const toFile = (v: LuaValue, n: number, fname: string): LuaFile => {
    if (!(v instanceof LuaUserdata && v.data instanceof LuaFile)) {
      argError(n, fname, `FILE* expected, got ${v === undefined ? "no value" : type(v)}`);
    }
    const file = (v as LuaUserdata).data as LuaFile;
    if (file.stream === undefined) luaError("attempt to use a closed file", 1);
    return file;
  };

  /** The default input or output file, which must still be open (liolib.c getiofile). */
  const defaultFile = (output: boolean): LuaFile => {
    const file = (output ? defaultOutput : defaultInput).data as LuaFile;
    if (file.stream === undefined)
      luaError(`standard ${output ? "output" : "input"} file is closed`, 1);
    return file;
  };

  /** liolib.c pushresult for failures: nil, "name: message" (or message), errno. */
  const failure = (e: unknown, name?: string): LuaValue => {
    const f = ioFailure(e);
    return retN([undefined, name === undefined ? f.message : `${name}: ${f.message}`, f.errno]);
  };

  const open = (path: string, mode: string): LuaUserdata => {
    const flags = fopenMode(mode);
    if (flags === undefined) throw { message: "Invalid argument", errno: 22 };
    if (!files) throw NO_FILE_SYSTEM;
    return newFile(files.open(path, flags));
  };

  /** liolib.c g_read: formats from args[first..]; a failed one is nil and ends the list. */
  const read = (file: LuaFile, args: LuaValue[], first: number, fname: string): LuaValue => {
    try {
      return readFormats(file, args, first, fname);
    } catch (e) {
      if (isHostError(e)) return failure(e); // ferror: nil, message, errno
      throw e;
    }
  };
  const readFormats = (file: LuaFile, args: LuaValue[], first: number, fname: string): LuaValue => {
    if (args.length <= first) return ret1(file.readLine());
    const results: LuaValue[] = [];
    for (let k = first; k < args.length; k++) {
      const format = args[k];
      let value: LuaValue;
      if (typeof format === "number") {
        value = file.readChars(Math.trunc(format));
      } else {
        if (typeof format !== "string" || format[0] !== "*")
          argError(k + 1, fname, "invalid option");
        switch ((format as string)[1]) {
          case "n":
            value = file.readNumber();
            break;
          case "l":
            value = file.readLine();
            break;
          case "a":
            value = file.readAll();
            break;
          default:
            return argError(k + 1, fname, "invalid format");
        }
      }
      results.push(value);
      if (value === undefined) break;
    }
    return retN(results);
  };

  /** liolib.c g_write: strings and numbers (%.14g); returns true. */
  const write = (file: LuaFile, args: LuaValue[], first: number, fname: string): LuaValue => {
    const stream = file.stream as HostStream;
    file.dropReadAhead();
    try {
      for (let k = first; k < args.length; k++) {
        const v = args[k];
        stream.write(typeof v === "number" ? numberToString(v) : checkString(v, k + 1, fname));
      }
    } catch (e) {
      if (isHostError(e)) return failure(e);
      throw e;
    }
    return ret1(true);
  };

  const close = (ud: LuaUserdata): LuaValue => {
    const file = ud.data as LuaFile;
    if (file.standard) return retN([undefined, "cannot close standard file"]);
    const stream = file.stream as HostStream;
    file.stream = undefined;
    try {
      stream.close?.();
    } catch (e) {
      return failure(e);
    }
    return ret1(true);
  };

  /** The iterator of io.lines / file:lines; `closeAtEnd` for io.lines(name). */
  const linesIterator = (ud: LuaUserdata, closeAtEnd: boolean) => (): LuaValue => {
    const file = ud.data as LuaFile;
    if (file.stream === undefined) return luaError("file is already closed", 1);
    let line: string | undefined;
    try {
      line = file.readLine();
    } catch (e) {
      if (isHostError(e)) luaError(ioFailure(e).message, 1);
      throw e;
    }
    if (line === undefined && closeAtEnd) close(ud);
    return ret1(line);
  };

  // ---- file methods ----
  methods.set("read", (f: LuaValue, ...args: LuaValue[]) =>
    read(toFile(f, 1, "read"), [f, ...args], 1, "read"),
  );
  methods.set("write", (f: LuaValue, ...args: LuaValue[]) =>
    write(toFile(f, 1, "write"), [f, ...args], 1, "write"),
  );
  methods.set("lines", (f: LuaValue) => {
    toFile(f, 1, "lines");
    return ret1(linesIterator(f as LuaUserdata, false));
  });
  methods.set("close", (f: LuaValue) => {
    if (f === undefined) return close(defaultOutput);
    toFile(f, 1, "close");
    return close(f as LuaUserdata);
  });
  methods.set("flush", (f: LuaValue) => {
    toFile(f, 1, "flush").stream?.flush?.();
    return ret1(true);
  });
  methods.set("seek", (f: LuaValue, whence: LuaValue, offset: LuaValue) => {
    const file = toFile(f, 1, "seek");
    const option = whence === undefined ? "cur" : checkString(whence, 2, "seek");
    if (option !== "set" && option !== "cur" && option !== "end") {
      argError(2, "seek", `invalid option '${option}'`);
    }
    const delta = offset === undefined ? 0 : checkInteger(offset, 3, "seek");
    try {
      return ret1(file.seek(option as "set" | "cur" | "end", delta));
    } catch (e) {
      return failure(e);
    }
  });
  methods.set("setvbuf", (f: LuaValue, mode: LuaValue, size: LuaValue) => {
    toFile(f, 1, "setvbuf");
    const option = checkString(mode, 2, "setvbuf");
    if (option !== "no" && option !== "full" && option !== "line") {
      argError(2, "setvbuf", `invalid option '${option}'`);
    }
    if (size !== undefined) checkInteger(size, 3, "setvbuf");
    return ret1(true);
  });
  fileMeta.set("__gc", () => ret0());
  fileMeta.set("__tostring", (f: LuaValue) => {
    const file = (f as LuaUserdata).data as LuaFile;
    return ret1(file.stream === undefined ? "file (closed)" : `file (${addressOf(f as object)})`);
  });

  // ---- io functions ----
  const io = new LuaTable();
  io.set("stdin", stdin);
  io.set("stdout", stdout);
  io.set("stderr", stderr);
  io.set("open", function (name: LuaValue, mode: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const path = checkString(name, 1, "open", arguments.length);
    const m = mode === undefined ? "r" : checkString(mode, 2, "open");
    try {
      return ret1(open(path, m));
    } catch (e) {
      return failure(e, path);
    }
  });
  io.set("close", (f: LuaValue) => {
    if (f === undefined) {
      defaultFile(true);
      return close(defaultOutput);
    }
    toFile(f, 1, "close");
    return close(f as LuaUserdata);
  });
  io.set("read", (...args: LuaValue[]) => read(defaultFile(false), args, 0, "read"));
  io.set("write", (...args: LuaValue[]) => write(defaultFile(true), args, 0, "write"));
  io.set("flush", () => {
    defaultFile(true).stream?.flush?.();
    return ret1(true);
  });
  /** liolib.c g_iofile: io.input / io.output with a file name or a file. */
  const ioFile = (output: boolean, fname: string) => (v: LuaValue) => {
    if (v !== undefined) {
      let file: LuaUserdata;
      if (typeof v === "string" || typeof v === "number") {
        const path = typeof v === "number" ? numberToString(v) : v;
        try {
          file = open(path, output ? "w" : "r");
        } catch (e) {
          return argError(1, fname, `${path}: ${ioFailure(e).message}`);
        }
      } else {
        toFile(v, 1, fname);
        file = v as LuaUserdata;
      }
      if (output) defaultOutput = file;
      else defaultInput = file;
    }
    return ret1(output ? defaultOutput : defaultInput);
  };
  io.set("input", ioFile(false, "input"));
  io.set("output", ioFile(true, "output"));
  io.set("lines", (name: LuaValue) => {
    if (name === undefined) {
      defaultFile(false);
      return ret1(linesIterator(defaultInput, false));
    }
    const path = checkString(name, 1, "lines");
    let file: LuaUserdata;
    try {
      file = open(path, "r");
    } catch (e) {
      return argError(1, "lines", `${path}: ${ioFailure(e).message}`);
    }
    return ret1(linesIterator(file, true));
  });
  io.set("type", (...args: LuaValue[]) => {
    if (args.length === 0) argError(1, "type", "value expected");
    const v = args[0];
    if (!(v instanceof LuaUserdata && v.data instanceof LuaFile)) return ret1(undefined);
    return ret1(v.data.stream === undefined ? "closed file" : "file");
  });
  io.set("tmpfile", () => {
    try {
      if (!files?.tmpfile) throw NO_FILE_SYSTEM;
      return ret1(newFile(files.tmpfile()));
    } catch (e) {
      return failure(e);
    }
  });
  io.set("popen", (command: LuaValue, mode: LuaValue) => {
    const cmd = checkString(command, 1, "popen");
    const m = mode === undefined ? "r" : checkString(mode, 2, "popen");
    if (!files?.popen) return luaError("'popen' not supported", 1);
    try {
      return ret1(newFile(files.popen(cmd, m)));
    } catch (e) {
      return failure(e, cmd);
    }
  });
  return io;
}

/** Install `io` into the globals. */
export function openIo(G: LuaTable, host: Host): void {
  G.set("io", createIo(host));
}
