import { AbiError } from "../errors";

const CHUNK = 0x8000;

type Base64Uint8Array = Uint8Array & { toBase64?: () => string };
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;

/**
 * Standard base64 (with padding) of `bytes`, as GraphQL carries byte sequences.
 *
 * @example encodeBase64(new Uint8Array([0, 255])) // "AP8="
 */
export function encodeBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Uint8Array).toBase64;
  if (native) return native.call(bytes);
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}

/**
 * The bytes of a standard base64 string; an {@link AbiError} naming `typeName` if it is not one.
 *
 * @example decodeBase64("AP8=", "~lib/arraybuffer/ArrayBuffer") // Uint8Array [0, 255]
 */
export function decodeBase64(text: string, typeName: string): Uint8Array {
  try {
    if (fromBase64) return fromBase64(text);
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new AbiError(`${JSON.stringify(text.length > 40 ? text.slice(0, 40) + "…" : text)} is not valid base64 for ${typeName}`);
  }
}
