// Raw host imports of the `modus_collections` module, with Modus's names and
// signatures. The public API is `collections`.
import {
  CollectionClassificationResult,
  CollectionMutationResult,
  CollectionSearchResult,
  CollectionSearchResultObject,
  SearchMethodMutationResult,
} from "../collections";

// An empty namespace is the default one; an empty `namespaces` list searches it.

// @ts-expect-error: decorator
@external("modus_collections", "upsert")
export declare function upsert(
  collection: string,
  namespace: string,
  keys: string[],
  texts: string[],
  labels: string[][],
): CollectionMutationResult;

// @ts-expect-error: decorator
@external("modus_collections", "delete")
export declare function remove(collection: string, namespace: string, key: string): CollectionMutationResult;

// @ts-expect-error: decorator
@external("modus_collections", "search")
export declare function search(
  collection: string,
  namespaces: string[],
  searchMethod: string,
  text: string,
  limit: i32,
  returnText: bool,
): CollectionSearchResult;

// @ts-expect-error: decorator
@external("modus_collections", "searchByVector")
export declare function searchByVector(
  collection: string,
  namespaces: string[],
  searchMethod: string,
  vector: f32[],
  limit: i32,
  returnText: bool,
): CollectionSearchResult;

// @ts-expect-error: decorator
@external("modus_collections", "classifyText")
export declare function classifyText(
  collection: string,
  namespace: string,
  searchMethod: string,
  text: string,
): CollectionClassificationResult;

// @ts-expect-error: decorator
@external("modus_collections", "recomputeIndex")
export declare function recomputeIndex(collection: string, namespace: string, searchMethod: string): SearchMethodMutationResult;

// @ts-expect-error: decorator
@external("modus_collections", "computeDistance")
export declare function computeDistance(
  collection: string,
  namespace: string,
  searchMethod: string,
  key1: string,
  key2: string,
): CollectionSearchResultObject;

// @ts-expect-error: decorator
@external("modus_collections", "getText")
export declare function getText(collection: string, namespace: string, key: string): string;

// @ts-expect-error: decorator
@external("modus_collections", "dumpTexts")
export declare function dumpTexts(collection: string, namespace: string): Map<string, string>;

// @ts-expect-error: decorator
@external("modus_collections", "getNamespaces")
export declare function getNamespaces(collection: string): string[];

// @ts-expect-error: decorator
@external("modus_collections", "getVector")
export declare function getVector(collection: string, namespace: string, searchMethod: string, key: string): f32[];

// @ts-expect-error: decorator
@external("modus_collections", "getLabels")
export declare function getLabels(collection: string, namespace: string, key: string): string[];
