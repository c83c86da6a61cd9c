// The os library (manual §5.8; loslib.c). Time and dates use JS Date (the process's local
// time zone, like C's localtime/mktime); everything that touches the system (clock, getenv,
// exit, execute, remove, rename, tmpname) goes through optional hooks on the host, so the
// library also loads in a browser, where those calls fail cleanly.

import type { Host } from "../host.js";
import { index } from "../ops/index.js";
import { ret1, retN } from "../state.js";
import { LuaTable } from "../table.js";
import { type } from "../tostring.js";
import type { LuaValue } from "../value.js";
import { argError, checkInt, checkNumber, checkString, luaError, toInteger } from "./args.js";
import { type HostIoError, ioFailure, NO_FILE_SYSTEM } from "./io.js";

/** System hooks a host may provide for the os library (runtime/src/host-node.ts does). */
export interface HostSystem {
  /** CPU time used by the process, in seconds (C clock() / CLOCKS_PER_SEC). */
  clock?(): number;
  getenv?(name: string): string | undefined;
  /** Flush output and end the process with this status. */
  exit?(code: number): never;
  /** C system(): the wait status (exit code << 8); with no command, nonzero if a shell exists. */
  execute?(command: string | undefined): number;
  /** C remove() and rename(); throw a HostIoError on failure. */
  remove?(path: string): void;
  rename?(from: string, to: string): void;
  /** A fresh temporary file name (the file is created, as mkstemp does). */
  tmpname?(): string;
}

export interface OsHost {
  system?: HostSystem;
}

// ---- broken-down time (struct tm) ----

interface BrokenTime {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  min: number;
  sec: number;
  wday: number; // 0 = Sunday
  yday: number; // 0-based
  isdst: boolean;
  gmtoff: number; // seconds east of UTC
  zone: string;
  time: number; // the time_t this came from
}

/** The local zone's standard (non-DST) offset from UTC in minutes, as getTimezoneOffset. */
function standardOffset(year: number): number {
  const january = new Date(year, 0, 1).getTimezoneOffset();
  const july = new Date(year, 6, 1).getTimezoneOffset();
  return Math.max(january, july);
}

function localZoneName(d: Date): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(d);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
}

/** gmtime / localtime; undefined when the time is outside what Date represents. */
function breakDown(t: number, utc: boolean): BrokenTime | undefined {
  const d = new Date(t * 1000);
  if (Number.isNaN(d.getTime())) return undefined;
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = utc ? d.getUTCMonth() : d.getMonth();
  const day = utc ? d.getUTCDate() : d.getDate();
  const startOfYear = utc ? Date.UTC(year, 0, 1) : new Date(year, 0, 1).getTime();
  const midnight = utc ? Date.UTC(year, month, day) : new Date(year, month, day).getTime();
  const offset = utc ? 0 : d.getTimezoneOffset();
  return {
    year,
    month: month + 1,
    day,
    hour: utc ? d.getUTCHours() : d.getHours(),
    min: utc ? d.getUTCMinutes() : d.getMinutes(),
    sec: utc ? d.getUTCSeconds() : d.getSeconds(),
    wday: utc ? d.getUTCDay() : d.getDay(),
    yday: Math.round((midnight - startOfYear) / 86400000),
    isdst: !utc && offset < standardOffset(year),
    gmtoff: -offset * 60,
    zone: utc ? "GMT" : localZoneName(d),
    time: t,
  };
}

// ---- strftime in the C locale ----

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function space2(n: number): string {
  return n < 10 ? ` ${n}` : String(n);
}

function weeksInIsoYear(y: number): number {
  const p = (x: number) => (x + Math.floor(x / 4) - Math.floor(x / 100) + Math.floor(x / 400)) % 7;
  return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: BrokenTime): [number, number] {
  const mondayBased = (tm.wday + 6) % 7;
  const week = Math.floor((tm.yday - mondayBased + 10) / 7);
  if (week < 1) return [tm.year - 1, weeksInIsoYear(tm.year - 1)];
  if (week > weeksInIsoYear(tm.year)) return [tm.year + 1, 1];
  return [tm.year, week];
}

