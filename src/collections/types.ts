// The shapes that cross the boundary: the SDK's result classes as the host
// builds them, and what the collection's Durable Object answers.

/** A reply or the reason there is none: what crosses from a collection's Durable Object. */
export type Outcome<T> = { ok: T } | { error: string };

export type CollectionStatus = "success" | "error";

/** The fields every result class shares (the SDK's `CollectionResult`). */
interface CollectionResult {
  collection: string;
  status: CollectionStatus;
  error: string;
}

/** The SDK's `CollectionMutationResult` (upsert, delete). */
export interface MutationResult extends CollectionResult {
  operation: "upsert" | "delete";
  keys: string[];
}

/** The SDK's `SearchMethodMutationResult` (recompute). */
export interface SearchMethodMutationResult extends CollectionResult {
  operation: "recompute";
  searchMethod: string;
}

/** The SDK's `CollectionSearchResultObject`: one text found; `score` is 1 - distance. */
export interface SearchObject {
  namespace: string;
  key: string;
  text: string;
  labels: string[];
  distance: number;
  score: number;
}

/** The SDK's `CollectionSearchResult`. */
export interface SearchResult extends CollectionResult {
  searchMethod: string;
  objects: SearchObject[];
}

/** The SDK's `CollectionClassificationLabelObject` and `CollectionClassificationResultObject`. */
export interface LabelShare {
  label: string;
  confidence: number;
}
export interface Neighbour {
  key: string;
  labels: string[];
  distance: number;
  score: number;
}

/** The SDK's `CollectionClassificationResult`. */
export interface ClassificationResult extends CollectionResult {
  searchMethod: string;
  labelsResult: LabelShare[];
  cluster: Neighbour[];
}

/** What a search answers before the host shapes it: the nearest texts, closest first. */
export interface Hit {
  namespace: string;
  key: string;
  text: string;
  labels: string[];
  distance: number;
}

/** Modus's default namespace: the empty name. */
export const DEFAULT_NAMESPACE = "";

/** How the collection's answers name a namespace ("the default namespace" for ""). */
export const showNamespace = (ns: string): string => (ns === DEFAULT_NAMESPACE ? "the default namespace" : `namespace "${ns}"`);
