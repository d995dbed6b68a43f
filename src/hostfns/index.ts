import type { TypePlanner } from "../wasm/abi/plan";
import type { TypeHandler, WasmValue } from "../wasm/abi/types";
import type { CallContext } from "../wasm/context";
import type { GuestMemory } from "../wasm/memory";
import { systemFunctions } from "./system";
import { secretsFunctions } from "./secrets";
import { modelFunctions } from "./models";
import { httpFunctions } from "./http";
import { sqlFunctions } from "./sql";
import { graphqlFunctions } from "./graphql";
import { dgraphFunctions } from "./dgraph";
import { neo4jFunctions } from "./neo4j";
import { agentFunctions } from "./agents";
import { collectionFunctions } from "./collections";
import type { SqlDrivers } from "../data/sql/types";
import { builtinTypeName, shortTypeName, type AbiHostFunction, type GuestParts, type HostFunction } from "./types";
import { wasiFunctions } from "./wasi";
import { meterFunctions } from "./meter";
import { HostCallLimitError } from "./gate";
import { Meter } from "../wasm/meter";
import { readLimits } from "../limits";
import { MEMORY_IMPORT, MemoryPool } from "../wasm/pool";
import { functionIndex, reachableImports, type FunctionIndex } from "../wasm/functions";

/** What a Worker is composed with beyond the host tables themselves: database drivers. */
export interface HostOptions {
  /** The SQL drivers bundled for the app's connections (see `modus-edge build`). */
  sql?: SqlDrivers;
}

/**
 * The host tables, bound to the drivers the Worker was composed with.
 *
 * @example planHostImports(module, planner, hostTables({ sql: { postgresql: postgresDriver } }))
 */
export function hostTables(options: HostOptions = {}): readonly HostFunction[] {
  return [
    ...systemFunctions,
    ...secretsFunctions,
    ...modelFunctions,
    ...httpFunctions,
    ...sqlFunctions(options.sql ?? {}),
    ...graphqlFunctions,
    ...dgraphFunctions,
    ...neo4jFunctions,
    ...agentFunctions,
    ...collectionFunctions,
    ...wasiFunctions,
    ...meterFunctions,
  ];
}

/** Every host function modus-edge provides, by import module (SQL without drivers). */
export const hostFunctions: readonly HostFunction[] = hostTables();

/**
 * The parts of one instance its host functions reach: its memory once it
 * exists (imports are built before it does), and its meter, made with the
 * imports from the call's limits.
 */
export interface MemoryCell {
  memory?: GuestMemory;
  meter?: Meter;
  /** Gives a pooled memory back once the instance's call is over (see src/wasm/pool.ts). */
  release?: () => void;
}

/**
 * Builds one call's imports object around its context; `pool` is where the
 * instances' memories come from when the module imports its memory, and
 * `functions` where its functions are (both read once per module).
 */
export type ImportsFactory = ((ctx: CallContext, cell: MemoryCell) => WebAssembly.Imports) & {
  readonly pool?: MemoryPool;
  /** Where the module's functions are, when it keeps them in a table (src/wasm/functions.ts). */
  readonly functions?: FunctionIndex;
  /** Functions that can reach no asynchronous host function: called without JSPI first (src/wasm/invoke.ts). */
  readonly synchronous?: ReadonlySet<string>;
  /**
   * Of those, the ones this isolate has seen run past a slice and start over: their later calls
   * start under JSPI, so the discarded first attempt (up to one slice of CPU) is paid once per
   * isolate, not on every call. Filled by invoke; it changes only where a call starts, never its result.
   */
  readonly longRunning?: Set<string>;
};

/** The module imports a function this runtime does not provide. */
export class HostImportError extends Error {
  override name = "HostImportError";
}

/**
 * Checks every function the module imports against the host table and plans
 * their type handlers, once per module; the returned factory makes each
 * call's imports object.
 *
 * @example
 *   const imports = planHostImports(module, planner);
 *   await WebAssembly.instantiate(module, imports(ctx, cell));
 */
export function planHostImports(
  module: WebAssembly.Module,
  planner: TypePlanner,
  table: readonly HostFunction[] = hostFunctions,
): ImportsFactory {
  const byName = new Map(table.map((f) => [`${f.module}.${f.name}`, f]));
  const needed: HostFunction[] = [];
  // A module built by modus-edge imports its memory, from a pool of reset memories.
  const pool = MemoryPool.forModule(module);
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.kind === "memory" && pool) continue;
    if (imp.kind !== "function") throw new HostImportError(`the module imports a ${imp.kind} ${imp.module}.${imp.name}; only functions are provided`);
    const fn = byName.get(`${imp.module}.${imp.name}`);
    if (!fn) throw new HostImportError(`the module imports ${imp.module}.${imp.name}, which modus-edge does not provide`);
    needed.push(fn);
  }
  const planned = needed.map((fn) => (fn.kind === "abi" ? planAbi(fn, planner, importTypes(fn, planner)) : rawBinder(fn)));
  const factory = (ctx: CallContext, cell: MemoryCell) => {
    cell.meter ??= new Meter(ctx.limits ?? readLimits(ctx.env), ctx.request?.fuel);
    const imports: Record<string, Record<string, unknown>> = {};
    needed.forEach((fn, i) => {
      (imports[fn.module] ??= {})[fn.name] = planned[i]!(ctx, cell);
    });
    if (pool) {
      const memory = pool.acquire();
      (imports[MEMORY_IMPORT.module] ??= {})[MEMORY_IMPORT.name] = memory;
      cell.release = () => {
        // Once: the memory may be handed to the next call right away.
        delete cell.release;
        pool.release(memory);
      };
    }
    return imports as WebAssembly.Imports;
  };
  const functions = functionIndex(module);
  const synchronous = synchronousFunctions(module, byName);
  return Object.assign(factory, {
    ...(pool ? { pool } : {}),
    ...(functions ? { functions } : {}),
    ...(synchronous ? { synchronous, longRunning: new Set<string>() } : {}),
  });
}

