// The cost of metering (cli/meter.mjs), run by the bench Worker and timed by
// the runner from workerd's CPU time (bench/lib/metering.mjs): the same
// functions built metered (as production serves them) and unmetered, called
// through production's `invoke`; and loops of the hostile test app, which
// calibrate how fast each kind of work burns fuel.
import { invoke } from "../../src/wasm/invoke";
import { DEFAULT_LIMITS, type Limits } from "../../src/limits";
import { CallLogs } from "../../src/wasm/logs";
import type { CallContext, Services } from "../../src/wasm/context";
import { prepareModule, type PreparedModule } from "./instances";
import type { Manifest } from "../../src/manifest/types";

// Past the default budgets on purpose: the bench measures the counting, not the stopping.
const ROOMY: Limits = { ...DEFAULT_LIMITS, callTimeMs: 600_000, requestTimeMs: 600_000, callMemoryMiB: 1024 };

export interface Workload {
  builds: Partial<Record<"metered" | "plain", PreparedModule>>;
  args: Record<string, unknown>;
  limits: Limits;
  /** The call ends by its budget, as `spin` does. */
  stopped?: boolean;
}

type App = { metered: WebAssembly.Module; plain?: WebAssembly.Module; manifest: Manifest };

function workload(app: App, fn: string, args: Record<string, unknown>, limits = ROOMY, stopped = false): Workload {
  const builds: Workload["builds"] = { metered: prepareModule(app.metered, app.manifest, fn) };
  if (app.plain) builds.plain = prepareModule(app.plain, app.manifest, fn);
  return { builds, args, limits, stopped };
}

/** Every workload, by name: functions of the example and large apps (both builds), and the calibration loops. */
export function meteringWorkloads(apps: { example: App; large: App; hardening: App }): Record<string, Workload> {
  const inputs = computeInputs();
  return {
    sayHello: workload(apps.example, "sayHello", { name: "edge" }),
    totalOrder: workload(apps.large, "totalOrder", { json: inputs.order }),
    search: workload(apps.large, "search", { queryJson: inputs.query, productsJson: inputs.products }),
    spin: workload(apps.hardening, "spin", {}, { ...ROOMY, callTimeMs: 40 }, true),
    work: workload(apps.hardening, "work", { n: 20_000_000 }),
    memoryWork: workload(apps.hardening, "memoryWork", { n: 100_000, rounds: 100 }),
    stringWork: workload(apps.hardening, "stringWork", { n: 20_000 }),
    copyWork: workload(apps.hardening, "copyWork", { kib: 16, times: 100_000 }),
    grow: workload(apps.hardening, "grow", { mib: 24 }),
  };
}

/** Runs `calls` calls of one build of a workload; returns the fuel they burned. */
export async function runWorkload(w: Workload, build: "metered" | "plain", calls: number, services: Services, env: Readonly<Record<string, unknown>>): Promise<{ fuel: number }> {
  const p = w.builds[build];
  if (!p) throw new Error(`no ${build} build of this workload`);
  let fuel = 0;
  for (let i = 0; i < calls; i++) {
    const ctx: CallContext = {
      executionId: "bench",
      functionName: p.plan.signature.name,
      env,
      manifest: p.manifest,
      services,
      logs: new CallLogs(w.limits),
      limits: w.limits,
      usage: { fuel: 0, memoryBytes: 0 },
    };
    await invoke(p.module, p.imports, p.plan, w.args, ctx).catch((err) => {
      if (!w.stopped) throw err;
    });
    fuel += ctx.usage!.fuel;
  }
  return { fuel };
}

/** The inputs of the compute-bound workloads: JSON a real app would parse. */
export function computeInputs() {
  const line = (i: number) => ({ sku: `sku-${i}`, quantity: (i % 5) + 1, price: 9.99 + i, attributes: { color: "red" } });
  const contact = {
    name: "Ada",
    email: "ada@example.com",
    tags: ["lead"],
    scores: { fit: 0.5 },
    address: { street: "1 Main St", city: "Springfield", postcode: "10001", country: "US" },
    manager: null,
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
    order: JSON.stringify({ id: 42, contact, lines: Array.from({ length: 200 }, (_, i) => line(i)), notes: null, paid: false }),
    query: JSON.stringify({ text: "Red", filters: {}, page: 0, pageSize: 20, sort: null }),
    products: JSON.stringify(Array.from({ length: 50 }, (_, i) => product(i))),
  };
}
