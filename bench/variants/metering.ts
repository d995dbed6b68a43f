// The cost of metering (cli/meter.mjs): the same functions of the same apps,
// built metered (as production serves them) and unmetered, called through
// production's `invoke` in interleaved batches inside one request.
import { invoke } from "../../src/wasm/invoke";
import { DEFAULT_LIMITS } from "../../src/limits";
import { CallLogs } from "../../src/wasm/logs";
import type { CallContext, Services } from "../../src/wasm/context";
import { prepareModule, type PreparedModule } from "./instances";
import type { Manifest } from "../../src/manifest/types";

export interface MeteringWorkload {
  name: string;
  metered: PreparedModule;
  plain: PreparedModule;
  args: Record<string, unknown>;
}

export interface MeteringCost {
  /** µs per call, best batch, metered and unmetered. */
  meteredUs: number;
  plainUs: number;
  /** Fuel one call burns (metered build). */
  fuel: number;
}

// Past the default budgets on purpose: the bench measures the counting, not the stopping.
const LIMITS = { ...DEFAULT_LIMITS, callTimeMs: 600_000, requestTimeMs: 600_000, callMemoryMiB: 1024 };

/** Prepares `fn` of both builds of one app. */
export function meteringWorkload(name: string, fn: string, metered: WebAssembly.Module, plain: WebAssembly.Module, manifest: Manifest, args: Record<string, unknown>): MeteringWorkload {
  return { name, metered: prepareModule(metered, manifest, fn), plain: prepareModule(plain, manifest, fn), args };
}

/** Times each workload in `rounds` interleaved batches of `calls` calls per build; the best batch counts. */
export async function measureMetering(workloads: readonly MeteringWorkload[], services: Services, env: Readonly<Record<string, unknown>>, calls = 50, rounds = 5): Promise<Record<string, MeteringCost>> {
  const out: Record<string, MeteringCost> = {};
  for (const w of workloads) {
    const ctx = (p: PreparedModule): CallContext => ({
      executionId: "bench",
      functionName: p.plan.signature.name,
      env,
      manifest: p.manifest,
      services,
      logs: new CallLogs(LIMITS),
      limits: LIMITS,
      usage: { fuel: 0, memoryBytes: 0 },
    });
    const batch = async (p: PreparedModule) => {
      const started = performance.now();
      let fuel = 0;
      for (let i = 0; i < calls; i++) {
        const c = ctx(p);
        await invoke(p.module, p.imports, p.plan, w.args, c);
        fuel = c.usage!.fuel;
      }
      return { us: ((performance.now() - started) * 1000) / calls, fuel };
    };
    await batch(w.metered);
    await batch(w.plain);
    const best = { meteredUs: Infinity, plainUs: Infinity, fuel: 0 };
    for (let r = 0; r < rounds; r++) {
      const m = await batch(w.metered);
      const p = await batch(w.plain);
      best.meteredUs = Math.min(best.meteredUs, m.us);
      best.plainUs = Math.min(best.plainUs, p.us);
      best.fuel = m.fuel;
    }
    out[w.name] = best;
  }
  return out;
}

/** The inputs of the compute-bound workloads: JSON a real app would parse. */
export function computeInputs() {
  const contact = (i: number) => ({
    name: `contact ${(i * 7919) % 1000}`,
    email: `c${i}@example.com`,
    tags: ["lead", `tier-${i % 3}`],
    scores: { fit: i / 10, intent: (i % 7) / 7 },
    address: { street: `${i} Main St`, city: "Springfield", postcode: `${10000 + i}`, country: "US" },
    manager: null,
  });
  const order = {
    id: 42,
    contact: contact(1),
    lines: Array.from({ length: 200 }, (_, i) => ({ sku: `sku-${i}`, quantity: (i % 5) + 1, price: 9.99 + i, attributes: { color: "red" } })),
    notes: null,
    paid: false,
  };
  const product = (i: number) => ({
    id: i,
    slug: `p${i}`,
    title: `${i % 2 ? "Red" : "Blue"} shoe ${i}`,
    description: "A shoe for every day. ".repeat(8),
    categories: ["shoes", `size-${i % 5}`],
    variants: [],
    reviews: [],
    attributes: { color: i % 2 ? "red" : "blue" },
    related: [i + 1, i + 2],
    published: true,
  });
  return {
    order: JSON.stringify(order),
    query: JSON.stringify({ text: "Red", filters: {}, page: 0, pageSize: 20, sort: null }),
    products: JSON.stringify(Array.from({ length: 50 }, (_, i) => product(i))),
  };
}
