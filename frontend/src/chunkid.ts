// Display names of chunks in messages, as PUC-Rio Lua 5.1's luaO_chunkid (lobject.c) makes
// them from the raw chunk name given to `load`:
//   `=name`   → `name` (cut to fit the buffer)
//   `@file`   → `file`, or `...` and its last part when too long
//   otherwise → `[string "first line"]`, cut at the first newline or when too long, with `...`
// The buffer is LUA_IDSIZE (60) for runtime errors and tracebacks, but llex.c formats syntax
// errors with a larger buffer, MAXSRC (80), so syntax errors show longer names.

/** luaconf.h's LUA_IDSIZE: buffer size for chunk names in runtime messages. */
export const LUA_IDSIZE = 60;
/** llex.c's MAXSRC: buffer size for chunk names in syntax error messages. */
export const MAXSRC = 80;

export function chunkId(raw: string, bufferSize: number = LUA_IDSIZE): string {
  // The C code sees a NUL-terminated string.
  const nul = raw.indexOf("\0");
  const source = nul >= 0 ? raw.slice(0, nul) : raw;
  if (source.startsWith("=")) {
    // strncpy of the rest, then the last byte of the buffer forced to NUL.
    return source.slice(1, bufferSize);
  }
  if (source.startsWith("@")) {
    const name = source.slice(1);
    const room = bufferSize - " '...' ".length - 1;
    return name.length > room ? `...${name.slice(name.length - room)}` : name;
  }
  const room = bufferSize - ' [string "..."] '.length - 1;
  let length = source.search(/[\n\r]/);
  if (length < 0) length = source.length;
  if (length > room) length = room;
  return length < source.length
    ? `[string "${source.slice(0, length)}..."]`
    : `[string "${source}"]`;
}
