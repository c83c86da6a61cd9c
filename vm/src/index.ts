// @lunette/vm: the bytecode path (see docs/architecture.md, "The bytecode path").
export * from "./proto.js";
