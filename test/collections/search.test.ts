import { beforeAll, describe, expect, it } from "vitest";
import { wordHash } from "../support/providers/openai";
import { addTexts, ok, search } from "./client";
import { corpus, DIMENSIONS, expectRanking } from "./texts";

// 1,000 texts upserted in ten batches into this file's namespace, then
// searched: every answer is checked against a brute-force ranking of the
// same vectors, worked out here.
const NS = "search";
const { keys, texts } = corpus(1000);

beforeAll(async () => {
  for (let i = 0; i < keys.length; i += 100) {
    const result = await addTexts("texts", keys.slice(i, i + 100), texts.slice(i, i + 100), { namespace: NS });
    expect(result).toEqual({ collection: "texts", status: "success", error: "", operation: "upsert", keys: keys.slice(i, i + 100) });
  }
}, 120_000);

describe("search over 1,000 texts", () => {
  const QUERIES = ["ripe red apple", "sweet juicy mango in summer", "a basket of fresh pears from the market", "winter kitchen"];

  it.each(QUERIES)("answers the nearest keys in order, with distances and scores: %s", async (query) => {
    const got = await search("texts", "words", query, 10, [NS]);
    expect(got).toMatchObject({ collection: "texts", status: "success", error: "", searchMethod: "words" });
    expectRanking(got.objects, query, keys, texts, 10);
    got.objects.forEach((o: any) => {
      expect(o.score).toBe(1 - o.distance);
      expect(o).toMatchObject({ namespace: NS, text: texts[keys.indexOf(o.key)], labels: [] });
    });
    // Closest first.
    const distances = got.objects.map((o: any) => o.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it("finds a stored text itself first, at distance 0", async () => {
    const got = await search("texts", "words", texts[417]!, 3, [NS]);
    const first = got.objects[0];
    expect(first.distance).toBeCloseTo(0, 6);
    // The same bag of words may be stored under several keys: all of them come first.
    expect(texts[keys.indexOf(first.key)]!.split(" ").sort()).toEqual(texts[417]!.split(" ").sort());
  });

  it("answers the same from an hnsw search method: every index is searched exactly", async () => {
    const query = "green plum tree";
    const exact = await search("texts", "words", query, 20, [NS]);
    const hnsw = await search("texts", "words-hnsw", query, 20, [NS]);
    expect(hnsw.objects).toEqual(exact.objects);
  });

  it("searches each search method's own vectors (32 dimensions for \"small\")", async () => {
    const { vector } = await ok(`{ vector(collection: "texts", method: "small", key: "t0001", namespace: "${NS}") }`);
    expect(vector).toHaveLength(32);
    const small = await search("texts", "small", texts[1]!, 1, [NS]);
    expect(small.objects[0].distance).toBeCloseTo(0, 6);
  });

  it("answers at most the texts there are, and one for a limit of 0 or less (as Modus)", async () => {
    expect((await search("texts", "words", "apple", 5000, [NS])).objects).toHaveLength(1000);
    expect((await search("texts", "words", "apple", 0, [NS])).objects).toHaveLength(1);
    expect((await search("texts", "words", "apple", -3, [NS])).objects).toHaveLength(1);
  });

  it("searches by a vector: a stored text's vector finds its neighbours", async () => {
    const { vector } = await ok(`{ vector(collection: "texts", method: "words", key: "t0042", namespace: "${NS}") }`);
    expect(vector).toHaveLength(DIMENSIONS);
    const { searchVector } = await ok(
      `query($v: [Float!]!, $ns: [String!]!) { searchVector(collection: "texts", method: "words", vector: $v, limit: 5, namespaces: $ns) { status objects { key distance score } } }`,
      { v: vector, ns: [NS] },
    );
    expectRanking(searchVector.objects, texts[42]!, keys, texts, 5);
  });
});

describe("distances a reader can check by hand", () => {
  // Bag-of-words vectors: two texts sharing k of their m and n distinct words
  // (no two words hashed to one position) are at cosine distance 1 - k/√(mn).
  const HAND = { h1: "red apple", h2: "red car", h3: "green apple pie", h4: "blue sky" };

  it("are 0, 1 - 1/2, 1 - 1/√6 and 1, in that order", async () => {
    const positions = new Set(["red", "apple", "car", "green", "pie", "blue", "sky"].map((w) => wordHash(w) % DIMENSIONS));
    expect(positions.size).toBe(7);
    await addTexts("texts", Object.keys(HAND), Object.values(HAND), { namespace: "by-hand" });
    const got = await search("texts", "words", "red apple", 4, ["by-hand"]);
    expect(got.objects.map((o: any) => o.key)).toEqual(["h1", "h2", "h3", "h4"]);
    const [d1, d2, d3, d4] = got.objects.map((o: any) => o.distance);
    expect(d1).toBeCloseTo(0, 6);
    expect(d2).toBeCloseTo(0.5, 6);
    expect(d3).toBeCloseTo(1 - 1 / Math.sqrt(6), 6);
    expect(d4).toBeCloseTo(1, 6);
    expect(got.objects.map((o: any) => o.score)).toEqual(got.objects.map((o: any) => 1 - o.distance));
  });

  it("computeDistance answers the distance of two stored texts", async () => {
    const { distance } = await ok(`{ distance(collection: "texts", method: "words", key1: "h1", key2: "h3", namespace: "by-hand") { namespace key text labels distance score } }`);
    expect(distance.distance).toBeCloseTo(1 - 1 / Math.sqrt(6), 6);
    expect(distance).toMatchObject({ namespace: "by-hand", key: "", text: "", labels: [], score: 1 - distance.distance });
  });
});
