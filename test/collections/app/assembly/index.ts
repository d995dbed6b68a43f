// The collections test app: two embedders (bag-of-words vectors from the
// OpenAI stand-in, of 256 and 32 dimensions) and every collections call,
// with the collection and search method as arguments so tests can name bad ones.
import { collections, models } from "@hypermode/modus-sdk-as";
import { OpenAIEmbeddingsModel } from "@hypermode/modus-sdk-as/models/openai/embeddings";

function embedWith(texts: string[], dimensions: i32): f32[][] {
  const model = models.getModel<OpenAIEmbeddingsModel>("embeddings");
  const input = model.createInput(texts);
  input.dimensions = dimensions;
  const data = model.invoke(input).data;
  const out = new Array<f32[]>(data.length);
  for (let i = 0; i < data.length; i++) out[data[i].index] = data[i].embedding;
  return out;
}

/** The embedder of search methods "words" and "words-hnsw". */
export function embed(texts: string[]): f32[][] {
  return embedWith(texts, 256);
}

/** The embedder of search method "small". */
export function embedSmall(texts: string[]): f32[][] {
  return embedWith(texts, 32);
}

/** Upserts texts under the given keys (new keys when none). */
export function addTexts(
  collection: string,
  keys: string[],
  texts: string[],
  labels: string[][] = [],
  namespace: string = "",
): collections.CollectionMutationResult {
  return collections.upsertBatch(collection, keys, texts, labels, namespace);
}

/** Upserts one text, as Modus's example app does (a null key makes a new one). */
export function addText(
  collection: string,
  key: string | null,
  text: string,
  labels: string[] = [],
  namespace: string = "",
): collections.CollectionMutationResult {
  return collections.upsert(collection, key, text, labels, namespace);
}

export function removeText(collection: string, key: string, namespace: string = ""): collections.CollectionMutationResult {
  return collections.remove(collection, key, namespace);
}

export function searchTexts(
  collection: string,
  method: string,
  text: string,
  limit: i32,
  namespaces: string[] = [],
): collections.CollectionSearchResult {
  return collections.search(collection, method, text, limit, true, namespaces);
}

export function searchVector(
  collection: string,
  method: string,
  vector: f32[],
  limit: i32,
  namespaces: string[] = [],
): collections.CollectionSearchResult {
  return collections.searchByVector(collection, method, vector, limit, true, namespaces);
}

/** Searches by a stored text's vector, as Modus's example `searchProductsById` does. */
export function searchLike(collection: string, method: string, key: string, limit: i32): collections.CollectionSearchResult {
  const vector = collections.getVector(collection, method, key);
  return collections.searchByVector(collection, method, vector, limit);
}

export function classify(collection: string, method: string, text: string, namespace: string = ""): collections.CollectionClassificationResult {
  return collections.nnClassify(collection, method, text, namespace);
}

export function updateVectors(collection: string, method: string, namespace: string = ""): collections.SearchMethodMutationResult {
  return collections.recomputeSearchMethod(collection, method, namespace);
}

export function distance(
  collection: string,
  method: string,
  key1: string,
  key2: string,
  namespace: string = "",
): collections.CollectionSearchResultObject {
  return collections.computeDistance(collection, method, key1, key2, namespace);
}

export function getText(collection: string, key: string, namespace: string = ""): string {
  return collections.getText(collection, key, namespace);
}

export function getTexts(collection: string, namespace: string = ""): Map<string, string> {
  return collections.getTexts(collection, namespace);
}

export function getNamespaces(collection: string): string[] {
  return collections.getNamespaces(collection);
}

export function getVector(collection: string, method: string, key: string, namespace: string = ""): f32[] {
  return collections.getVector(collection, method, key, namespace);
}

export function getLabels(collection: string, key: string, namespace: string = ""): string[] {
  return collections.getLabels(collection, key, namespace);
}

/** Whether an upsert reports success through the SDK's `isSuccessful`. */
export function addSucceeds(collection: string, text: string): bool {
  return collections.upsert(collection, null, text).isSuccessful;
}
