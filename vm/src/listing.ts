// Proto → the text `luac5.1 -l` prints (print.c of Lua 5.1.5): a header per function, one line
// per instruction with its line and operands and a `;` comment naming constants, upvalues and
// jump targets; with `full` (`luac -l -l`) also the constants, locals and upvalues. C's `%p`
// addresses cannot be reproduced: each Proto gets a stable made-up address instead.

import { numberToString } from "@lunette/runtime";
import {
  BITRK,
  type Constant,
  getA,
  getB,
  getBx,
  getC,
  getOp,
  getSBx,
  OpCode,
  type Proto,
} from "./proto.js";

/** Opcodes whose B (resp. C) operand is unused (OpArgN in lopcodes.c), for iABC ones. */
const NO_B = new Set([OpCode.TFORLOOP, OpCode.CLOSE]);
const NO_C = new Set([
  OpCode.MOVE,
  OpCode.LOADNIL,
  OpCode.GETUPVAL,
  OpCode.SETUPVAL,
  OpCode.UNM,
  OpCode.NOT,
  OpCode.LEN,
  OpCode.RETURN,
  OpCode.CLOSE,
  OpCode.VARARG,
]);
/** print.c shows both RK operands of these as constants. */
const RK_PAIR = new Set([
  OpCode.SETTABLE,
  OpCode.ADD,
  OpCode.SUB,
  OpCode.MUL,
  OpCode.DIV,
  OpCode.POW,
  OpCode.EQ,
  OpCode.LT,
  OpCode.LE,
]);

const isK = (x: number): boolean => (x & BITRK) !== 0;
const rk = (x: number): number => (isK(x) ? -1 - (x & ~BITRK) : x);

/** print.c's PrintString: C escapes, other non-printable bytes as \ddd. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += "\\\\";
        break;
      case 7:
        out += "\\a";
        break;
      case 8:
        out += "\\b";
        break;
      case 12:
        out += "\\f";
        break;
      case 10:
        out += "\\n";
        break;
      case 13:
        out += "\\r";
        break;
      case 9:
        out += "\\t";
        break;
      case 11:
        out += "\\v";
        break;
      default:
        out += c >= 32 && c < 127 ? s[i] : `\\${String(c).padStart(3, "0")}`;
    }
  }
  return `${out}"`;
}

function constant(k: Constant): string {
  if (k === undefined) return "nil";
  if (typeof k === "boolean") return k ? "true" : "false";
  if (typeof k === "number") return numberToString(k);
  return quote(k);
}

/** `%s` of a C string: stops at the first NUL. */
const cString = (s: string): string => {
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
};

const plural = (n: number): string => (n === 1 ? "" : "s");

class Addresses {
  private readonly known = new Map<Proto, string>();
  get(p: Proto): string {
    let address = this.known.get(p);
    if (address === undefined) {
      address = `0x${(0x55a0c0de0000 + this.known.size * 0x120).toString(16)}`;
      this.known.set(p, address);
    }
    return address;
  }
}

function header(f: Proto, out: string[], at: Addresses): void {
  let source = f.source ?? "=?";
  if (source.startsWith("@") || source.startsWith("=")) source = source.slice(1);
  else if (source.startsWith("\x1b")) source = "(bstring)";
  else source = "(string)";
  const n = f.code.length;
  out.push(
    `\n${f.linedefined === 0 ? "main" : "function"} <${cString(source)}:${f.linedefined},${f.lastlinedefined}> ` +
      `(${n} instruction${plural(n)}, ${n * 4} bytes at ${at.get(f)})\n`,
  );
  out.push(
    `${f.numparams}${f.is_vararg ? "+" : ""} param${plural(f.numparams)}, ` +
      `${f.maxstacksize} slot${plural(f.maxstacksize)}, ${f.nups} upvalue${plural(f.nups)}, ` +
      `${f.locvars.length} local${plural(f.locvars.length)}, ` +
      `${f.constants.length} constant${plural(f.constants.length)}, ` +
      `${f.protos.length} function${plural(f.protos.length)}\n`,
  );
}

