// The work of the `modus_collections` host functions (../hostfns/collections.ts
// is only the table): names checked against modus.json, texts embedded by the
// app's embedder functions here in the Worker, then the collection's object.
import type { CallContext } from "../wasm/context";
import type { CollectionManifest } from "../manifest/types";
import { collectionStub } from "./bindings";
import { uuidv7 } from "./keys";
import type { CollectionRpc } from "./rpc";
import type { ClassificationResult, MutationResult, Outcome, SearchMethodMutationResult, SearchObject, SearchResult } from "./types";

/** A problem with what the function asked for: its message names the thing at fault. */
export class CollectionError extends Error {
  override name = "CollectionError";
}

/** Texts per embedder call when a search method is recomputed (Modus embedded in batches too). */
export const RECOMPUTE_BATCH = 100;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const unwrap = <T>(outcome: Outcome<T>): T => {
  if ("error" in outcome) throw new CollectionError(outcome.error);
  return outcome.ok;
};
const showKeys = (keys: string[]) => `[${keys.slice(0, 5).join(" ")}${keys.length > 5 ? ` … ${keys.length} keys` : ""}]`;

/**
 * Runs one host call. A failure is logged to the function as an error with
 * Modus's wording and detail (so the GraphQL response reports it), and
 * answered with `failed(reason)`: an error result for the calls that return
 * one, null (which the SDK handles) for the others.
 */
async function hostCall<T>(ctx: CallContext, what: string, detail: string, work: () => Promise<T>, failed: (reason: string) => T | null): Promise<T | null> {
  try {
    return await work();
  } catch (err) {
    ctx.logs.push({ level: "error", message: `${what.replace(/\.$/, "")} (${detail}): ${message(err)}` });
    return failed(message(err));
  }
}

function collectionOf(ctx: CallContext, name: string): CollectionManifest {
  const collections = ctx.manifest.collections ?? {};
  if (!Object.hasOwn(collections, name)) {
    const known = Object.keys(collections);
    throw new CollectionError(`collection "${name}" is not defined in modus.json${known.length ? ` (its collections: ${known.join(", ")})` : ""}`);
  }
  return collections[name]!;
}

/** The embedder of a collection's search method. */
function embedderOf(ctx: CallContext, collection: string, method: string): string {
  const methods = collectionOf(ctx, collection).searchMethods ?? {};
  if (!Object.hasOwn(methods, method)) {
    const known = Object.keys(methods);
    throw new CollectionError(`collection "${collection}" has no search method "${method}"${known.length ? ` (its search methods: ${known.join(", ")})` : ""}`);
  }
  return methods[method]!.embedder;
}

async function embed(ctx: CallContext, embedder: string, texts: string[]): Promise<Float32Array[]> {
  const embedders = ctx.services.embedders;
  if (!embedders) throw new CollectionError("the app's embedders are not loaded here");
  return embedders.embed(ctx, embedder, texts);
}

const stub = (ctx: CallContext, collection: string): CollectionRpc => collectionStub(ctx.env, collection);

/** `modus_collections.upsert`: embeds the texts with every search method, then stores them with their vectors. */
export function upsert(ctx: CallContext, collection: string, namespace: string, keys: string[], texts: string[], labels: string[][]) {
  const fail = (error: string): MutationResult => ({ collection, status: "error", error, operation: "upsert", keys: [] });
  return hostCall(ctx, "Error upserting to collection.", `Collection: ${collection}, Namespace: ${namespace}, Keys: ${showKeys(keys)}`, async (): Promise<MutationResult> => {
    const methods = collectionOf(ctx, collection).searchMethods ?? {};
    if (keys.length && keys.length !== texts.length) throw new CollectionError(`${keys.length} keys for ${texts.length} texts; give one key per text, or none`);
    if (labels.length && labels.length !== texts.length) throw new CollectionError(`${labels.length} label lists for ${texts.length} texts; give one per text, or none`);
    const written = keys.length ? keys : texts.map(() => uuidv7());
    // One call per embedder, however many search methods share it.
    const byEmbedder = new Map<string, Promise<Float32Array[]>>();
    const vectors: Record<string, Float32Array[]> = {};
    for (const [method, { embedder }] of Object.entries(methods)) {
      if (!byEmbedder.has(embedder)) byEmbedder.set(embedder, embed(ctx, embedder, texts));
      vectors[method] = await byEmbedder.get(embedder)!;
    }
    const stored = texts.map((text, i) => ({ key: written[i]!, text, labels: labels[i] ?? [] }));
    unwrap(await stub(ctx, collection).upsert(namespace, stored, vectors));
    return { collection, status: "success", error: "", operation: "upsert", keys: written };
  }, fail);
}

