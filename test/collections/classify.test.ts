import { beforeAll, describe, expect, it } from "vitest";
import { addTexts, gql, messages, ok } from "./client";
import { expectRanking } from "./texts";

// 120 labelled reviews: fruit words labelled "fruit", weather words "weather".
const FRUIT = ["apple", "banana", "cherry", "grape", "lemon", "mango"];
const WEATHER = ["rain", "snow", "wind", "storm", "fog", "sunshine"];
const texts = Array.from({ length: 120 }, (_, i) => {
  const words = i % 2 ? WEATHER : FRUIT;
  return `${words[i % 6]} ${words[(i + 1) % 6]} ${words[(i * 7) % 6]}`;
});
const keys = texts.map((_, i) => `r${i}`);
const labels = texts.map((_, i) => (i % 2 ? ["weather"] : ["fruit", "food"]));

const CLASSIFY = `query($t: String!, $ns: String!) {
  classify(collection: "reviews", method: "words", text: $t, namespace: $ns) {
    collection status error searchMethod labelsResult { label confidence } cluster { key labels distance score }
  }
}`;

beforeAll(async () => {
  await addTexts("reviews", keys, texts, { labels, namespace: "classify" });
});

describe("nnClassify", () => {
  it("answers the labels of the nearest neighbours (⌊log10 120⌋² = 4 of them), most frequent first", async () => {
    const { classify } = await ok(CLASSIFY, { t: "a ripe mango and a lemon", ns: "classify" });
    expect(classify).toMatchObject({ collection: "reviews", status: "success", error: "", searchMethod: "words" });
    // Every neighbour is a fruit review: "fruit" and "food" each hold half the votes.
    expect(classify.labelsResult).toEqual([
      { label: "food", confidence: 0.5 },
      { label: "fruit", confidence: 0.5 },
    ]);
    expectRanking(classify.cluster, "a ripe mango and a lemon", keys, texts, 4);
    for (const n of classify.cluster) {
      expect(n.labels).toEqual(["fruit", "food"]);
      expect(n.score).toBe(1 - n.distance);
    }
  });

  it("classifies a weather text as weather", async () => {
    const { classify } = await ok(CLASSIFY, { t: "storm and rain", ns: "classify" });
    expect(classify.labelsResult).toEqual([{ label: "weather", confidence: 1 }]);
  });

  it("is an error for a namespace never written to", async () => {
    const body = await gql(CLASSIFY, { t: "rain", ns: "elsewhere" });
    expect(body.data.classify).toMatchObject({ status: "error", error: 'namespace "elsewhere" does not exist (nothing was ever upserted to it)', labelsResult: [], cluster: [] });
    expect(messages(body)).toHaveLength(1);
  });
});
