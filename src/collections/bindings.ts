import durableObjects from "../durable-objects.json";
import type { CollectionRpc } from "./rpc";

/** The env binding of the collections' Durable Object namespace (written by `modus-edge build`). */
export const COLLECTIONS_BINDING = durableObjects.classes.find((c) => c.className === "ModusCollection")!.binding;

/** The Worker's config lacks the Durable Object binding collections need. */
export class CollectionBindingError extends Error {
  override name = "CollectionBindingError";
  constructor() {
    super(`collections need the Durable Object binding ${COLLECTIONS_BINDING} in the Worker's wrangler config (modus-edge build writes it)`);
  }
}

/**
 * The Durable Object of collection `name` (one per collection, named by it).
 *
 * @example const hits = await collectionStub(env, "products").search([""], "bow", vector, 5);
 */
export function collectionStub(env: Readonly<Record<string, unknown>>, name: string): CollectionRpc {
  const ns = env[COLLECTIONS_BINDING] as DurableObjectNamespace | undefined;
  if (!ns || typeof ns.idFromName !== "function") throw new CollectionBindingError();
  return ns.get(ns.idFromName(name)) as unknown as CollectionRpc;
}