/** One strftime conversion `%c` (glibc, C locale); unknown ones are copied as is. */
function convert(c: string, tm: BrokenTime): string {
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  switch (c) {
    case "a":
      return DAYS[tm.wday].slice(0, 3);
    case "A":
      return DAYS[tm.wday];
    case "b":
    case "h":
      return MONTHS[tm.month - 1].slice(0, 3);
    case "B":
      return MONTHS[tm.month - 1];
    case "c":
      return `${convert("a", tm)} ${convert("b", tm)} ${space2(tm.day)} ${convert("T", tm)} ${tm.year}`;
    case "C":
      return pad2(Math.floor(tm.year / 100));
    case "d":
      return pad2(tm.day);
    case "D":
    case "x":
      return `${pad2(tm.month)}/${pad2(tm.day)}/${pad2(tm.year % 100)}`;
    case "e":
      return space2(tm.day);
    case "F":
      return `${tm.year}-${pad2(tm.month)}-${pad2(tm.day)}`;
    case "g":
      return pad2(isoWeek(tm)[0] % 100);
    case "G":
      return String(isoWeek(tm)[0]);
    case "H":
      return pad2(tm.hour);
    case "I":
      return pad2(hour12);
    case "j":
      return String(tm.yday + 1).padStart(3, "0");
    case "k":
      return space2(tm.hour);
    case "l":
      return space2(hour12);
    case "m":
      return pad2(tm.month);
    case "M":
      return pad2(tm.min);
    case "n":
      return "\n";
    case "p":
      return tm.hour < 12 ? "AM" : "PM";
    case "P":
      return tm.hour < 12 ? "am" : "pm";
    case "r":
      return `${pad2(hour12)}:${pad2(tm.min)}:${pad2(tm.sec)} ${convert("p", tm)}`;
    case "R":
      return `${pad2(tm.hour)}:${pad2(tm.min)}`;
    case "s":
      // glibc: mktime of the broken-down time, read as local time.
      return String(tm.time + (tm.gmtoff === 0 && tm.zone === "GMT" ? -localOffsetAt(tm.time) : 0));
    case "S":
      return pad2(tm.sec);
    case "t":
      return "\t";
    case "T":
    case "X":
      return `${pad2(tm.hour)}:${pad2(tm.min)}:${pad2(tm.sec)}`;
    case "u":
      return String(tm.wday === 0 ? 7 : tm.wday);
    case "U":
      return pad2(Math.floor((tm.yday + 7 - tm.wday) / 7));
    case "V":
      return pad2(isoWeek(tm)[1]);
    case "w":
      return String(tm.wday);
    case "W":
      return pad2(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7));
    case "y":
      return pad2(tm.year % 100);
    case "Y":
      return String(tm.year);
    case "z": {
      const minutes = Math.abs(tm.gmtoff) / 60;
      return `${tm.gmtoff < 0 ? "-" : "+"}${pad2(Math.floor(minutes / 60))}${pad2(minutes % 60)}`;
    }
    case "Z":
      return tm.zone;
    case "%":
      return "%";
    default:
      return `%${c}`;
  }
}

function localOffsetAt(t: number): number {
  return -new Date(t * 1000).getTimezoneOffset() * 60;
}

/** loslib.c os_date: each `%x` pair goes through strftime on its own; the format ends at "\0". */
function strftime(format: string, tm: BrokenTime): string {
  const nul = format.indexOf("\0");
  if (nul >= 0) format = format.slice(0, nul);
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%" || i + 1 === format.length) out += c;
    else out += convert(format[++i], tm);
  }
  return out;
}

// ---- the library ----

/** loslib.c getfield: a date-table field as an int (`(int)lua_tointeger`), or the default. */
function dateField(t: LuaTable, key: string, def: number): number {
  const v = t.mt === undefined ? t.get(key) : index(t, key, 0);
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v))) n = Number(v);
  if (n === undefined) {
    if (def < 0) luaError(`field '${key}' missing in date table`, 1);
    return def;
  }
  return Number.isFinite(n) ? Math.trunc(n) | 0 : 0;
}

/** mktime: local broken-down time (any field may be out of range) → time_t. */
function makeTime(t: LuaTable): number | undefined {
  const sec = dateField(t, "sec", 0);
  const min = dateField(t, "min", 0);
  const hour = dateField(t, "hour", 12);
  const day = dateField(t, "day", -1);
  const month = dateField(t, "month", -1);
  const year = dateField(t, "year", -1);
  const isdstValue = t.mt === undefined ? t.get("isdst") : index(t, "isdst", 0);
  const d = new Date(2000, 0, 1, 0, 0, 0, 0);
  d.setFullYear(year, month - 1, day);
  d.setHours(hour, min, sec, 0);
  let ms = d.getTime();
  if (Number.isNaN(ms)) return undefined;
  if (isdstValue !== undefined) {
    // mktime with tm_isdst set against the zone's rule shifts by the DST difference.
    // (glibc assumes one hour when the zone has no DST at all).
    const wanted = isdstValue !== false;
    const standard = standardOffset(d.getFullYear());
    const actual = d.getTimezoneOffset() < standard;
    if (wanted !== actual) {
      const january = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
      const july = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
      const shift = (Math.abs(january - july) || 60) * 60000;
      ms += wanted ? -shift : shift;
    }
  }
  return Math.floor(ms / 1000);
}

