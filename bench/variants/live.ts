// M1's gauge: the calls in flight and the Wasm memory their instances hold.
// It wraps production's imports factory (called once per instance, before
// instantiation) and the services' logger (production's resolvers log
// "function call" with the call's execution id when the call ends), so the
// calls it watches run production's resolvers and `invoke` unchanged.
import type { ImportsFactory, MemoryCell } from "../../src/hostfns";
import type { Services } from "../../src/wasm/context";

export interface LiveSnapshot {
  /** Calls whose instance exists and whose resolver has not returned. */
  calls: number;
  /** The sum of those instances' `memory.buffer.byteLength`. */
  wasmBytes: number;
  /** The largest count seen since the last reset. */
  peakCalls: number;
  /** The largest sum seen since the last reset. */
  peakWasmBytes: number;
}

/** Tracks live instances of the calls made through `watch`'s imports and services. */
export function createLiveTracker() {
  const live = new Map<string, MemoryCell>();
  let peakCalls = 0;
  let peakWasmBytes = 0;
  const bytes = () => {
    let sum = 0;
    for (const cell of live.values()) sum += cell.memory?.size ?? 0;
    return sum;
  };
  return {
    watch(imports: ImportsFactory, services: Services): { imports: ImportsFactory; services: Services } {
      return {
        // With the factory's own properties (its memory pool, function table, synchronous functions).
        imports: Object.assign((ctx: Parameters<ImportsFactory>[0], cell: Parameters<ImportsFactory>[1]) => {
          live.set(ctx.executionId, cell);
          peakCalls = Math.max(peakCalls, live.size);
          return imports(ctx, cell);
        }, imports),
        services: {
          ...services,
          log: (fields) => {
            if (fields.msg === "function call") {
              // The call ended: count its memory at its largest before letting it go.
              peakWasmBytes = Math.max(peakWasmBytes, bytes());
              live.delete(String(fields.executionId));
            }
            services.log(fields);
          },
        },
      };
    },
    snapshot(): LiveSnapshot {
      const wasmBytes = bytes();
      peakWasmBytes = Math.max(peakWasmBytes, wasmBytes);
      return { calls: live.size, wasmBytes, peakCalls, peakWasmBytes };
    },
    reset(): void {
      peakCalls = live.size;
      peakWasmBytes = bytes();
    },
  };
}
