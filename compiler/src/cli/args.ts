// Command-line parsing for the `lunette` interpreter, following lua.c (Lua 5.1.5): options are
// handled in order until the first non-option (the script); `--` stops option handling and
// `-` runs stdin as the script.

export type Action = { kind: "execute"; code: string } | { kind: "require"; module: string };

export interface Invocation {
  actions: Action[];
  interactive: boolean;
  version: boolean;
  /** Index in argv of the script ("-" for stdin), or -1 when there is none. */
  scriptIndex: number;
  /** Set when the command line is malformed: lua.c prints the usage and exits 1. */
  usageError: boolean;
}

export function parseArguments(argv: string[]): Invocation {
  const invocation: Invocation = {
    actions: [],
    interactive: false,
    version: false,
    scriptIndex: -1,
    usageError: false,
  };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a[0] !== "-") break;
    if (a === "-") {
      invocation.scriptIndex = i;
      return invocation;
    }
    if (a === "--") {
      i++;
      break;
    }
    const option = a[1];
    if (option === "i") {
      if (a.length !== 2) return usage(invocation);
      invocation.interactive = true;
      invocation.version = true;
    } else if (option === "v") {
      if (a.length !== 2) return usage(invocation);
      invocation.version = true;
    } else if (option === "e" || option === "l") {
      // lua.c accepts both `-e stat` and `-estat`.
      let value = a.slice(2);
      if (value === "") {
        i++;
        if (i >= argv.length) return usage(invocation);
        value = argv[i];
      }
      invocation.actions.push(
        option === "e" ? { kind: "execute", code: value } : { kind: "require", module: value },
      );
    } else {
      return usage(invocation);
    }
  }
  if (i < argv.length) invocation.scriptIndex = i;
  return invocation;
}

function usage(invocation: Invocation): Invocation {
  invocation.usageError = true;
  return invocation;
}

export function usageText(program: string): string {
  return (
    `usage: ${program} [options] [script [args]].\n` +
    "Available options are:\n" +
    "  -e stat  execute string 'stat'\n" +
    "  -l name  require library 'name'\n" +
    "  -i       enter interactive mode after executing 'script'\n" +
    "  -v       show version information\n" +
    "  --       stop handling options\n" +
    "  -        execute stdin and stop handling options\n"
  );
}
