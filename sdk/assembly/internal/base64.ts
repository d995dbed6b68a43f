// Standard base64 (RFC 4648, with padding), for media sent to and from models.

// @ts-expect-error: decorator
@lazy const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Encodes bytes as base64 text. @example encode(Uint8Array.wrap(String.UTF8.encode("hi"))) // "aGk=" */
export function encode(bytes: Uint8Array): string {
  const parts = new Array<string>((bytes.length + 2) / 3);
  let p = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const b0 = <u32>bytes[i];
    const b1 = rest > 1 ? <u32>bytes[i + 1] : 0;
    const b2 = rest > 2 ? <u32>bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    let quad = ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    quad += rest > 1 ? ALPHABET.charAt((n >> 6) & 63) : "=";
    quad += rest > 2 ? ALPHABET.charAt(n & 63) : "=";
    parts[p++] = quad;
  }
  return parts.join("");
}

/** Decodes base64 text (padding optional; whitespace ignored); throws on any other character. */
export function decode(text: string): Uint8Array {
  const out = new Uint8Array((text.length * 3) / 4);
  let n: u32 = 0;
  let bits = 0;
  let len = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c == 0x3d /* = */) break;
    if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) continue;
    const v = sextet(c);
    if (v < 0) throw new Error("Invalid base64 character at index " + i.toString());
    n = (n << 6) | <u32>v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[len++] = <u8>((n >> bits) & 0xff);
    }
  }
  return out.slice(0, len);
}

function sextet(c: i32): i32 {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 26;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 52;
  if (c == 0x2b || c == 0x2d) return 62; // "+" or URL-safe "-"
  if (c == 0x2f || c == 0x5f) return 63; // "/" or URL-safe "_"
  return -1;
}
