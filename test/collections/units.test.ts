import { describe, expect, it } from "vitest";
import { classify, neighbourCount } from "../../src/collections/classify";
import { uuidv7 } from "../../src/collections/keys";
import { cosineDistance, fromBlob, toBlob, VectorSet } from "../../src/collections/vectors";

const v = (...xs: number[]) => Float32Array.from(xs);

describe("VectorSet", () => {
  it("answers the nearest keys by cosine distance, closest first, ties by key", () => {
    const set = new VectorSet();
    set.set("east", v(1, 0));
    set.set("north", v(0, 1));
    set.set("north-east", v(1, 1));
    set.set("also-east", v(5, 0));
    set.set("west", v(-1, 0));
    const hits = set.nearest(v(2, 0), 10);
    expect(hits.map((h) => h.key)).toEqual(["also-east", "east", "north-east", "north", "west"]);
    expect(hits.map((h) => h.distance)).toEqual([0, 0, expect.closeTo(1 - Math.SQRT1_2, 12), 1, 2]);
    expect(set.nearest(v(0, 3), 2).map((h) => h.key)).toEqual(["north", "north-east"]);
    expect(set.nearest(v(0, 3), 0)).toEqual([]);
  });

  it("replaces a key in place and removes one by moving the last into its row", () => {
    const set = new VectorSet();
    for (let i = 0; i < 100; i++) set.set(`k${i}`, v(Math.cos(i), Math.sin(i), 1));
    set.set("k5", v(0, 0, 1));
    expect(set.size).toBe(100);
    expect(set.delete("k0")).toBe(true);
    expect(set.delete("k0")).toBe(false);
    expect(set.size).toBe(99);
    expect(set.nearest(v(0, 0, 1), 1)).toEqual([{ key: "k5", distance: 0 }]);
    // k99 now sits in k0's row and is still found for its own vector.
    expect(set.nearest(v(Math.cos(99), Math.sin(99), 1), 1)[0]!.key).toBe("k99");
    expect(set.dimensions).toBe(3);
  });

  it("keeps the k best of many offers, whatever order they come in", () => {
    const set = new VectorSet();
    const angles = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 500) / 80);
    angles.forEach((a, i) => set.set(`p${i}`, v(Math.cos(a), Math.sin(a))));
    const all = set.nearest(v(1, 0), 500);
    expect(all).toHaveLength(500);
    expect(set.nearest(v(1, 0), 7)).toEqual(all.slice(0, 7));
    // Up to 64 results are kept by insertion, more are sorted at the end: the same order either way.
    expect(set.nearest(v(1, 0), 64)).toEqual(all.slice(0, 64));
    expect(set.nearest(v(1, 0), 65)).toEqual(all.slice(0, 65));
    const distances = all.map((h) => h.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });
});

describe("vector helpers", () => {
  it("cosine distance: 0 alike, 1 orthogonal or against a zero vector, 2 opposite", () => {
    expect(cosineDistance(v(1, 2), v(2, 4))).toBeCloseTo(0, 12);
    expect(cosineDistance(v(1, 0), v(0, 1))).toBe(1);
    expect(cosineDistance(v(0, 0), v(0, 1))).toBe(1);
    expect(cosineDistance(v(1, 1), v(-1, -1))).toBeCloseTo(2, 12);
  });

  it("stores vectors as Float32 bytes and reads them back", () => {
    const vector = v(0.1, -2.5, 3e-8);
    const blob = toBlob(vector);
    expect(blob.byteLength).toBe(12);
    expect(fromBlob(blob)).toEqual(vector);
    expect(fromBlob(new Uint8Array(blob))).toEqual(vector);
    expect(() => fromBlob(new ArrayBuffer(6))).toThrow("a stored vector has 6 bytes, not a whole number of Float32 values");
  });
});

describe("nnClassify's arithmetic (Modus's)", () => {
  it("weighs ⌊log10 n⌋² neighbours, at least one", () => {
    expect([0, 1, 9, 10, 99, 100, 999, 1000, 10_000].map(neighbourCount)).toEqual([1, 1, 1, 1, 1, 4, 4, 9, 16]);
  });

  it("drops neighbours beyond two standard deviations and shares the votes", () => {
    const near = (key: string, labels: string[], distance: number) => ({ key, labels, distance });
    const neighbours = [
      ...Array.from({ length: 9 }, (_, i) => near(`n${i}`, i < 6 ? ["a"] : ["b", "a"], 0.1)),
      near("far", ["c"], 0.9),
    ];
    const { labelsResult, cluster } = classify(neighbours);
    expect(cluster.map((n) => n.key)).not.toContain("far");
    expect(cluster).toHaveLength(9);
    expect(labelsResult).toEqual([
      { label: "a", confidence: 9 / 12 },
      { label: "b", confidence: 3 / 12 },
    ]);
    expect(classify([])).toEqual({ labelsResult: [], cluster: [] });
  });
});

describe("uuidv7", () => {
  it("is an RFC 9562 version 7 UUID that sorts by time", () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.slice(0, 13)).toBe("018bcfe5-6800");
    expect(a < b).toBe(true);
  });
});
