// What the differential scripts compare of a run's output (stdout or stderr): lunette's
// `lunette: ` prefix read as lua5.1's, addresses masked, the traceback dropped.

export const comparable = (output) =>
  (output ?? "")
    .replace(/^lunette: /gm, "lua5.1: ")
    .replace(/0x[0-9a-f]+/g, "ADDR")
    .split("\nstack traceback:")[0];
