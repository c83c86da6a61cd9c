// Proto → binary chunk, the layout of ldump.c (Lua 5.1.5) for a 64-bit little-endian host:
// header `\x1bLua` 0x51, format 0, little-endian, int 4, size_t 8, Instruction 4, lua_Number 8
// (a double), not integral. The result is a byte string (one char per byte).

import type { Proto } from "./proto.js";

const HEADER = "\x1bLua\x51\x00\x01\x04\x08\x04\x08\x00";

/** lua.h type tags as written before each constant. */
const TAG_NIL = 0;
const TAG_BOOLEAN = 1;
const TAG_NUMBER = 3;
const TAG_STRING = 4;

class ChunkWriter {
  private parts: string[] = [];
  private readonly scratch = new DataView(new ArrayBuffer(8));

  byte(b: number): void {
    this.parts.push(String.fromCharCode(b & 0xff));
  }

  int(n: number): void {
    this.scratch.setInt32(0, n, true);
    this.bytes(4);
  }

  /** size_t as two little-endian 32-bit halves (sizes stay far below 2^53). */
  size(n: number): void {
    this.scratch.setUint32(0, n % 2 ** 32, true);
    this.scratch.setUint32(4, Math.floor(n / 2 ** 32), true);
    this.bytes(8);
  }

  number(n: number): void {
    this.scratch.setFloat64(0, n, true);
    this.bytes(8);
  }

  /** DumpString: size including the terminating NUL, then the bytes; 0 for no string. */
  string(s: string | undefined): void {
    if (s === undefined) {
      this.size(0);
      return;
    }
    this.size(s.length + 1);
    this.parts.push(s, "\0");
  }

  raw(s: string): void {
    this.parts.push(s);
  }

  private bytes(count: number): void {
    let s = "";
    for (let i = 0; i < count; i++) s += String.fromCharCode(this.scratch.getUint8(i));
    this.parts.push(s);
  }

  result(): string {
    return this.parts.join("");
  }
}

/** ldump.c's DumpFunction; a source equal to the parent's is written as no string. */
function dumpFunction(w: ChunkWriter, f: Proto, parentSource: string | undefined, strip: boolean) {
  w.string(f.source === parentSource || strip ? undefined : f.source);
  w.int(f.linedefined);
  w.int(f.lastlinedefined);
  w.byte(f.nups);
  w.byte(f.numparams);
  w.byte(f.is_vararg);
  w.byte(f.maxstacksize);
  w.int(f.code.length);
  for (const i of f.code) w.int(i | 0);
  w.int(f.constants.length);
  for (const k of f.constants) {
    if (k === undefined) {
      w.byte(TAG_NIL);
    } else if (typeof k === "boolean") {
      w.byte(TAG_BOOLEAN);
      w.byte(k ? 1 : 0);
    } else if (typeof k === "number") {
      w.byte(TAG_NUMBER);
      w.number(k);
    } else {
      w.byte(TAG_STRING);
      w.string(k);
    }
  }
  w.int(f.protos.length);
  for (const p of f.protos) dumpFunction(w, p, f.source, strip);
  // DumpDebug
  const lines = strip ? [] : f.lineinfo;
  w.int(lines.length);
  for (const line of lines) w.int(line);
  const locals = strip ? [] : f.locvars;
  w.int(locals.length);
  for (const local of locals) {
    w.string(local.name);
    w.int(local.startpc);
    w.int(local.endpc);
  }
  const upvalues = strip ? [] : f.upvalues;
  w.int(upvalues.length);
  for (const name of upvalues) w.string(name);
}

/** luaU_dump: the binary chunk of `p` (`strip` drops debug info, as `luac -s`). */
export function dumpProto(p: Proto, strip: boolean): string {
  const w = new ChunkWriter();
  w.raw(HEADER);
  dumpFunction(w, p, undefined, strip);
  return w.result();
}