// The metering's pause is asynchronous, but a call made without JSPI is never asked to pause (src/wasm/meter.ts).
const NEVER_CALLED_SYNCHRONOUSLY = "modus_edge.pause";

/** The functions whose reachable imports (as the build recorded them) are all synchronous host functions. */
function synchronousFunctions(module: WebAssembly.Module, byName: ReadonlyMap<string, HostFunction>): ReadonlySet<string> | undefined {
  const reaches = reachableImports(module);
  if (!reaches) return undefined;
  const sync = (key: string) => key === NEVER_CALLED_SYNCHRONOUSLY || (byName.has(key) && !byName.get(key)!.async);
  return new Set([...reaches].filter(([, keys]) => keys.every(sync)).map(([name]) => name));
}

type Binder = (ctx: CallContext, cell: MemoryCell) => unknown;

/**
 * Runs host work that calls back into the guest (`__new` while lowering a
 * result) with the meter's pauses off: those calls run under a host
 * function's JavaScript frame, where JSPI cannot suspend.
 */
function withoutPauses<T>(cell: MemoryCell, work: () => T): T {
  const meter = cell.meter;
  if (!meter?.suspendable) return work();
  meter.suspendable = false;
  try {
    return work();
  } finally {
    meter.suspendable = true;
  }
}

function rawBinder(fn: HostFunction & { kind: "raw" }): Binder {
  const guest = (cell: MemoryCell) => cell as GuestParts;
  if (fn.async) return (ctx, cell) => new WebAssembly.Suspending(async (...raw: WasmValue[]) => fn.impl(ctx, guest(cell), ...raw));
  return (ctx, cell) => (...raw: WasmValue[]) => fn.impl(ctx, guest(cell), ...raw);
}

/**
 * The full type names of an import's parameters and result: from the module's
 * metadata (which knows where the SDK's classes live), checked against the
 * table's short names so a mismatched SDK fails at start, not mid-call.
 */
function importTypes(fn: AbiHostFunction, planner: TypePlanner): { params: string[]; result: string } {
  const key = `${fn.module}.${fn.name}`;
  const recorded = planner.metadata.fnImports[key];
  const full = (short: string) => {
    const t = builtinTypeName(short);
    if (!t) throw new HostImportError(`${key}: the module's metadata does not describe its ${short} type`);
    return t;
  };
  if (!recorded) return { params: fn.params.map(full), result: fn.result === "void" ? "void" : full(fn.result) };
  const params = recorded.parameters.map((p) => p.type);
  const result = recorded.results[0]?.type ?? "void";
  const got = [...params.map(shortTypeName), shortTypeName(result)].join(", ");
  const want = [...fn.params, fn.result].join(", ");
  if (got !== want) throw new HostImportError(`${key} is imported as (${got}), but modus-edge provides (${want})`);
  return { params, result };
}

function planAbi(fn: AbiHostFunction, planner: TypePlanner, types: { params: string[]; result: string }): Binder {
  const params: TypeHandler[] = types.params.map((t) => planner.plan(t));
  const result = types.result === "void" ? undefined : planner.plan(types.result);
  const lift = (memory: GuestMemory, raw: WasmValue[]) => params.map((h, i) => h.lift(memory, raw[i]!));
  // A host function that fails answers null, as Modus's host does, even for a
  // type the guest declared non-nullable: the SDK checks and throws.
  const lower = (memory: GuestMemory, value: unknown) => {
    if (!result) return undefined;
    if (value === null || value === undefined) return result.zero;
    return result.lower(memory, value);
  };
  if (!fn.async) {
    return (ctx, cell) => (...raw: WasmValue[]) => withoutPauses(cell, () => lower(cell.memory!, fn.impl(ctx, ...lift(cell.memory!, raw))));
  }
  // Outbound calls wait for (or are refused by) the request's gate: Workers bound subrequests per request.
  const gated = (ctx: CallContext, args: unknown[]) => {
    const gate = fn.outbound ? ctx.request?.hostCalls : undefined;
    return gate ? gate.run(async () => fn.impl(ctx, ...args)) : fn.impl(ctx, ...args);
  };
  return (ctx, cell) =>
    new WebAssembly.Suspending(async (...raw: WasmValue[]) => {
      let value: unknown;
      try {
        value = await gated(ctx, lift(cell.memory!, raw));
      } catch (err) {
        if (!(err instanceof HostCallLimitError)) throw err;
        ctx.logs.push({ level: "error", message: `${fn.module}.${fn.name}: ${err.message}` });
        value = null;
      }
      return withoutPauses(cell, () => lower(cell.memory!, value));
    });
}
