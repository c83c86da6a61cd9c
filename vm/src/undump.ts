// Reading a Lua 5.1 binary chunk (lundump.c of 5.1.5) into a Proto. The input is a byte
// string (one JS char per byte). Only the layout lua5.1 writes on 64-bit little-endian hosts
// is accepted: `\27Lua`, version 0x51, format 0, little endian, int 4, size_t 8,
// instruction 4, number 8, floating-point numbers. Every count is checked against the bytes
// that remain before anything is allocated, so hostile input ends in lua5.1's error messages
// (`bad header`, `unexpected end`, `bad constant`, `bad integer`, `bad code`, `code too deep`
// `in precompiled chunk`), never a crash or a hang.

import { LuaError } from "@lunette/runtime";
import { checkCode } from "./interpreter/symbexec.js";
import type { Constant, LocalVariableInfo, Proto } from "./proto.js";

/** The chunk header lua5.1 writes and expects (luaU_header, LUAC_HEADERSIZE 12). */
export const CHUNK_HEADER = "\x1bLua\x51\x00\x01\x04\x08\x04\x08\x00";
/** LUA_SIGNATURE: what tells a binary chunk from source text. */
export const CHUNK_SIGNATURE = "\x1bLua";
/** LUAI_MAXCCALLS: nesting limit of functions in a chunk. */
const MAX_NESTING = 200;

/** Whether `source` is a binary chunk (lua_load looks at the first byte only). */
export function isBinaryChunk(source: string): boolean {
  return source.charCodeAt(0) === 0x1b;
}

/**
 * luaU_undump: the main function's Proto of the binary chunk `bytes`, loaded under the chunk
 * name `chunkName` (`@file`, `=name` or the string itself). Throws a LuaError with lua5.1's
 * message on malformed input.
 */
export function undump(bytes: string, chunkName: string): Proto {
  return new ChunkReader(bytes, displayName(chunkName)).readChunk();
}

/** lundump.c's S->name: `@x`/`=x` → x, a binary string itself → "binary string". */
function displayName(chunkName: string): string {
  const c = chunkName.charCodeAt(0);
  if (c === 64 /* @ */ || c === 61 /* = */) return chunkName.slice(1);
  if (c === 0x1b) return "binary string";
  return chunkName;
}

class ChunkReader {
  private pos = 0;
  private depth = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: string,
    private readonly name: string,
  ) {
    // Numbers are decoded through a small buffer (doubles are IEEE 754 little endian).
    this.view = new DataView(new ArrayBuffer(8));
  }

  readChunk(): Proto {
    const header = this.block(CHUNK_HEADER.length);
    if (header !== CHUNK_HEADER) this.fail("bad header");
    // luaU_undump: a main function without a stored source (stripped) is from "=?".
    return this.readFunction("=?");
  }

  private fail(why: string): never {
    // lundump.c's error(): luaO_pushfstring("%s: %s in precompiled chunk"), LUA_ERRSYNTAX.
    throw new LuaError(`${this.name}: ${why} in precompiled chunk`, 0);
  }

  /** LoadBlock: `n` bytes, or `unexpected end`. */
  private block(n: number): string {
    if (n > this.bytes.length - this.pos) this.fail("unexpected end");
    const s = this.bytes.slice(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }

  private byte(): number {
    if (this.pos >= this.bytes.length) this.fail("unexpected end");
    return this.bytes.charCodeAt(this.pos++);
  }

  /** Four bytes little endian, unsigned. */
  private uint32(): number {
    if (4 > this.bytes.length - this.pos) this.fail("unexpected end");
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return (
      (b.charCodeAt(p) |
        (b.charCodeAt(p + 1) << 8) |
        (b.charCodeAt(p + 2) << 16) |
        (b.charCodeAt(p + 3) << 24)) >>>
      0
    );
  }

  /** LoadInt: a C int; negative values are `bad integer`. */
  private int(): number {
    const x = this.uint32() | 0;
    if (x < 0) this.fail("bad integer");
    return x;
  }

  /** A count of items of at least `itemSize` bytes each, checked against what remains. */
  private count(itemSize: number): number {
    const n = this.int();
    if (n * itemSize > this.bytes.length - this.pos) this.fail("unexpected end");
    return n;
  }

  private number(): number {
    const s = this.block(8);
    const view = this.view;
    for (let i = 0; i < 8; i++) view.setUint8(i, s.charCodeAt(i));
    return view.getFloat64(0, true);
  }

  /** LoadString: a size_t length (counting the trailing NUL) then the bytes; 0 is NULL. */
  private string(): string | undefined {
    const low = this.uint32();
    const high = this.uint32();
    if (high !== 0 || low > this.bytes.length - this.pos) this.fail("unexpected end");
    if (low === 0) return undefined;
    return this.block(low).slice(0, low - 1);
  }

  private readFunction(parentSource: string): Proto {
    if (++this.depth > MAX_NESTING) this.fail("code too deep");
    const source = this.string() ?? parentSource;
    const linedefined = this.int();
    const lastlinedefined = this.int();
    const nups = this.byte();
    const numparams = this.byte();
    const is_vararg = this.byte();
    const maxstacksize = this.byte();

    const ncode = this.count(4);
    const code = new Array<number>(ncode);
    for (let i = 0; i < ncode; i++) code[i] = this.uint32();

    const nk = this.count(1);
    const constants = new Array<Constant>(nk);
    for (let i = 0; i < nk; i++) constants[i] = this.constant();

    const np = this.count(1);
    const protos = new Array<Proto>(np);
    for (let i = 0; i < np; i++) protos[i] = this.readFunction(source);

    const nline = this.count(4);
    const lineinfo = new Array<number>(nline);
    for (let i = 0; i < nline; i++) lineinfo[i] = this.uint32() | 0;

    const nloc = this.count(16);
    const locvars = new Array<LocalVariableInfo>(nloc);
    for (let i = 0; i < nloc; i++) {
      const name = this.string() ?? "";
      const startpc = this.int();
      const endpc = this.int();
      locvars[i] = { name, startpc, endpc };
    }

    const nupnames = this.count(8);
    const upvalues = new Array<string>(nupnames);
    for (let i = 0; i < nupnames; i++) upvalues[i] = this.string() ?? "";

    const proto: Proto = {
      source,
      linedefined,
      lastlinedefined,
      nups,
      numparams,
      is_vararg,
      maxstacksize,
      code,
      constants,
      protos,
      lineinfo,
      locvars,
      upvalues,
    };
    if (!checkCode(proto)) this.fail("bad code");
    this.depth--;
    return proto;
  }

  /** LoadConstants: a type tag (LUA_TNIL 0, TBOOLEAN 1, TNUMBER 3, TSTRING 4) then the value. */
  private constant(): Constant {
    switch (this.byte()) {
      case 0:
        return undefined;
      case 1:
        return this.byte() !== 0;
      case 3:
        return this.number();
      case 4: {
        const s = this.string();
        // lua5.1 would store a NULL string here and crash later; a clean error instead.
        if (s === undefined) this.fail("bad constant");
        return s;
      }
      default:
        this.fail("bad constant");
    }
  }
}