/** `modus_collections.delete`: removes a text and its vectors (a key holding none is no error, as in Modus). */
export function remove(ctx: CallContext, collection: string, namespace: string, key: string) {
  const fail = (error: string): MutationResult => ({ collection, status: "error", error, operation: "delete", keys: [] });
  return hostCall(ctx, "Error deleting from collection.", `Collection: ${collection}, Namespace: ${namespace}, Key: ${key}`, async (): Promise<MutationResult> => {
    collectionOf(ctx, collection);
    unwrap(await stub(ctx, collection).remove(namespace, key));
    return { collection, status: "success", error: "", operation: "delete", keys: [key] };
  }, fail);
}

async function nearest(ctx: CallContext, collection: string, namespaces: string[], method: string, query: Float32Array, limit: number): Promise<SearchResult> {
  const found = unwrap(await stub(ctx, collection).search(namespaces.length ? namespaces : [""], method, query, limit > 0 ? limit : 1));
  const objects: SearchObject[] = found.map((h) => ({ ...h, score: 1 - h.distance }));
  return { collection, status: "success", error: "", searchMethod: method, objects };
}

/**
 * `modus_collections.search`: the nearest texts to `text` across the
 * namespaces (the default one when none), closest first. Texts are always
 * returned, whatever `returnText` says, as Modus did.
 */
export function search(ctx: CallContext, collection: string, namespaces: string[], method: string, text: string, limit: number, _returnText: boolean) {
  const fail = (error: string): SearchResult => ({ collection, status: "error", error, searchMethod: method, objects: [] });
  return hostCall(ctx, "Error searching collection.", `Collection: ${collection}, Namespaces: [${namespaces.join(" ")}], Method: ${method}`, async () => {
    const [query] = await embed(ctx, embedderOf(ctx, collection, method), [text]);
    return nearest(ctx, collection, namespaces, method, query!, limit);
  }, fail);
}

/** `modus_collections.searchByVector`: as `search`, from a vector. */
export function searchByVector(ctx: CallContext, collection: string, namespaces: string[], method: string, vector: number[], limit: number, _returnText: boolean) {
  const fail = (error: string): SearchResult => ({ collection, status: "error", error, searchMethod: method, objects: [] });
  return hostCall(ctx, "Error searching collection by vector.", `Collection: ${collection}, Namespaces: [${namespaces.join(" ")}], Method: ${method}`, async () => {
    embedderOf(ctx, collection, method);
    return nearest(ctx, collection, namespaces, method, Float32Array.from(vector), limit);
  }, fail);
}

/** `modus_collections.classifyText`: the labels of the text's nearest neighbours (Modus's nnClassify). */
export function classifyText(ctx: CallContext, collection: string, namespace: string, method: string, text: string) {
  const fail = (error: string): ClassificationResult => ({ collection, status: "error", error, searchMethod: method, labelsResult: [], cluster: [] });
  return hostCall(ctx, "Error while classifying text.", `Collection: ${collection}, Namespace: ${namespace}, Method: ${method}`, async (): Promise<ClassificationResult> => {
    const [query] = await embed(ctx, embedderOf(ctx, collection, method), [text]);
    const { labelsResult, cluster } = unwrap(await stub(ctx, collection).classify(namespace, method, query!));
    return { collection, status: "success", error: "", searchMethod: method, labelsResult, cluster };
  }, fail);
}

