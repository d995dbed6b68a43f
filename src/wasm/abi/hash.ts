import { STRING_TYPE } from "./string";
import type { WasmValue } from "./types";

// AssemblyScript's HASH<K> (std/assembly/util/hash.ts): xxHash32 variants with seed 0.
// The guest finds a key only in the bucket this hash picks, so it must match bit for bit.
const P1 = 2654435761 | 0;
const P2 = 2246822519 | 0;
const P3 = 3266489917 | 0;
const P4 = 668265263;
const P5 = 374761393;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function avalanche(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}

/** `hash32(key, len)`: integers up to 32 bits, bools, floats' bits, pointers. */
export function hash32(key: number, len = 4): number {
  let h = (P5 + len) | 0;
  h = (h + Math.imul(key, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  return avalanche(h);
}

/** `hash64(key)`: 64-bit integers and f64 bits, as low and high halves. */
export function hash64(lo: number, hi: number): number {
  let h = (P5 + 8) | 0;
  h = (h + Math.imul(lo, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  h = (h + Math.imul(hi, P3)) | 0;
  h = Math.imul(rotl(h, 17), P4);
  return avalanche(h);
}

const mix = (h: number, key: number): number => Math.imul(rotl((h + Math.imul(key, P2)) | 0, 13), P1);

/**
 * `hashStr`: over the string's UTF-16LE bytes, read four at a time.
 *
 * @example hashString("") // 0x02cc5d05, the hash AssemblyScript gives ""
 */
export function hashString(s: string | null): number {
  if (s === null) return 0;
  const len = s.length << 1;
  const word = (byte: number): number => s.charCodeAt(byte >>> 1) | (s.charCodeAt((byte >>> 1) + 1) << 16);
  let h = len;
  let pos = 0;
  if (len >= 16) {
    let s1 = (P1 + P2) | 0;
    let s2 = P2;
    let s3 = 0;
    let s4 = -P1 | 0;
    for (; pos <= len - 16; pos += 16) {
      s1 = mix(s1, word(pos));
      s2 = mix(s2, word(pos + 4));
      s3 = mix(s3, word(pos + 8));
      s4 = mix(s4, word(pos + 12));
    }
    h = (h + rotl(s1, 1) + rotl(s2, 7) + rotl(s3, 12) + rotl(s4, 18)) | 0;
  } else {
    h = (h + P5) | 0;
  }
  for (; pos <= len - 4; pos += 4) {
    h = (h + Math.imul(word(pos), P3)) | 0;
    h = Math.imul(rotl(h, 17), P4);
  }
  for (; pos < len; pos++) {
    const unit = s.charCodeAt(pos >>> 1);
    const byte = pos & 1 ? unit >>> 8 : unit & 0xff;
    h = (h + Math.imul(byte, P5)) | 0;
    h = Math.imul(rotl(h, 11), P1);
  }
  return avalanche(h);
}

const f32 = new Float32Array(1);
const f32Bits = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bits = new Uint32Array(f64.buffer);

/** Hashes a key from its JS value and its lowered raw value. */
export type KeyHasher = (value: unknown, raw: WasmValue) => number;

const integerKey = (len: number): KeyHasher => (_v, raw) => hash32(Number(raw), len);
const bigKey: KeyHasher = (_v, raw) => {
  const big = BigInt(raw);
  return hash64(Number(BigInt.asUintN(32, big)), Number(BigInt.asUintN(32, big >> 32n)));
};

/** The hash the guest computes for each key type, by AssemblyScript type name. */
const keyHashers: Readonly<Record<string, KeyHasher>> = {
  bool: integerKey(1),
  i8: integerKey(1),
  u8: integerKey(1),
  i16: integerKey(2),
  u16: integerKey(2),
  i32: integerKey(4),
  u32: integerKey(4),
  isize: integerKey(4),
  usize: integerKey(4),
  i64: bigKey,
  u64: bigKey,
  f32: (_v, raw) => {
    f32[0] = Number(raw);
    return hash32(f32Bits[0]!);
  },
  f64: (_v, raw) => {
    f64[0] = Number(raw);
    return hash64(f64Bits[0]!, f64Bits[1]!);
  },
  [STRING_TYPE]: (value) => hashString(value as string),
  [`${STRING_TYPE} | null`]: (value) => hashString((value ?? null) as string | null),
};

/**
 * The hasher for a map key type. Other managed keys (classes, arrays) hash
 * by pointer, as AssemblyScript compares them by identity.
 *
 * @example keyHasher("~lib/string/String")("a", ptr)
 */
export function keyHasher(typeName: string): KeyHasher {
  return keyHashers[typeName] ?? keyHashers[typeName.replace(/\|null$/, " | null")] ?? ((_v, raw) => hash32(Number(raw)));
}
