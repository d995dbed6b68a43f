import fixture from "../fixtures/build/abi/app.wasm";
import { planHostImports, type MemoryCell } from "../../src/hostfns";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import type { CallContext, LogEntry } from "../../src/wasm/context";
import { invoke, planFunction } from "../../src/wasm/invoke";
import { GuestMemory, type RuntimeExports } from "../../src/wasm/memory";
import { DEFAULT_LIMITS } from "../../src/limits";

// Planned once, exactly as src/load.ts does for an app.
export const metadata = readMetadata(fixture);
export const planner = new TypePlanner(metadata);
const imports = planHostImports(fixture, planner);

// The fixture imports only logging, exit and WASI time: nothing reads the
// manifest or services, so a bare context is enough. Its values reach
// megabytes, past the default budgets (those are tested in test/hardening).
const limits = { ...DEFAULT_LIMITS, callTimeMs: 60_000, callMemoryMiB: 1024 };
const context = (functionName: string): CallContext =>
  ({ executionId: "abi-test", functionName, env: {}, logs: [], limits }) as unknown as CallContext;

/**
 * Calls a fixture export through the real path (fresh instance, lower, JSPI
 * call, lift), with arguments by position.
 *
 * @example await call("identityI64", 1n) // 1n
 */
export async function call(name: string, ...args: unknown[]): Promise<unknown> {
  return (await callWithLogs(name, ...args)).value;
}

/** {@link call}, also returning the lines the call logged (its context's `logs`). */
export async function callWithLogs(name: string, ...args: unknown[]): Promise<{ value: unknown; logs: LogEntry[] }> {
  const signature = metadata.fnExports[name];
  if (!signature) throw new Error(`the fixture has no export ${name}`);
  const named = Object.fromEntries(signature.parameters.map((p, i) => [p.name, args[i]]));
  const ctx = context(name);
  const value = await invoke(fixture, imports, planFunction(signature, planner), named, ctx);
  return { value, logs: [...ctx.logs] };
}

/** A fresh, initialized instance's memory, for driving handlers directly. */
export async function instance(): Promise<{ memory: GuestMemory; exports: RuntimeExports & Record<string, unknown> }> {
  const cell: MemoryCell = {};
  const inst = await WebAssembly.instantiate(fixture, imports(context("direct"), cell));
  const exports = inst.exports as unknown as RuntimeExports & Record<string, unknown>;
  const memory = new GuestMemory(exports);
  cell.memory = memory;
  exports._initialize?.();
  return { memory, exports };
}

/** Type names as metadata spells them. */
export const T = {
  string: "~lib/string/String",
  person: "assembly/classes/Person",
  node: "assembly/classes/Node",
  mixed: "assembly/classes/Mixed",
  date: "~lib/wasi_date/wasi_Date",
} as const;
