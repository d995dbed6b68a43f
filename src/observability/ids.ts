const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A source of random (version 4) UUIDs that draws its randomness from the
 * system in batches of `batch` ids, not once per id: one id per function call
 * is on every request's path. Each id is as random as `crypto.randomUUID()`'s.
 *
 * @example const newId = uuidSource(); newId() // "3b241101-e2bb-4255-8caf-4136c566a962"
 */
export function uuidSource(batch = 128): () => string {
  const bytes = new Uint8Array(16 * batch);
  let next = bytes.length;
  return () => {
    if (next === bytes.length) {
      crypto.getRandomValues(bytes);
      next = 0;
    }
    const b = bytes;
    const i = next;
    next += 16;
    // Version 4, variant 10xx (RFC 9562).
    const v = (b[i + 6]! & 0x0f) | 0x40;
    const r = (b[i + 8]! & 0x3f) | 0x80;
    return (
      HEX[b[i]!]! + HEX[b[i + 1]!]! + HEX[b[i + 2]!]! + HEX[b[i + 3]!]! + "-" +
      HEX[b[i + 4]!]! + HEX[b[i + 5]!]! + "-" + HEX[v]! + HEX[b[i + 7]!]! + "-" +
      HEX[r]! + HEX[b[i + 9]!]! + "-" +
      HEX[b[i + 10]!]! + HEX[b[i + 11]!]! + HEX[b[i + 12]!]! + HEX[b[i + 13]!]! + HEX[b[i + 14]!]! + HEX[b[i + 15]!]!
    );
  };
}
