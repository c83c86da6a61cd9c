// @lunette/vm: the bytecode path (see docs/architecture.md, "The bytecode path").

export { type CompiledChunk, compileChunk, compileToProto } from "./codegen/index.js";
export { dumpProto } from "./dump.js";
export { listProto } from "./listing.js";
export { closureOf, installVm, loadProto, loadVmChunk } from "./load.js";
export * from "./proto.js";
export { dumpLuaFunction, installDumper } from "./string-dump.js";
export { isBinaryChunk, undump } from "./undump.js";