function instructions(f: Proto, out: string[], at: Addresses): void {
  const code = f.code;
  for (let pc = 0; pc < code.length; pc++) {
    const i = code[pc]!;
    const o = getOp(i);
    const a = getA(i);
    const b = getB(i);
    const c = getC(i);
    const bx = getBx(i);
    const sbx = getSBx(i);
    const line = f.lineinfo[pc] ?? 0;
    let s = `\t${pc + 1}\t${line > 0 ? `[${line}]` : "[-]"}\t${(OpCode[o] ?? "?").padEnd(9)}\t`;
    if (o === OpCode.LOADK || o === OpCode.GETGLOBAL || o === OpCode.SETGLOBAL) {
      s += `${a} ${-1 - bx}`;
    } else if (o === OpCode.CLOSURE) {
      s += `${a} ${bx}`;
    } else if (o === OpCode.JMP) {
      s += `${sbx}`;
    } else if (o === OpCode.FORLOOP || o === OpCode.FORPREP) {
      s += `${a} ${sbx}`;
    } else {
      s += `${a}`;
      if (!NO_B.has(o)) s += ` ${rk(b)}`;
      if (!NO_C.has(o)) s += ` ${rk(c)}`;
    }
    switch (o) {
      case OpCode.LOADK:
        s += `\t; ${constant(f.constants[bx])}`;
        break;
      case OpCode.GETUPVAL:
      case OpCode.SETUPVAL:
        s += `\t; ${f.upvalues.length > 0 ? cString(f.upvalues[b] ?? "") : "-"}`;
        break;
      case OpCode.GETGLOBAL:
      case OpCode.SETGLOBAL:
        s += `\t; ${cString(String(f.constants[bx]))}`;
        break;
      case OpCode.GETTABLE:
      case OpCode.SELF:
        if (isK(c)) s += `\t; ${constant(f.constants[c & ~BITRK])}`;
        break;
      case OpCode.JMP:
      case OpCode.FORLOOP:
      case OpCode.FORPREP:
        s += `\t; to ${sbx + pc + 2}`;
        break;
      case OpCode.CLOSURE:
        s += `\t; ${at.get(f.protos[bx]!)}`;
        break;
      case OpCode.SETLIST:
        s += `\t; ${c === 0 ? code[++pc]! | 0 : c}`;
        break;
      default:
        if (RK_PAIR.has(o) && (isK(b) || isK(c))) {
          const left = isK(b) ? constant(f.constants[b & ~BITRK]) : "-";
          const right = isK(c) ? constant(f.constants[c & ~BITRK]) : "-";
          s += `\t; ${left} ${right}`;
        }
    }
    out.push(`${s}\n`);
  }
}

function listFunction(f: Proto, full: boolean, out: string[], at: Addresses): void {
  header(f, out, at);
  instructions(f, out, at);
  if (full) {
    out.push(`constants (${f.constants.length}) for ${at.get(f)}:\n`);
    f.constants.forEach((k, i) => {
      out.push(`\t${i + 1}\t${constant(k)}\n`);
    });
    out.push(`locals (${f.locvars.length}) for ${at.get(f)}:\n`);
    f.locvars.forEach((v, i) => {
      out.push(`\t${i}\t${cString(v.name)}\t${v.startpc + 1}\t${v.endpc + 1}\n`);
    });
    out.push(`upvalues (${f.upvalues.length}) for ${at.get(f)}:\n`);
    f.upvalues.forEach((name, i) => {
      out.push(`\t${i}\t${cString(name)}\n`);
    });
  }
  for (const p of f.protos) listFunction(p, full, out, at);
}

/** print.c's PrintFunction: the listing of `p` and its nested functions. */
export function listProto(p: Proto, full: boolean): string {
  const out: string[] = [];
  listFunction(p, full, out, new Addresses());
  return out.join("");
}
