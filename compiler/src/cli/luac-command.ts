// `lunette luac [options] [filenames]`: lua5.1's luac (luac.c of 5.1.5). Compiles each file
// (or reads it as a binary chunk), combines several into one main function that runs them in
// order, lists them with -l (-l -l adds constants, locals and upvalues) and writes the chunk
// to luac.out or the -o file unless -p; -s strips debug information. Messages, usage text and
// exit statuses are luac's.

import { readFileSync, writeFileSync } from "node:fs";
import { fileError, strerror } from "@lunette/runtime/node";
import {
  compileToProto,
  dumpProto,
  isBinaryChunk,
  listProto,
  makeABC,
  makeABx,
  OpCode,
  type Proto,
  undump,
} from "@lunette/vm";

const PROGNAME = "luac";
const DEFAULT_OUTPUT = "luac.out";
const VERSION = "Lua 5.1.5  Copyright (C) 1994-2012 Lua.org, PUC-Rio";

/** Thrown to end the command with luac's exit status 1 after a message on stderr. */
class LuacExit extends Error {}

const USAGE =
  `usage: ${PROGNAME} [options] [filenames].\n` +
  "Available options are:\n" +
  "  -        process stdin\n" +
  "  -l       list\n" +
  `  -o name  output to file 'name' (default is "${DEFAULT_OUTPUT}")\n` +
  "  -p       parse only\n" +
  "  -s       strip debug information\n" +
  "  -v       show version information\n" +
  "  --       stop handling options\n";

function usage(message: string): never {
  const text = message.startsWith("-")
    ? `${PROGNAME}: unrecognized option '${message}'\n`
    : `${PROGNAME}: ${message}\n`;
  process.stderr.write(text + USAGE);
  throw new LuacExit();
}

function fatal(message: string): never {
  process.stderr.write(`${PROGNAME}: ${message}\n`);
  throw new LuacExit();
}

interface Options {
  listing: number;
  dumping: boolean;
  stripping: boolean;
  /** undefined: standard output (`-o -`). */
  output: string | undefined;
  files: string[];
}

/** luac.c's doargs. */
function parseArguments(argv: string[]): Options {
  const options: Options = {
    listing: 0,
    dumping: true,
    stripping: false,
    output: DEFAULT_OUTPUT,
    files: [],
  };
  let version = 0;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-")) break;
    if (arg === "--") {
      i++;
      if (version) version++;
      break;
    }
    if (arg === "-") break;
    if (arg === "-l") options.listing++;
    else if (arg === "-o") {
      const output = argv[++i];
      if (output === undefined || output === "") usage("'-o' needs argument");
      options.output = output === "-" ? undefined : output;
    } else if (arg === "-p") options.dumping = false;
    else if (arg === "-s") options.stripping = true;
    else if (arg === "-v") version++;
    else usage(arg);
  }
  let files = argv.slice(i);
  if (files.length === 0 && (options.listing || !options.dumping)) {
    // list (or check) the default output file
    options.dumping = false;
    files = [DEFAULT_OUTPUT];
  }
  if (version) {
    process.stdout.write(`${VERSION}\n`);
    if (version === argv.length) throw new LuacExit("version");
  }
  options.files = files;
  return options;
}

/** luaL_loadfile for luac: source or binary chunk, `-` for standard input. */
function load(file: string): Proto {
  const chunkName = file === "-" ? "=stdin" : `@${file}`;
  let bytes: string;
  try {
    bytes = readFileSync(file === "-" ? 0 : file, "latin1");
  } catch (e) {
    fatal(fileError(file === "-" ? "stdin" : file, e));
  }
  try {
    if (isBinaryChunk(bytes)) return undump(bytes, chunkName);
    return compileToProto(bytes, chunkName);
  } catch (e) {
    fatal(e instanceof Error ? e.message : String(e));
  }
}

/** luac.c's combine: one main function that calls each chunk in turn. */
function combine(protos: Proto[]): Proto {
  if (protos.length === 1) return protos[0]!;
  const code: number[] = [];
  protos.forEach((_, i) => {
    code.push(makeABx(OpCode.CLOSURE, 0, i), makeABC(OpCode.CALL, 0, 1, 1));
  });
  code.push(makeABC(OpCode.RETURN, 0, 1, 0));
  return {
    source: `=(${PROGNAME})`,
    linedefined: 0,
    lastlinedefined: 0,
    nups: 0,
    numparams: 0,
    is_vararg: 0,
    maxstacksize: 1,
    code,
    constants: [],
    protos,
    lineinfo: [],
    locvars: [],
    upvalues: [],
  };
}

/** Runs `lunette luac` with the arguments after `luac`; returns the exit status. */
export function runLuacCommand(argv: string[]): number {
  try {
    const options = parseArguments(argv);
    if (options.files.length === 0) usage("no input files given");
    const main = combine(options.files.map(load));
    if (options.listing) process.stdout.write(listProto(main, options.listing > 1));
    if (options.dumping) {
      const chunk = Buffer.from(dumpProto(main, options.stripping), "latin1");
      if (options.output === undefined) {
        process.stdout.write(chunk);
      } else {
        try {
          writeFileSync(options.output, chunk);
        } catch (e) {
          fatal(`cannot open ${options.output}: ${strerror(e)}`);
        }
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof LuacExit) return e.message === "version" ? 0 : 1;
    throw e;
  }
}
