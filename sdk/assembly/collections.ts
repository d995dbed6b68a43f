// Collections: texts stored by key (in namespaces), embedded by the functions
// modus.json names for each search method, and searched by meaning.
// The same API and result shapes as Modus's SDK had before it dropped them.
import * as host from "./externals/collections";
import { resultIsInvalid } from "./utils";

export type CollectionStatus = string;
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace CollectionStatus {
  export const Success = "success";
  export const Error = "error";
}

/** What every collection operation reports. Built by the host: keep the fields and their order. */
abstract class CollectionResult {
  collection: string;
  status: CollectionStatus;
  error: string;

  constructor(collection: string, status: CollectionStatus, error: string) {
    this.collection = collection;
    this.status = status;
    this.error = error;
  }

  get isSuccessful(): bool {
    return this.status == CollectionStatus.Success;
  }
}

/** The outcome of `upsert`, `upsertBatch` or `remove`: the keys written or removed. */
export class CollectionMutationResult extends CollectionResult {
  operation: string;
  keys: string[] = [];

  constructor(collection: string, status: CollectionStatus, error: string, operation: string) {
    super(collection, status, error);
    this.operation = operation;
  }
}

/** The outcome of `recomputeSearchMethod`. */
export class SearchMethodMutationResult extends CollectionResult {
  operation: string;
  searchMethod: string;

  constructor(collection: string, status: CollectionStatus, error: string, operation: string, searchMethod: string) {
    super(collection, status, error);
    this.operation = operation;
    this.searchMethod = searchMethod;
  }
}

/** The nearest texts, closest first. */
export class CollectionSearchResult extends CollectionResult {
  searchMethod: string;
  objects: CollectionSearchResultObject[];

  constructor(collection: string, status: CollectionStatus, error: string, searchMethod: string, objects: CollectionSearchResultObject[]) {
    super(collection, status, error);
    this.searchMethod = searchMethod;
    this.objects = objects;
  }
}

/** One text found: its cosine `distance` to the query, and `score` = 1 - distance. */
export class CollectionSearchResultObject {
  namespace: string;
  key: string;
  text: string;
  labels: string[];
  distance: f64;
  score: f64;

  constructor(namespace: string, key: string, text: string, labels: string[], distance: f64, score: f64) {
    this.namespace = namespace;
    this.key = key;
    this.text = text;
    this.labels = labels;
    this.distance = distance;
    this.score = score;
  }
}

/** The labels of a text's nearest neighbours, most frequent first, and the neighbours themselves. */
export class CollectionClassificationResult extends CollectionResult {
  searchMethod: string;
  labelsResult: CollectionClassificationLabelObject[];
  cluster: CollectionClassificationResultObject[];

  constructor(
    collection: string,
    status: CollectionStatus,
    error: string,
    searchMethod: string,
    labelsResult: CollectionClassificationLabelObject[],
    cluster: CollectionClassificationResultObject[],
  ) {
    super(collection, status, error);
    this.searchMethod = searchMethod;
    this.labelsResult = labelsResult;
    this.cluster = cluster;
  }
}

/** A label and the share of the neighbours' labels it accounts for. */
export class CollectionClassificationLabelObject {
  label: string;
  confidence: f64;

  constructor(label: string, confidence: f64) {
    this.label = label;
    this.confidence = confidence;
  }
}

/** A neighbour counted by `nnClassify`. */
export class CollectionClassificationResultObject {
  key: string;
  labels: string[];
  distance: f64;
  score: f64;

  constructor(key: string, labels: string[], distance: f64, score: f64) {
    this.key = key;
    this.labels = labels;
    this.distance = distance;
    this.score = score;
  }
}

// Argument checks answer as the host would, without a host call.
function refuse(message: string): string {
  console.error(message);
  return message;
}

function mutationError(collection: string, operation: string, message: string): CollectionMutationResult {
  return new CollectionMutationResult(collection, CollectionStatus.Error, refuse(message), operation);
}

function searchError(collection: string, searchMethod: string, message: string): CollectionSearchResult {
  return new CollectionSearchResult(collection, CollectionStatus.Error, refuse(message), searchMethod, []);
}

