import { DurableObject } from "cloudflare:workers";
import { classify, neighbourCount } from "./classify";
import type { CollectionRpc } from "./rpc";
import { CollectionStore, type StoredText } from "./store";
import { showNamespace, type Hit, type LabelShare, type Neighbour, type Outcome } from "./types";
import { cosineDistance, VectorSet } from "./vectors";

const missingNamespace = (ns: string) => ({ error: `${showNamespace(ns)} does not exist (nothing was ever upserted to it)` });
const noVector = (ns: string, method: string, key: string) => ({
  error: `key "${key}" in ${showNamespace(ns)} has no vector for search method "${method}"`,
});
const wrongLength = (method: string, got: number, held: number) => ({
  error: `search method "${method}" holds vectors of ${held} dimensions, not ${got} (after changing its embedder, recompute the search method)`,
});

/**
 * One collection (`idFromName(collectionName)`): its namespaces, texts and
 * vectors in SQLite, and per namespace and search method an in-memory
 * matrix that searches are run over exactly (cosine distance). Methods have
 * no awaits, so each runs whole before the next begins.
 */
export class ModusCollection extends DurableObject implements CollectionRpc {
  readonly #store: CollectionStore;
  readonly #sets = new Map<string, VectorSet>();

  constructor(ctx: DurableObjectState, env: Record<string, unknown>) {
    super(ctx, env as never);
    this.#store = new CollectionStore(ctx.storage.sql);
  }

  async upsert(ns: string, texts: StoredText[], vectors: Record<string, Float32Array[]>): Promise<Outcome<null>> {
    for (const [method, rows] of Object.entries(vectors)) {
      const held = this.#set(ns, method);
      if (held.size && rows[0] && rows[0].length !== held.dimensions) return wrongLength(method, rows[0].length, held.dimensions);
    }
    this.#store.write(ns, texts, vectors);
    for (const [method, rows] of Object.entries(vectors)) {
      const set = this.#set(ns, method);
      rows.forEach((v, i) => set.set(texts[i]!.key, v));
    }
    return { ok: null };
  }

  async remove(ns: string, key: string): Promise<Outcome<boolean>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    for (const [id, set] of this.#sets) if (id.startsWith(`${ns}\n`)) set.delete(key);
    return { ok: this.#store.remove(ns, key) };
  }

  async search(namespaces: string[], method: string, query: Float32Array, limit: number): Promise<Outcome<Hit[]>> {
    const found: { namespace: string; key: string; distance: number }[] = [];
    for (const ns of namespaces) {
      if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
      const set = this.#set(ns, method);
      if (set.size && query.length !== set.dimensions) return wrongLength(method, query.length, set.dimensions);
      for (const hit of set.nearest(query, limit)) found.push({ namespace: ns, ...hit });
    }
    found.sort((a, b) => a.distance - b.distance || compare(a.namespace, b.namespace) || compare(a.key, b.key));
    return {
      ok: found.slice(0, limit).map((h) => {
        const stored = this.#store.text(h.namespace, h.key);
        return { ...h, text: stored?.text ?? "", labels: stored?.labels ?? [] };
      }),
    };
  }

  async classify(ns: string, method: string, query: Float32Array): Promise<Outcome<{ labelsResult: LabelShare[]; cluster: Neighbour[] }>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    const set = this.#set(ns, method);
    if (set.size && query.length !== set.dimensions) return wrongLength(method, query.length, set.dimensions);
    const neighbours = set.nearest(query, neighbourCount(this.#store.countTexts(ns)));
    return { ok: classify(neighbours.map((n) => ({ ...n, labels: this.#store.text(ns, n.key)?.labels ?? [] }))) };
  }

  async texts(ns: string): Promise<Outcome<StoredText[]>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    return { ok: this.#store.texts(ns) };
  }

  async refresh(ns: string, method: string, texts: { key: string; text: string }[], vectors: Float32Array[]): Promise<Outcome<number>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    const written = this.#store.refreshVectors(ns, method, texts, vectors);
    // Reloaded on next use: the embedder may now make vectors of another length.
    this.#sets.delete(`${ns}\n${method}`);
    return { ok: written };
  }

  async text(ns: string, key: string): Promise<Outcome<StoredText | null>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    return { ok: this.#store.text(ns, key) ?? null };
  }

  async vector(ns: string, method: string, key: string): Promise<Outcome<Float32Array>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    const v = this.#store.vector(ns, method, key);
    return v ? { ok: v } : noVector(ns, method, key);
  }

  async distance(ns: string, method: string, key1: string, key2: string): Promise<Outcome<number>> {
    if (!this.#store.hasNamespace(ns)) return missingNamespace(ns);
    const a = this.#store.vector(ns, method, key1);
    if (!a) return noVector(ns, method, key1);
    const b = this.#store.vector(ns, method, key2);
    if (!b) return noVector(ns, method, key2);
    if (a.length !== b.length) return { error: `keys "${key1}" and "${key2}" have vectors of ${a.length} and ${b.length} dimensions` };
    return { ok: cosineDistance(a, b) };
  }

  async namespaces(): Promise<string[]> {
    return this.#store.namespaces();
  }

  /** The in-memory vectors of one search method in one namespace, loaded from SQLite on first use. */
  #set(ns: string, method: string): VectorSet {
    const id = `${ns}\n${method}`;
    let set = this.#sets.get(id);
    if (!set) {
      set = new VectorSet();
      // Only a recompute racing a write leaves vectors of two lengths; the stragglers sit out searches.
      for (const [key, vector] of this.#store.vectors(ns, method)) if (!set.size || vector.length === set.dimensions) set.set(key, vector);
      this.#sets.set(id, set);
    }
    return set;
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
