// The bench's collections app (bench/apps/collections) behind `/collections/*`,
// composed as a generated worker entry composes any app, and the in-isolate
// cost of an exact search over the same number of vectors, without the RPC.
import wasm from "../build/collections/app.wasm";
import manifest from "../build/collections/modus.json";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";
import { VectorSet } from "../../src/collections/vectors";

const collectionsApp = createApp((services) => loadApp(wasm, manifest, services));

/** The collections app's fetch, for requests whose path starts with `/collections`. */
export function collectionsFetch(request: Request, env: unknown, ctx: ExecutionContext): Response | Promise<Response> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice("/collections".length) || "/";
  return collectionsApp.fetch(new Request(url, request), env as Record<string, unknown>, ctx);
}

/**
 * Times exact searches (top `limit`) over `n` random unit vectors of `dim`
 * dimensions in one VectorSet, as a collection's object holds them: `rounds`
 * rounds of 10 searches, each round timed whole (the isolate's clock is
 * coarse), in ms per search.
 */
export function measureVectorSet(n: number, dim: number, limit: number, rounds: number) {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const vector = () => {
    const v = Float32Array.from({ length: dim }, random);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const set = new VectorSet();
  for (let i = 0; i < n; i++) set.set(`k${i}`, vector());
  const queries = Array.from({ length: 10 }, vector);
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const q of queries) set.nearest(q, limit);
    ms.push((performance.now() - t0) / queries.length);
  }
  ms.sort((a, b) => a - b);
  return { n, dim, limit, searches: rounds * queries.length, p50: ms[ms.length >> 1], p90: ms[Math.floor(ms.length * 0.9)], min: ms[0] };
}
