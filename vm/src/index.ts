// @lunette/vm: the bytecode path (see docs/architecture.md, "The bytecode path").
export * from "./proto.js";
export { compileToProto } from "./codegen/index.js";
export { dumpProto } from "./dump.js";
export { listProto } from "./listing.js";
export { isBinaryChunk, undump } from "./undump.js";
export { closureOf, installVm, loadProto, loadVmChunk } from "./load.js";
