// The CSP page: a compiled Lua module that calls loadstring. The VM is imported on first use
// (a separate chunk), so a page that never loads Lua at run time never fetches it.

import console from "./lua/console.lua";

let vmReady;

/**
 * Leaves the caller's task first (DevTools' evaluate, which the test drives the page with, lifts
 * the policy's eval ban for its own task), then imports the VM once.
 */
async function withVm() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  vmReady ??= import("@lunette/vm").then((vm) => vm.installVm());
  return vmReady;
}

/** Whether the page's policy forbids eval (a script-src without 'unsafe-eval'). */
async function evalBlocked() {
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    new Function("return 1")();
    return false;
  } catch (error) {
    return error instanceof EvalError;
  }
}

window.lunetteCsp = {
  evalBlocked,
  async run(source) {
    await withVm();
    return console.run(source);
  },
  async runPieces(a, b, c) {
    await withVm();
    return console.run_pieces(a, b, c);
  },
  async roundTrip() {
    await withVm();
    return console.round_trip();
  },
};
