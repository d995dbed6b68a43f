import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleWorker, serveWorker, type BundledWorker } from "../agents/miniflare";
import { startProviderStub, type ProviderStub } from "../support/provider-stub";

// A real restart: the collections test Worker runs in one workerd process,
// which is stopped, then in a new one on the same persisted Durable Object
// storage. The embedder reaches the OpenAI stand-in, started here.

const API_KEY = "sk-restart-5d2e";
let worker: BundledWorker;
let provider: ProviderStub;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  worker = await bundleWorker(path.resolve("test/collections/worker.ts"));
  provider = await startProviderStub({ apiKey: API_KEY });
}, 60_000);
afterAll(async () => {
  for (const stop of stops) await stop().catch(() => {});
  await provider?.close();
});

const ok = async (serve: Awaited<ReturnType<typeof serveWorker>>, query: string, variables?: Record<string, unknown>) => {
  const body = await serve.gql(query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

const ADD = `mutation($k: [String!]!, $t: [String!]!, $ns: String!) { addTexts(collection: "texts", keys: $k, texts: $t, namespace: $ns) { status } }`;
const SEARCH = `query($ns: [String!]!) { searchTexts(collection: "texts", method: "words", text: "pear tree in winter", limit: 8, namespaces: $ns) { objects { namespace key text distance score } } }`;

describe("a Worker restart", () => {
  it("keeps every collection's texts, vectors and namespaces (persisted Durable Object storage)", async () => {
    const persist = mkdtempSync(path.join(tmpdir(), "modus-edge-collections-state-"));
    const bindings = {
      MODUS_ENV: "dev",
      MODUS_OPENAI_API_KEY: API_KEY,
      MODUS_OPENAI_ORIGIN: new URL(provider.url).origin,
      // Embedding a hundred texts in one call is more than the default compute budget (src/limits).
      MODUS_CALL_TIME_LIMIT_MS: "2000",
      MODUS_REQUEST_TIME_LIMIT_MS: "5000",
    };
    const texts = Array.from({ length: 300 }, (_, i) => `${["pear", "plum", "fig"][i % 3]} ${["tree", "jam", "tart", "winter"][i % 4]} number${i}`);
    const keys = texts.map((_, i) => `k${i}`);

    const first = await serveWorker(worker, { persist, bindings });
    stops.push(first.dispose);
    for (let i = 0; i < 300; i += 100) {
      expect((await ok(first, ADD, { k: keys.slice(i, i + 100), t: texts.slice(i, i + 100), ns: "kept" })).addTexts.status).toBe("success");
    }
    await ok(first, ADD, { k: ["other"], t: ["pear tree in winter"], ns: "other" });
    const before = await ok(first, SEARCH, { ns: ["kept", "other"] });
    expect(before.searchTexts.objects[0]).toMatchObject({ namespace: "other", key: "other" });
    await first.dispose();

    const second = await serveWorker(worker, { persist, bindings });
    stops.push(second.dispose);
    // The object loads its vectors from SQLite again: the same answer, to the last digit.
    expect(await ok(second, SEARCH, { ns: ["kept", "other"] })).toEqual(before);
    const after = await ok(second, `{ namespaces(collection: "texts") texts(collection: "texts", namespace: "kept") { key value } }`);
    expect(after.namespaces).toEqual(["kept", "other"]);
    expect(after.texts).toEqual(keys.map((key, i) => ({ key, value: texts[i] })));
    // And it takes writes.
    await ok(second, `mutation { removeText(collection: "texts", key: "other", namespace: "other") { status } }`);
    const last = await ok(second, SEARCH, { ns: ["kept", "other"] });
    expect(last.searchTexts.objects.map((o: { key: string }) => o.key)).not.toContain("other");
    await second.dispose();
  }, 180_000);
});
