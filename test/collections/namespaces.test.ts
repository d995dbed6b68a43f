import { describe, expect, it } from "vitest";
import { addTexts, gql, messages, ok, search } from "./client";

// The same keys in two namespaces of one collection hold different texts;
// the default namespace is the empty name.
describe("namespaces", () => {
  it("keep the same keys apart, and searches see only the namespaces they name", async () => {
    await addTexts("texts", ["k1", "k2"], ["orange juice", "orange tree"], { namespace: "ns-a" });
    await addTexts("texts", ["k1", "k2"], ["blue whale", "orange sunset"], { namespace: "ns-b" });

    const a = await search("texts", "words", "orange", 10, ["ns-a"]);
    expect(a.objects.map((o: any) => [o.namespace, o.key, o.text])).toEqual([
      ["ns-a", "k1", "orange juice"],
      ["ns-a", "k2", "orange tree"],
    ]);
    const b = await search("texts", "words", "orange", 10, ["ns-b"]);
    expect(b.objects.map((o: any) => [o.key, o.text])).toEqual([
      ["k2", "orange sunset"],
      ["k1", "blue whale"],
    ]);
    expect((await ok(`{ text(collection: "texts", key: "k1", namespace: "ns-b") }`)).text).toBe("blue whale");
    expect((await ok(`{ text(collection: "texts", key: "k1", namespace: "ns-a") }`)).text).toBe("orange juice");
  });

  it("are merged by distance when a search names several, cut at the limit", async () => {
    await addTexts("texts", ["x"], ["orange orange orange"], { namespace: "ns-c" });
    const both = await search("texts", "words", "orange", 3, ["ns-a", "ns-c"]);
    expect(both.objects.map((o: any) => [o.namespace, o.key])).toEqual([
      ["ns-c", "x"],
      ["ns-a", "k1"],
      ["ns-a", "k2"],
    ]);
    expect(both.objects[0].distance).toBeCloseTo(0, 6);
    expect(both.objects[1].distance).toBeCloseTo(both.objects[2].distance, 12);
  });

  it("are listed, sorted, once written to; the default one is the empty name", async () => {
    await addTexts("texts", ["d1"], ["default namespace text"]);
    const { namespaces } = await ok(`{ namespaces(collection: "texts") }`);
    expect(namespaces).toEqual(expect.arrayContaining(["", "ns-a", "ns-b", "ns-c"]));
    expect(namespaces).toEqual([...namespaces].sort());
    // No namespaces given: the default one.
    const found = await search("texts", "words", "default namespace text", 1);
    expect(found.objects[0]).toMatchObject({ namespace: "", key: "d1" });
    // Modus's example searches by a stored vector without naming a namespace.
    const { searchLike } = await ok(`{ searchLike(collection: "texts", method: "words", key: "d1", limit: 1) { status objects { namespace key } } }`);
    expect(searchLike).toEqual({ status: "success", objects: [{ namespace: "", key: "d1" }] });
  });

  it("that were never written to are an error naming them", async () => {
    const got = await search("texts", "words", "orange", 3, ["ns-a", "never-written"]);
    expect(got).toMatchObject({ status: "error", error: 'namespace "never-written" does not exist (nothing was ever upserted to it)', objects: [] });
    expect(messages(got)).toEqual([
      'Error searching collection (Collection: texts, Namespaces: [ns-a never-written], Method: words): namespace "never-written" does not exist (nothing was ever upserted to it)',
    ]);
    const text = await gql(`{ text(collection: "texts", key: "k1", namespace: "nope") }`);
    expect(messages(text)).toContain(
      'Error getting text from collection (Collection: texts, Namespace: nope, Key: k1): namespace "nope" does not exist (nothing was ever upserted to it)',
    );
  });
});
