// The ABI lift/lower benchmark, run inside workerd by bench/abi-run.mjs:
// one live instance of the fixture app, each handler timed in a tight loop.
import fixture from "../test/fixtures/build/abi/app.wasm";
import { planHostImports, type MemoryCell } from "../src/hostfns";
import { readMetadata } from "../src/metadata/read";
import { TypePlanner } from "../src/wasm/abi/plan";
import type { CallContext } from "../src/wasm/context";
import { DEFAULT_LIMITS } from "../src/limits";
import { invoke, planFunction } from "../src/wasm/invoke";
import { GuestMemory, type RuntimeExports } from "../src/wasm/memory";

interface Case {
  family: string;
  type: string;
  value: unknown;
  /** What the per-unit figure counts (chars, elements, bytes, entries), and how many. */
  unit: string;
  units: number;
}

export interface Result {
  family: string;
  unit: string;
  units: number;
  lowerNsPerOp: number;
  liftNsPerOp: number;
  lowerNsPerUnit: number;
  liftNsPerUnit: number;
}

const text = (n: number) => "abcdefghijklmnopqrstuvwxyzé€😀".repeat(Math.ceil(n / 30)).slice(0, n);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const MIXED = { a: 1, b: -5n, c: 2, d: 1.5, e: true, f: "field", g: -3, h: 0.25, i: 7n };

const cases: Case[] = [
  { family: "i64 (scalar)", type: "i64", value: 1234567890123n, unit: "op", units: 1 },
  { family: "f64 (scalar)", type: "f64", value: Math.PI, unit: "op", units: 1 },
  { family: "string, 16 chars", type: "~lib/string/String", value: text(16), unit: "char", units: 16 },
  { family: "string, 1 KB", type: "~lib/string/String", value: text(1024), unit: "char", units: 1024 },
  { family: "string, 1 MB", type: "~lib/string/String", value: text(1 << 20), unit: "char", units: 1 << 20 },
  { family: "Array<i32>, 10k", type: "~lib/array/Array<i32>", value: range(10_000), unit: "element", units: 10_000 },
  { family: "Array<f64>, 10k", type: "~lib/array/Array<f64>", value: range(10_000).map((i) => i / 3), unit: "element", units: 10_000 },
  { family: "Array<i64>, 10k", type: "~lib/array/Array<i64>", value: range(10_000).map(BigInt), unit: "element", units: 10_000 },
  { family: "Array<string>, 1k × 8 chars", type: "~lib/array/Array<~lib/string/String>", value: range(1000).map((i) => `item${i}`.padEnd(8, "x")), unit: "element", units: 1000 },
  { family: "Array<Array<i32>>, 100 × 100", type: "~lib/array/Array<~lib/array/Array<i32>>", value: range(100).map(() => range(100)), unit: "element", units: 10_000 },
  { family: "ArrayBuffer (base64), 64 KB", type: "~lib/arraybuffer/ArrayBuffer", value: btoa("x".repeat(65536)), unit: "byte", units: 65536 },
  { family: "Map<string,i32>, 1k", type: "~lib/map/Map<~lib/string/String,i32>", value: range(1000).map((i) => ({ key: `key${i}`, value: i })), unit: "entry", units: 1000 },
  { family: "Date", type: "~lib/wasi_date/wasi_Date", value: new Date(1709251198123), unit: "op", units: 1 },
  { family: "class Mixed (9 fields)", type: "assembly/classes/Mixed", value: MIXED, unit: "op", units: 1 },
  { family: "Array<Mixed>, 1k", type: "~lib/array/Array<assembly/classes/Mixed>", value: range(1000).map(() => MIXED), unit: "element", units: 1000 },
];

// Megabyte values are past the default budgets.
const limits = { ...DEFAULT_LIMITS, callTimeMs: 60_000, callMemoryMiB: 1024 };
const context = { executionId: "bench", functionName: "bench", env: {}, logs: [], limits } as unknown as CallContext;

/** Nanoseconds per call of `fn`: the best of five batches of at least 100 ms each. */
function timeNs(fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  let best = Infinity;
  for (let batch = 0; batch < 5; batch++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < 100) {
      fn();
      n++;
      elapsed = performance.now() - start;
    }
    best = Math.min(best, (elapsed * 1e6) / n);
  }
  return best;
}

async function freshMemory(planner: TypePlanner): Promise<GuestMemory> {
  const cell: MemoryCell = {};
  const instance = await WebAssembly.instantiate(fixture, planHostImports(fixture, planner)(context, cell));
  const exports = instance.exports as unknown as RuntimeExports;
  exports._initialize?.();
  return (cell.memory = new GuestMemory(exports));
}

async function run(): Promise<{ results: Result[]; calls: Record<string, number> }> {
  const planner = new TypePlanner(readMetadata(fixture));
  const results: Result[] = [];
  for (const c of cases) {
    const handler = planner.plan(c.type);
    // A fresh instance per case, so one case's garbage does not tax the next.
    const memory = await freshMemory(planner);
    const lowerNs = timeNs(() => {
      handler.lower(memory, c.value);
      memory.release();
    });
    const raw = handler.lower(memory, c.value);
    const liftNs = timeNs(() => handler.lift(memory, raw));
    memory.release();
    results.push({
      family: c.family,
      unit: c.unit,
      units: c.units,
      lowerNsPerOp: lowerNs,
      liftNsPerOp: liftNs,
      lowerNsPerUnit: lowerNs / c.units,
      liftNsPerUnit: liftNs / c.units,
    });
  }
  // Whole calls for scale: instantiate + _initialize + lower + call + lift.
  // workerd's clock ticks in whole milliseconds, so time a run of calls.
  const metadata = readMetadata(fixture);
  const imports = planHostImports(fixture, planner);
  const calls: Record<string, number> = {};
  for (const [name, args, count] of [
    ["identityI32", { x: 1 }, 500],
    ["identityArrayI32", { a: range(10_000) }, 100],
    ["identityString", { s: text(1 << 20) }, 20],
  ] as const) {
    const plan = planFunction(metadata.fnExports[name]!, planner);
    const start = performance.now();
    for (let i = 0; i < count; i++) await invoke(fixture, imports, plan, args, { ...context, logs: [] } as CallContext);
    calls[name] = (performance.now() - start) / count;
  }
  return { results, calls };
}

export default {
  async fetch(): Promise<Response> {
    return Response.json(await run(), { headers: { "content-type": "application/json" } });
  },
};