const LOCALE_CATEGORIES = ["all", "collate", "ctype", "monetary", "numeric", "time"];

/** Build the `os` table (loslib.c luaopen_os). */
export function createOs(host: Host & OsHost): LuaTable {
  const system = host.system ?? {};
  const O = new LuaTable();
  O.set("clock", () => ret1(system.clock ? system.clock() : performance.now() / 1000));
  O.set("time", (t: LuaValue) => {
    if (t === undefined) return ret1(Math.floor(Date.now() / 1000));
    if (!(t instanceof LuaTable)) argError(1, "time", `table expected, got ${type(t)}`);
    return ret1(makeTime(t));
  });
  O.set("date", (f: LuaValue, t: LuaValue) => {
    let format = f === undefined ? "%c" : checkString(f, 1, "date");
    const time =
      t === undefined ? Math.floor(Date.now() / 1000) : Math.trunc(checkNumber(t, 2, "date"));
    let utc = false;
    if (format[0] === "!") {
      utc = true;
      format = format.slice(1);
    }
    const tm = breakDown(time, utc);
    if (tm === undefined) return ret1(undefined);
    if (format.startsWith("*t")) {
      const r = new LuaTable();
      r.set("sec", tm.sec);
      r.set("min", tm.min);
      r.set("hour", tm.hour);
      r.set("day", tm.day);
      r.set("month", tm.month);
      r.set("year", tm.year);
      r.set("wday", tm.wday + 1);
      r.set("yday", tm.yday + 1);
      r.set("isdst", tm.isdst);
      return ret1(r);
    }
    return ret1(strftime(format, tm));
  });
  // difftime((time_t)t2, (time_t)t1): each number is cast to the 64-bit time_t (toInteger);
  // gcc evaluates the second argument first, so its error is the one raised.
  O.set("difftime", function (t2: LuaValue, t1: LuaValue): LuaValue {
    const earlier = t1 === undefined ? 0 : toInteger(checkNumber(t1, 2, "difftime"));
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const later = toInteger(checkNumber(t2, 1, "difftime", arguments.length));
    return ret1(later - earlier);
  });
  O.set("getenv", function (name: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const key = checkString(name, 1, "getenv", arguments.length);
    return ret1(system.getenv ? system.getenv(key) : undefined);
  });
  O.set("exit", (code: LuaValue) => {
    const status = code === undefined ? 0 : checkInt(code, 1, "exit");
    if (system.exit) system.exit(status);
    return luaError("os.exit is not available on this host", 1);
  });
  O.set("execute", (command: LuaValue) => {
    const cmd = command === undefined ? undefined : checkString(command, 1, "execute");
    return ret1(system.execute ? system.execute(cmd) : 0);
  });
  O.set("remove", function (name: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const path = checkString(name, 1, "remove", arguments.length);
    return fileResult(path, () => {
      if (!system.remove) throw notSupported();
      system.remove(path);
    });
  });
  O.set("rename", function (from: LuaValue, to: LuaValue): LuaValue {
    // biome-ignore lint/complexity/noArguments: the argument count tells a missing argument from nil
    const argc = arguments.length;
    const source = checkString(from, 1, "rename", argc);
    const target = checkString(to, 2, "rename", argc);
    return fileResult(source, () => {
      if (!system.rename) throw notSupported();
      system.rename(source, target);
    });
  });
  O.set("tmpname", () => {
    if (!system.tmpname) return luaError("unable to generate a unique filename", 1);
    return ret1(system.tmpname());
  });
  O.set("setlocale", (locale: LuaValue, category: LuaValue) => {
    const name = locale === undefined ? undefined : checkString(locale, 1, "setlocale");
    const which = category === undefined ? "all" : checkString(category, 2, "setlocale");
    if (!LOCALE_CATEGORIES.includes(which)) argError(2, "setlocale", `invalid option '${which}'`);
    // Only the C locale exists here.
    return ret1(
      name === undefined || name === "" || name === "C" || name === "POSIX" ? "C" : undefined,
    );
  });
  return O;
}

function notSupported(): HostIoError {
  return { ...NO_FILE_SYSTEM };
}

/** luaL_fileresult-style: true, or nil, "name: message", errno. */
function fileResult(name: string, action: () => void): LuaValue {
  try {
    action();
  } catch (e) {
    const failure = ioFailure(e);
    return retN([undefined, `${name}: ${failure.message}`, failure.errno]);
  }
  return ret1(true);
}

/** Install `os` into the globals. */
export function openOs(G: LuaTable, host: Host): void {
  G.set("os", createOs(host));
}
