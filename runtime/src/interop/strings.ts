// Strings at the JS edge. Inside the runtime a Lua string is a byte string (one JS char per
// byte, docs/architecture.md); JS code sees text. Crossing into JS, a byte string that is valid
// UTF-8 is decoded; one that is not stays as it is (one char per byte), so no byte is lost.
// Crossing into Lua, JS text is encoded as UTF-8.

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** True when every char is ASCII (then bytes and text are the same string). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** JS text → Lua byte string (UTF-8). */
export function encodeUtf8(text: string): string {
  if (isAscii(text)) return text;
  const bytes = encoder.encode(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 4096)
    out += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return out;
}

/** Lua byte string → JS text when it is valid UTF-8, else the byte string unchanged. */
export function decodeUtf8(bytes: string): string {
  if (isAscii(bytes)) return bytes;
  const buffer = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buffer[i] = bytes.charCodeAt(i);
  try {
    return decoder.decode(buffer);
  } catch {
    return bytes;
  }
}

/**
 * A sink for a byte stream (stdout, stderr) that hands complete lines of decoded text to
 * `write`; `flush` passes on what is left. Multi-byte sequences split over writes stay whole.
 */
export function lineSink(write: (line: string) => void): {
  push(bytes: string): void;
  flush(): void;
} {
  const stream = new TextDecoder("utf-8");
  let pending = "";
  const toBytes = (s: string) => {
    const buffer = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) buffer[i] = s.charCodeAt(i);
    return buffer;
  };
  return {
    push(bytes: string) {
      pending += stream.decode(toBytes(bytes), { stream: true });
      let newline = pending.indexOf("\n");
      while (newline >= 0) {
        write(pending.slice(0, newline));
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
      }
    },
    flush() {
      pending += stream.decode();
      if (pending !== "") write(pending);
      pending = "";
    },
  };
}
