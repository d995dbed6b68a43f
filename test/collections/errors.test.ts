import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import wasm from "./build/app.wasm";
import manifest from "./build/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { addTexts, gql, messages, ok, search } from "./client";

const NS = "errors";
const SEARCH = `query($c: String!, $m: String!) { searchTexts(collection: $c, method: $m, text: "apple", limit: 3) { collection status error searchMethod objects { key } } }`;

beforeAll(async () => {
  await addTexts("texts", ["e1"], ["apple pie"], { namespace: NS });
});

describe("bad names", () => {
  it("a collection modus.json does not define: an error result naming it, and the reason in the response's errors", async () => {
    const body = await gql(SEARCH, { c: "products", m: "words" });
    expect(body.data.searchTexts).toEqual({
      collection: "products",
      status: "error",
      error: 'collection "products" is not defined in modus.json (its collections: texts, reviews)',
      searchMethod: "words",
      objects: [],
    });
    expect(messages(body)).toEqual([
      'Error searching collection (Collection: products, Namespaces: [], Method: words): collection "products" is not defined in modus.json (its collections: texts, reviews)',
    ]);
  });

  it("a search method the collection does not have", async () => {
    const body = await gql(SEARCH, { c: "texts", m: "semantic" });
    expect(body.data.searchTexts.error).toBe('collection "texts" has no search method "semantic" (its search methods: words, words-hnsw, small)');
    const vector = await gql(`{ vector(collection: "reviews", method: "small", key: "x") }`);
    expect(messages(vector)).toContain(
      'Error getting vector from collection (Collection: reviews, Namespace: , Method: small, Key: x): collection "reviews" has no search method "small" (its search methods: words)',
    );
  });

  it("in every call, checked before the collection's object is asked", async () => {
    const calls = [
      `mutation { addText(collection: "nope", key: "k", text: "t") { error } }`,
      `mutation { removeText(collection: "nope", key: "k") { error } }`,
      `{ classify(collection: "nope", method: "words", text: "t") { error } }`,
      `mutation { updateVectors(collection: "nope", method: "words") { error } }`,
      `{ namespaces(collection: "nope") }`,
      `{ texts(collection: "nope") { key } }`,
      `{ labels(collection: "nope", key: "k") }`,
      `{ distance(collection: "nope", method: "words", key1: "a", key2: "b") { distance } }`,
    ];
    for (const call of calls) {
      expect(messages(await gql(call)).join("\n")).toContain('collection "nope" is not defined in modus.json');
    }
  });
});

describe("bad arguments", () => {
  it("keys or labels that do not match the texts, one for one", async () => {
    const keys = await gql(`mutation { addTexts(collection: "texts", keys: ["a"], texts: ["x", "y"], namespace: "${NS}") { status error } }`);
    expect(keys.data.addTexts).toEqual({ status: "error", error: "1 keys for 2 texts; give one key per text, or none" });
    const labels = await gql(`mutation { addTexts(collection: "texts", keys: [], texts: ["x", "y"], labels: [["l"]], namespace: "${NS}") { status error } }`);
    expect(labels.data.addTexts).toEqual({ status: "error", error: "1 label lists for 2 texts; give one per text, or none" });
  });

  it("a vector of the wrong length", async () => {
    const body = await gql(`{ searchVector(collection: "texts", method: "words", vector: [1, 0, 0], limit: 1, namespaces: ["${NS}"]) { status error } }`);
    expect(body.data.searchVector).toEqual({
      status: "error",
      error: 'search method "words" holds vectors of 256 dimensions, not 3 (after changing its embedder, recompute the search method)',
    });
  });

  it("what the SDK refuses before any host call (Modus's messages)", async () => {
    const empty = await gql(`{ searchTexts(collection: "texts", method: "words", text: "", limit: 1) { status error } }`);
    expect(empty.data.searchTexts).toEqual({ status: "error", error: "Text is empty." });
    expect(messages(empty)).toEqual(["Text is empty."]);
    const noTexts = await gql(`mutation { addTexts(collection: "texts", keys: [], texts: []) { status error } }`);
    expect(noTexts.data.addTexts).toEqual({ status: "error", error: "Texts is empty." });
  });
});

describe("a failing embedder", () => {
  it("fails the upsert with its reason, and stores nothing", async () => {
    const body = await gql(`mutation { addTexts(collection: "texts", keys: ["bad"], texts: ["[fail-500] apple"], namespace: "${NS}") { status error keys } }`);
    expect(body.data.addTexts.status).toBe("error");
    expect(body.data.addTexts.error).toMatch(/^embedder "embed" failed: /);
    expect((await ok(`{ text(collection: "texts", key: "bad", namespace: "${NS}") }`)).text).toBe("");
    expect((await search("texts", "words", "apple", 5, [NS])).objects.map((o: any) => o.key)).toEqual(["e1"]);
  });
});

describe("embedders", () => {
  it("are not in the served schema", async () => {
    const { __schema } = await ok(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`);
    const names = [...__schema.queryType.fields, ...__schema.mutationType.fields].map((f: { name: string }) => f.name);
    expect(names).toContain("searchTexts");
    expect(names).not.toContain("embed");
    expect(names).not.toContain("embedSmall");
    expect(messages(await gql(`{ embed(texts: ["a"]) }`))).toEqual(['Cannot query field "embed" on type "Query".']);
  });

  it("with the wrong signature keep the Worker from starting, named by JSON path", async () => {
    const bad = structuredClone(manifest) as any;
    bad.collections.texts.searchMethods.words.embedder = "getText";
    bad.collections.reviews.searchMethods.words.embedder = "embedLater";
    const app = createApp((services) => loadApp(wasm, bad, services));
    const res = await app.fetch(new Request("http://localhost/graphql", { method: "POST", body: "{}" }), env);
    expect(res.status).toBe(503);
    const { errors } = (await res.json()) as { errors: { message: string }[] };
    expect(errors[0]!.message).toBe(
      "modus-edge could not start: " +
        'collections.texts.searchMethods.words.embedder: function "getText" must take string[] and return f32[][]; it is (collection: string, key: string, namespace: string) => string\n' +
        'collections.reviews.searchMethods.words.embedder: the app exports no function "embedLater"',
    );
  });
});

describe("a Worker without the collections' binding", () => {
  it("answers an error naming the binding modus-edge build writes", async () => {
    const app = createApp((services) => loadApp(wasm, manifest, services));
    const { MODUS_COLLECTIONS: _, ...without } = env as Record<string, unknown>;
    const res = await app.fetch(
      new Request("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ namespaces(collection: "texts") }` }),
      }),
      without,
    );
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors.map((e) => e.message)).toContain(
      "Error getting namespaces from collection (Collection: texts): collections need the Durable Object binding MODUS_COLLECTIONS in the Worker's wrangler config (modus-edge build writes it)",
    );
  });
});
