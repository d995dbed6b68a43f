// The per-instance cost, measured in loops inside one request: instantiate,
// `_initialize`, and one call of `sayHello`, each phase timed per call and summed.
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { planHostImports, type ImportsFactory, type MemoryCell } from "../../src/hostfns";
import { instantiateFor, invoke, planFunction, type FunctionPlan } from "../../src/wasm/invoke";
import { GuestMemory, type RuntimeExports } from "../../src/wasm/memory";
import type { WasmValue } from "../../src/wasm/abi/types";
import { guestFunction } from "../../src/wasm/functions";
import type { CallContext, Services } from "../../src/wasm/context";
import type { Manifest } from "../../src/manifest/types";

export interface PreparedModule {
  module: WebAssembly.Module;
  imports: ImportsFactory;
  plan: FunctionPlan;
  manifest: Manifest;
}

/** Plans `fn` of `module` once, as loadApp does for every function. */
export function prepareModule(module: WebAssembly.Module, manifest: Manifest, fn = "sayHello"): PreparedModule {
  const metadata = readMetadata(module);
  const planner = new TypePlanner(metadata);
  const signature = metadata.fnExports[fn];
  if (!signature) throw new Error(`the module exports no function ${fn}`);
  return { module, imports: planHostImports(module, planner), plan: planFunction(signature, planner), manifest };
}

export interface InstanceCost {
  /** `new WebAssembly.Instance` of the compiled module (as production does), with a fresh imports object. */
  instantiateUs: number;
  /** `_initialize` (the module's start: static data and globals). */
  initializeUs: number;
  /** Lower the argument, call through JSPI, lift the result, unpin. */
  callUs: number;
  /** Production's `invoke` end to end (all of the above). */
  invokeUs: number;
  /** Initial Wasm memory of one instance, in bytes. */
  memoryBytes: number;
}

/**
 * Times each phase of `iterations` calls, summing per-phase clock deltas
 * (workerd's clock is coarse; summed over many calls the rounding averages
 * out), and times production's `invoke` over the same number of calls.
 */
export async function measureInstanceCost(p: PreparedModule, services: Services, env: Readonly<Record<string, unknown>>, iterations = 500): Promise<InstanceCost> {
  const ctx = (): CallContext => ({ executionId: "bench", functionName: p.plan.signature.name, env, manifest: p.manifest, services, logs: [] });
  const args: Record<string, unknown> = { name: "edge" };
  const sum = { instantiate: 0, initialize: 0, call: 0 };
  let memoryBytes = 0;
  const once = async (timed: boolean) => {
    const t0 = performance.now();
    const cell: MemoryCell = {};
    const instance = new WebAssembly.Instance(p.module, p.imports(ctx(), cell));
    const exports = instance.exports as unknown as RuntimeExports & Record<string, unknown>;
    const memory = (cell.memory = new GuestMemory(exports));
    const t1 = performance.now();
    exports._initialize?.();
    const t2 = performance.now();
    const raw = p.plan.params.map((q) => q.handler.lower(memory, args[q.name]));
    exports.__setArgumentsLength?.(raw.length);
    const fn = WebAssembly.promising(guestFunction(exports, p.imports.functions, p.plan.signature.name) as (...x: WasmValue[]) => WasmValue);
    p.plan.result?.lift(memory, await fn(...raw));
    memory.release();
    const t3 = performance.now();
    memoryBytes = memory.size;
    cell.release?.(); // a pooled memory goes back, as production's invoke gives it back
    if (!timed) return;
    sum.instantiate += t1 - t0;
    sum.initialize += t2 - t1;
    sum.call += t3 - t2;
  };
  for (let i = 0; i < 50; i++) await once(false); // warm the code paths
  for (let i = 0; i < iterations; i++) await once(true);
  for (let i = 0; i < 50; i++) await invoke(p.module, p.imports, p.plan, args, ctx());
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await invoke(p.module, p.imports, p.plan, args, ctx());
  const us = (ms: number) => (ms * 1000) / iterations;
  return {
    instantiateUs: us(sum.instantiate),
    initializeUs: us(sum.initialize),
    callUs: us(sum.call),
    invokeUs: us(performance.now() - started),
    memoryBytes,
  };
}

/** `iterations` instances made as production makes them (`instantiateFor`: instantiate + `_initialize`) and retired. */
export function instantiateLoop(p: PreparedModule, services: Services, env: Readonly<Record<string, unknown>>, iterations: number): void {
  for (let i = 0; i < iterations; i++) {
    const ctx: CallContext = { executionId: "bench", functionName: p.plan.signature.name, env, manifest: p.manifest, services, logs: [] };
    instantiateFor(p.module, p.imports, ctx).retire();
  }
}
