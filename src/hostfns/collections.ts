import * as collections from "../collections/host";
import type { AbiHostFunction } from "./types";

const MODULE = "modus_collections";
const STRINGS = "~lib/array/Array<~lib/string/String>";
const LABELS = "~lib/array/Array<~lib/array/Array<~lib/string/String>>";
const VECTOR = "~lib/array/Array<f32>";
const TEXTS = "~lib/map/Map<~lib/string/String,~lib/string/String>";

const fn = (name: string, params: string[], result: string, impl: AbiHostFunction["impl"]): AbiHostFunction => ({
  kind: "abi",
  module: MODULE,
  name,
  params,
  result,
  async: true,
  impl,
});

/**
 * The `modus_collections` import module, with Modus's names and signatures:
 * each call reaches the collection's Durable Object (after the app's embedder,
 * for texts) and suspends the guest until it answers (JSPI). Failures are
 * logged to the function; calls with a result class answer it with status
 * "error" and the reason, the others null, as in Modus.
 */
export const collectionFunctions: readonly AbiHostFunction[] = [
  fn("upsert", ["string", "string", STRINGS, STRINGS, LABELS], "CollectionMutationResult", collections.upsert),
  fn("delete", ["string", "string", "string"], "CollectionMutationResult", collections.remove),
  fn("search", ["string", STRINGS, "string", "string", "i32", "bool"], "CollectionSearchResult", collections.search),
  fn("searchByVector", ["string", STRINGS, "string", VECTOR, "i32", "bool"], "CollectionSearchResult", collections.searchByVector),
  fn("classifyText", ["string", "string", "string", "string"], "CollectionClassificationResult", collections.classifyText),
  fn("recomputeIndex", ["string", "string", "string"], "SearchMethodMutationResult", collections.recomputeIndex),
  fn("computeDistance", ["string", "string", "string", "string", "string"], "CollectionSearchResultObject", collections.computeDistance),
  fn("getText", ["string", "string", "string"], "string", collections.getText),
  fn("dumpTexts", ["string", "string"], TEXTS, collections.dumpTexts),
  fn("getNamespaces", ["string"], STRINGS, collections.getNamespaces),
  fn("getVector", ["string", "string", "string", "string"], VECTOR, collections.getVector),
  fn("getLabels", ["string", "string", "string"], STRINGS, collections.getLabels),
];