/** `modus_collections.recomputeIndex`: embeds every text of the namespace again, in batches. */
export function recomputeIndex(ctx: CallContext, collection: string, namespace: string, method: string) {
  const fail = (error: string): SearchMethodMutationResult => ({ collection, status: "error", error, operation: "recompute", searchMethod: method });
  return hostCall(ctx, "Error recomputing index for collection.", `Collection: ${collection}, Namespace: ${namespace}, Method: ${method}`, async (): Promise<SearchMethodMutationResult> => {
    const embedder = embedderOf(ctx, collection, method);
    const object = stub(ctx, collection);
    const texts = unwrap(await object.texts(namespace));
    for (let i = 0; i < texts.length; i += RECOMPUTE_BATCH) {
      const batch = texts.slice(i, i + RECOMPUTE_BATCH).map(({ key, text }) => ({ key, text }));
      const vectors = await embed(ctx, embedder, batch.map((t) => t.text));
      unwrap(await object.refresh(namespace, method, batch, vectors));
    }
    return { collection, status: "success", error: "", operation: "recompute", searchMethod: method };
  }, fail);
}

/** `modus_collections.computeDistance`: the cosine distance of two stored texts' vectors. */
export function computeDistance(ctx: CallContext, collection: string, namespace: string, method: string, key1: string, key2: string) {
  return hostCall(ctx, "Error computing distance.", `Collection: ${collection}, Namespace: ${namespace}, Method: ${method}`, async (): Promise<SearchObject> => {
    embedderOf(ctx, collection, method);
    const distance = unwrap(await stub(ctx, collection).distance(namespace, method, key1, key2));
    return { namespace, key: "", text: "", labels: [], distance, score: 1 - distance };
  }, () => null);
}

/** `modus_collections.getText`: the text under `key`, "" when there is none (as in Modus). */
export function getText(ctx: CallContext, collection: string, namespace: string, key: string) {
  return hostCall(ctx, "Error getting text from collection.", `Collection: ${collection}, Namespace: ${namespace}, Key: ${key}`, async () => {
    collectionOf(ctx, collection);
    return unwrap(await stub(ctx, collection).text(namespace, key))?.text ?? "";
  }, () => null);
}

/** `modus_collections.getLabels`: the labels stored with `key`, none when there is no such key (as in Modus). */
export function getLabels(ctx: CallContext, collection: string, namespace: string, key: string) {
  return hostCall(ctx, "Error getting labels from collection.", `Collection: ${collection}, Namespace: ${namespace}, Key: ${key}`, async () => {
    collectionOf(ctx, collection);
    return unwrap(await stub(ctx, collection).text(namespace, key))?.labels ?? [];
  }, () => null);
}

/** `modus_collections.dumpTexts`: every text of the namespace by key, in the order first written. */
export function dumpTexts(ctx: CallContext, collection: string, namespace: string) {
  return hostCall(ctx, "Error dumping texts from collection.", `Collection: ${collection}, Namespace: ${namespace}`, async () => {
    collectionOf(ctx, collection);
    const texts = unwrap(await stub(ctx, collection).texts(namespace));
    return new Map(texts.map((t) => [t.key, t.text]));
  }, () => null);
}

/** `modus_collections.getNamespaces`: the namespaces written to, sorted. */
export function getNamespaces(ctx: CallContext, collection: string) {
  return hostCall(ctx, "Error getting namespaces from collection.", `Collection: ${collection}`, async () => {
    collectionOf(ctx, collection);
    return stub(ctx, collection).namespaces();
  }, () => null);
}

/** `modus_collections.getVector`: the stored vector of `key` for a search method. */
export function getVector(ctx: CallContext, collection: string, namespace: string, method: string, key: string) {
  return hostCall(ctx, "Error getting vector from collection.", `Collection: ${collection}, Namespace: ${namespace}, Method: ${method}, Key: ${key}`, async () => {
    embedderOf(ctx, collection, method);
    return Array.from(unwrap(await stub(ctx, collection).vector(namespace, method, key)));
  }, () => null);
}
