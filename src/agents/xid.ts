const ALPHABET = "0123456789abcdefghijklmnopqrstuv";

/**
 * A new id in the xid format Modus uses for agents: 12 bytes (4 of seconds
 * since the epoch, big-endian, then 8 random) written as 20 characters of
 * base32hex, lower case. xid fills the last 8 with a machine id, process id
 * and counter; random bytes keep the format and the ordering by second
 * without any state here.
 *
 * @example xid() // "d0aq1m3mg4s5ch1n0lj0"
 */
export function xid(now = Date.now()): string {
  const bytes = new Uint8Array(12);
  new DataView(bytes.buffer).setUint32(0, Math.floor(now / 1000));
  crypto.getRandomValues(bytes.subarray(4));
  return xidText(bytes);
}

/**
 * The 20-character text of a 12-byte xid.
 *
 * @example xidText(Uint8Array.of(0x4d, 0x88, 0xe1, 0x5b, 0x60, 0xf4, 0x86, 0xe4, 0x28, 0x41, 0x2d, 0xc9)) // "9m4e2mr0ui3e8a215n4g"
 */
export function xidText(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  // 96 bits leave 1 over: xid pads it on the right to a 20th character.
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/** @example isXid("d0aq1m3mg4s5ch1n0lj0") // true */
export const isXid = (text: string): boolean => /^[0-9a-v]{20}$/.test(text);
