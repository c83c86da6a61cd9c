// The host: everything the runtime needs from its embedder. Strings crossing this boundary are
// byte strings (one char per byte); a host decodes/encodes at its own edge. The runtime that
// ships to browsers uses no Node built-ins; runtime/src/host-node.ts is the Node host. Files
// and the system are optional hooks declared by the libraries that use them (IoHost in
// lib/io.ts, OsHost in lib/os.ts).

export interface Host {
  /** Writes bytes to standard output (print, io.write). */
  stdout(bytes: string): void;
  /** Writes bytes to standard error. */
  stderr(bytes: string): void;
  /** Memory in use, in kilobytes (collectgarbage("count")). */
  memoryKB?(): number;
  /**
   * Runs a full collection of the JS heap now, after ending the job that keeps WeakRef targets
   * alive (collectgarbage("collect"), runtime/src/lib/gc.ts). Returns false if it cannot.
   */
  collectGarbage?(): boolean;
}

/** A host that collects output in strings (tests, browsers without a console). */
export function createBufferHost(): Host & { out: string; err: string } {
  const host = {
    out: "",
    err: "",
    stdout(bytes: string) {
      host.out += bytes;
    },
    stderr(bytes: string) {
      host.err += bytes;
    },
  };
  return host;
}
