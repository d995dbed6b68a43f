import { describe, expect, it } from "vitest";
import { addTexts, gql, messages, ok, search } from "./client";

const NS = "mutations";
const vars = { ns: NS };

describe("upsert", () => {
  it("makes UUIDv7 keys when none are given, in the order of the texts", async () => {
    const { addText } = await ok(`mutation($ns: String!) { addText(collection: "texts", key: null, text: "a new key", namespace: $ns) { status keys } }`, vars);
    expect(addText.keys).toHaveLength(1);
    expect(addText.keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const batch = await addTexts("texts", [], ["one", "two", "three"], { namespace: NS });
    expect(batch.keys).toHaveLength(3);
    expect(new Set(batch.keys).size).toBe(3);
    const stored = await Promise.all(batch.keys.map((k: string) => ok(`query($k: String!, $ns: String!) { text(collection: "texts", key: $k, namespace: $ns) }`, { k, ns: NS })));
    expect(stored.map((s) => s.text)).toEqual(["one", "two", "three"]);
  });

  it("replaces a key's text, labels and vectors", async () => {
    await addTexts("texts", ["r"], ["cherry tree"], { namespace: NS, labels: [["tree"]] });
    await addTexts("texts", ["r"], ["lemon basket"], { namespace: NS, labels: [["fruit", "basket"]] });
    expect((await ok(`query($ns: String!) { text(collection: "texts", key: "r", namespace: $ns) }`, vars)).text).toBe("lemon basket");
    expect((await ok(`query($ns: String!) { labels(collection: "texts", key: "r", namespace: $ns) }`, vars)).labels).toEqual(["fruit", "basket"]);
    const hit = (await search("texts", "words", "lemon basket", 1, [NS])).objects[0];
    expect(hit).toMatchObject({ key: "r", text: "lemon basket", labels: ["fruit", "basket"] });
    expect(hit.distance).toBeCloseTo(0, 6);
  });

  it("reports success through the SDK's isSuccessful", async () => {
    expect((await ok(`mutation { addSucceeds(collection: "texts", text: "fine") }`)).addSucceeds).toBe(true);
    expect((await ok(`mutation { addSucceeds(collection: "nope", text: "fine") }`).catch((e) => e.message))).toContain('collection \\"nope\\" is not defined');
  });
});

describe("remove", () => {
  it("removes the text, its labels and its vectors from every search method", async () => {
    await addTexts("texts", ["gone", "kept"], ["peach garden", "peach market"], { namespace: NS, labels: [["x"], ["y"]] });
    const { removeText } = await ok(`mutation($ns: String!) { removeText(collection: "texts", key: "gone", namespace: $ns) { collection status error operation keys } }`, vars);
    expect(removeText).toEqual({ collection: "texts", status: "success", error: "", operation: "delete", keys: ["gone"] });
    for (const method of ["words", "words-hnsw", "small"]) {
      const keys = (await search("texts", method, "peach garden", 50, [NS])).objects.map((o: any) => o.key);
      expect(keys).toContain("kept");
      expect(keys).not.toContain("gone");
    }
    const after = await ok(`query($ns: String!) { text(collection: "texts", key: "gone", namespace: $ns) labels(collection: "texts", key: "gone", namespace: $ns) texts(collection: "texts", namespace: $ns) { key value } }`, vars);
    // Modus's answers for a key that holds nothing: "" and no labels.
    expect(after.text).toBe("");
    expect(after.labels).toEqual([]);
    expect(after.texts.map((p: any) => p.key)).not.toContain("gone");
    const vector = await gql(`query($ns: String!) { vector(collection: "texts", method: "words", key: "gone", namespace: $ns) }`, vars);
    expect(messages(vector)).toContain(
      'Error getting vector from collection (Collection: texts, Namespace: mutations, Method: words, Key: gone): key "gone" in namespace "mutations" has no vector for search method "words"',
    );
  });

  it("of a key that holds nothing succeeds, as in Modus", async () => {
    const { removeText } = await ok(`mutation($ns: String!) { removeText(collection: "texts", key: "never-there", namespace: $ns) { status keys } }`, vars);
    expect(removeText).toEqual({ status: "success", keys: ["never-there"] });
  });
});

describe("getTexts", () => {
  it("lists a namespace's texts by key, in the order first written", async () => {
    await addTexts("texts", ["o3", "o1", "o2"], ["third", "first", "second"], { namespace: "ordered" });
    await addTexts("texts", ["o1"], ["first, again"], { namespace: "ordered" });
    const { texts } = await ok(`{ texts(collection: "texts", namespace: "ordered") { key value } }`);
    expect(texts).toEqual([
      { key: "o3", value: "third" },
      { key: "o1", value: "first, again" },
      { key: "o2", value: "second" },
    ]);
  });
});

describe("recomputeSearchMethod", () => {
  it("embeds every text of the namespace again, and searches answer as before", async () => {
    const texts = Array.from({ length: 230 }, (_, i) => `recomputed text ${i} ${i % 7 === 0 ? "plum" : "pear"}`);
    const keys = texts.map((_, i) => `rc${i}`);
    await addTexts("texts", keys, texts, { namespace: "recompute" });
    const before = await search("texts", "words", "plum", 40, ["recompute"]);
    const { updateVectors } = await ok(`mutation { updateVectors(collection: "texts", method: "words", namespace: "recompute") { collection status error operation searchMethod } }`);
    expect(updateVectors).toEqual({ collection: "texts", status: "success", error: "", operation: "recompute", searchMethod: "words" });
    const after = await search("texts", "words", "plum", 40, ["recompute"]);
    expect(after.objects).toEqual(before.objects);
    expect(after.objects.filter((o: any) => o.text.endsWith("plum"))).toHaveLength(33);
  });
});
