// Test data and the expected answers, worked out apart from the runtime:
// the stand-in's bag-of-words vectors, rounded to f32 as the embedder returns
// them, compared by cosine distance with equal distances ordered by key.
import { expect } from "vitest";
import { bagOfWordsEmbedding } from "../support/providers/openai";

/** The "words" search method's vector length (the test app's `embed`). */
export const DIMENSIONS = 256;

const VOCABULARY = (
  "apple banana cherry grape lemon mango orange pear plum peach red green blue yellow purple sweet sour " +
  "ripe fresh juicy crisp soft tree garden market basket kitchen morning summer winter"
).split(" ");

/** A small deterministic generator (mulberry32), so every run stores the same texts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` texts of three to six vocabulary words, keyed `t0000`…, always the same. */
export function corpus(count: number, seed = 16): { keys: string[]; texts: string[] } {
  const next = random(seed);
  const keys: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 3 + Math.floor(next() * 4) }, () => VOCABULARY[Math.floor(next() * VOCABULARY.length)]!);
    keys.push(`t${String(i).padStart(4, "0")}`);
    texts.push(words.join(" "));
  }
  return { keys, texts };
}

/** A text's vector as the collection stores it. */
export const vectorOf = (text: string, dimensions = DIMENSIONS): Float32Array => Float32Array.from(bagOfWordsEmbedding(text, dimensions));

const norm = (v: Float32Array) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
};

export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  const denom = norm(a) * norm(b);
  return 1 - (denom > 0 ? dot / denom : 0);
}

/** The `limit` nearest of `keys`/`texts` to `query` by brute force (all of them by default), closest first. */
export function expectedNearest(query: string, keys: string[], texts: string[], limit = keys.length) {
  const q = vectorOf(query);
  return keys
    .map((key, i) => ({ key, distance: cosineDistance(q, vectorOf(texts[i]!)) }))
    .sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

/**
 * Checks a search's answer against the brute-force ranking: position by
 * position the same distance, and a key ranked at that distance. Texts at
 * equal distances (the same words, or the same shares of words) may come
 * in any order among themselves: summing in another order moves a distance
 * by a rounding error.
 */
export function expectRanking(got: { key: string; distance: number }[], query: string, keys: string[], texts: string[], limit: number) {
  const all = expectedNearest(query, keys, texts);
  const want = all.slice(0, limit);
  expect(got).toHaveLength(want.length);
  expect(new Set(got.map((g) => g.key)).size).toBe(got.length);
  got.forEach((g, i) => {
    const d = want[i]!.distance;
    expect(g.distance).toBeCloseTo(d, 9);
    expect(all.filter((x) => Math.abs(x.distance - d) < 1e-9).map((x) => x.key)).toContain(g.key);
  });
}