const emptyObject = (): CollectionSearchResultObject => new CollectionSearchResultObject("", "", "", [], 0.0, 0.0);

/**
 * Stores texts (new keys are UUIDv7s when `keys` is null or empty), embeds
 * them with every search method of the collection, and returns their keys.
 *
 * @example const keys = collections.upsertBatch("docs", null, ["first", "second"]).keys;
 */
export function upsertBatch(
  collection: string,
  keys: string[] | null,
  texts: string[],
  labelsArr: string[][] = [],
  namespace: string = "",
): CollectionMutationResult {
  if (collection.length == 0) return mutationError(collection, "upsert", "Collection is empty.");
  if (texts.length == 0) return mutationError(collection, "upsert", "Texts is empty.");
  const result = host.upsert(collection, namespace, keys == null ? [] : keys, texts, labelsArr);
  if (resultIsInvalid(result)) return mutationError(collection, "upsert", "Error upserting to Text index.");
  return result;
}

/**
 * Stores one text under `key` (a new UUIDv7 when null), replacing what the
 * key held, and embeds it with every search method of the collection.
 *
 * @example collections.upsert("docs", "doc-1", "The quick brown fox", ["animals"]);
 */
export function upsert(
  collection: string,
  key: string | null,
  text: string,
  labels: string[] = [],
  namespace: string = "",
): CollectionMutationResult {
  if (text.length == 0) return mutationError(collection, "upsert", "Text is empty.");
  const keys: string[] = [];
  if (key != null) keys.push(key);
  return upsertBatch(collection, keys, [text], [labels], namespace);
}

/**
 * Removes a text and its vectors.
 *
 * @example collections.remove("docs", "doc-1");
 */
export function remove(collection: string, key: string, namespace: string = ""): CollectionMutationResult {
  if (collection.length == 0) return mutationError(collection, "delete", "Collection is empty.");
  if (key.length == 0) return mutationError(collection, "delete", "Key is empty.");
  const result = host.remove(collection, namespace, key);
  if (resultIsInvalid(result)) return mutationError(collection, "delete", "Error deleting from Text index.");
  return result;
}

/**
 * The `limit` texts nearest to `text` by `searchMethod` (its embedder embeds
 * the query), from the given namespaces (the default one when none), closest first.
 *
 * @example const found = collections.search("docs", "bow", "a fast fox", 5, true).objects;
 */
export function search(
  collection: string,
  searchMethod: string,
  text: string,
  limit: i32,
  returnText: bool = false,
  namespaces: string[] = [],
): CollectionSearchResult {
  if (text.length == 0) return searchError(collection, searchMethod, "Text is empty.");
  const result = host.search(collection, namespaces, searchMethod, text, limit, returnText);
  if (resultIsInvalid(result)) return searchError(collection, searchMethod, "Error searching Text index.");
  return result;
}

/**
 * Like `search`, from a vector instead of a text.
 *
 * @example collections.searchByVector("docs", "bow", collections.getVector("docs", "bow", "doc-1"), 3);
 */
export function searchByVector(
  collection: string,
  searchMethod: string,
  vector: f32[],
  limit: i32,
  returnText: bool = false,
  namespaces: string[] = [],
): CollectionSearchResult {
  if (vector.length == 0) return searchError(collection, searchMethod, "Vector is empty.");
  const result = host.searchByVector(collection, namespaces, searchMethod, vector, limit, returnText);
  if (resultIsInvalid(result)) return searchError(collection, searchMethod, "Error searching Text index by vector.");
  return result;
}

/**
 * Classifies `text` by the labels of its nearest neighbours in a namespace.
 *
 * @example const best = collections.nnClassify("reviews", "bow", "great value").labelsResult[0].label;
 */
export function nnClassify(
  collection: string,
  searchMethod: string,
  text: string,
  namespace: string = "",
): CollectionClassificationResult {
  if (text.length == 0) {
    return new CollectionClassificationResult(collection, CollectionStatus.Error, refuse("Text is empty."), searchMethod, [], []);
  }
  const result = host.classifyText(collection, namespace, searchMethod, text);
  if (resultIsInvalid(result)) {
    const message = refuse("Error classifying Text index.");
    return new CollectionClassificationResult(collection, CollectionStatus.Error, message, searchMethod, [], []);
  }
  return result;
}

