import type { StoredText } from "./store";
import type { Hit, LabelShare, Neighbour, Outcome } from "./types";

/**
 * The methods a collection's Durable Object offers over RPC (the host's
 * view of it). Vectors arrive computed: the object stores and searches.
 * A namespace that was never written to answers an error.
 */
export interface CollectionRpc {
  /** Writes texts and, per search method, one vector per text. */
  upsert(ns: string, texts: StoredText[], vectors: Record<string, Float32Array[]>): Promise<Outcome<null>>;
  /** Removes a text and its vectors (true when the key held one). */
  remove(ns: string, key: string): Promise<Outcome<boolean>>;
  /** The `limit` nearest texts across `namespaces`, closest first. */
  search(namespaces: string[], method: string, query: Float32Array, limit: number): Promise<Outcome<Hit[]>>;
  /** Modus's nearest-neighbour classification of a query vector. */
  classify(ns: string, method: string, query: Float32Array): Promise<Outcome<{ labelsResult: LabelShare[]; cluster: Neighbour[] }>>;
  /** A namespace's texts in the order first written. */
  texts(ns: string): Promise<Outcome<StoredText[]>>;
  /** Writes recomputed vectors of texts that are unchanged since they were read; answers how many. */
  refresh(ns: string, method: string, texts: { key: string; text: string }[], vectors: Float32Array[]): Promise<Outcome<number>>;
  /** One text, or null when the key holds none. */
  text(ns: string, key: string): Promise<Outcome<StoredText | null>>;
  vector(ns: string, method: string, key: string): Promise<Outcome<Float32Array>>;
  /** The cosine distance between two stored vectors of one search method. */
  distance(ns: string, method: string, key1: string, key2: string): Promise<Outcome<number>>;
  namespaces(): Promise<string[]>;
}
