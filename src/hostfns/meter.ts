import type { RawHostFunction } from "./types";

const meter = (name: string, impl: RawHostFunction["impl"], async = false): RawHostFunction => ({
  kind: "raw",
  module: "modus_edge",
  name,
  impl,
  ...(async ? { async } : {}),
});

/**
 * The `modus_edge` import module, which `modus-edge build` adds to every app
 * (cli/meter.mjs): the fuel the metered code asks for when its slice runs out,
 * a pause between slices so other requests run, and the memory budget's say
 * on each `memory.grow`. See src/wasm/meter.ts.
 */
export const meterFunctions: readonly RawHostFunction[] = [
  meter("refuel", (_ctx, { meter }, left) => meter.refuel(Number(left))),
  meter("pause", (_ctx, { meter }) => meter.pause(), true),
  meter("grow", (_ctx, { memory, meter }, delta, left) => meter.grow(Number(delta), memory.size, Number(left))),
];