/**
 * Embeds every text of a namespace again with `searchMethod`'s embedder
 * (after changing the embedder, or adding the method to a collection with texts).
 *
 * @example collections.recomputeSearchMethod("docs", "bow");
 */
export function recomputeSearchMethod(collection: string, searchMethod: string, namespace: string = ""): SearchMethodMutationResult {
  let message = "";
  if (collection.length == 0) message = "Collection is empty.";
  else if (searchMethod.length == 0) message = "Search method is empty.";
  if (message.length == 0) {
    const result = host.recomputeIndex(collection, namespace, searchMethod);
    if (!resultIsInvalid(result)) return result;
    message = "Error recomputing Text index.";
  }
  return new SearchMethodMutationResult(collection, CollectionStatus.Error, refuse(message), "recompute", searchMethod);
}

/**
 * The cosine distance between two stored texts' vectors (and `score`, 1 - distance).
 *
 * @example const d = collections.computeDistance("docs", "bow", "doc-1", "doc-2").distance;
 */
export function computeDistance(
  collection: string,
  searchMethod: string,
  key1: string,
  key2: string,
  namespace: string = "",
): CollectionSearchResultObject {
  let message = "";
  if (collection.length == 0) message = "Collection is empty.";
  else if (searchMethod.length == 0) message = "Search method is empty.";
  else if (key1.length == 0) message = "Key1 is empty.";
  else if (key2.length == 0) message = "Key2 is empty.";
  if (message.length) {
    refuse(message);
    return emptyObject();
  }
  return host.computeDistance(collection, namespace, searchMethod, key1, key2);
}

/**
 * @deprecated Use `collections.computeDistance` instead.
 */
export function computeSimilarity(
  collection: string,
  searchMethod: string,
  key1: string,
  key2: string,
  namespace: string = "",
): CollectionSearchResultObject {
  return computeDistance(collection, searchMethod, key1, key2, namespace);
}

/**
 * The text stored under `key` ("" when there is none).
 *
 * @example collections.getText("docs", "doc-1");
 */
export function getText(collection: string, key: string, namespace: string = ""): string {
  if (collection.length == 0 || key.length == 0) {
    refuse(collection.length == 0 ? "Collection is empty." : "Key is empty.");
    return "";
  }
  return host.getText(collection, namespace, key);
}

/**
 * Every text of a namespace, by key.
 *
 * @example const all = collections.getTexts("docs");
 */
export function getTexts(collection: string, namespace: string = ""): Map<string, string> {
  if (collection.length == 0) {
    refuse("Collection is empty.");
    return new Map<string, string>();
  }
  return host.dumpTexts(collection, namespace);
}

/**
 * The namespaces that have been written to.
 *
 * @example collections.getNamespaces("docs"); // ["", "team-a"]
 */
export function getNamespaces(collection: string): string[] {
  if (collection.length == 0) {
    refuse("Collection is empty.");
    return [];
  }
  return host.getNamespaces(collection);
}

/**
 * The vector `searchMethod`'s embedder made for a stored text.
 *
 * @example const v = collections.getVector("docs", "bow", "doc-1");
 */
export function getVector(collection: string, searchMethod: string, key: string, namespace: string = ""): f32[] {
  let message = "";
  if (collection.length == 0) message = "Collection is empty.";
  else if (searchMethod.length == 0) message = "Search method is empty.";
  else if (key.length == 0) message = "Key is empty.";
  if (message.length) {
    refuse(message);
    return [];
  }
  return host.getVector(collection, namespace, searchMethod, key);
}

/**
 * The labels stored with a text.
 *
 * @example collections.getLabels("docs", "doc-1"); // ["animals"]
 */
export function getLabels(collection: string, key: string, namespace: string = ""): string[] {
  if (collection.length == 0 || key.length == 0) {
    refuse(collection.length == 0 ? "Collection is empty." : "Key is empty.");
    return [];
  }
  return host.getLabels(collection, namespace, key);
}
