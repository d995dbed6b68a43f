import { GuestExit } from "../wasm/errors";
import { pointer } from "../wasm/abi/types";
import type { RawHostFunction } from "./types";
import type { CallContext } from "../wasm/context";

const ERRNO_SUCCESS = 0;
const ERRNO_BADF = 8;
const ERRNO_INVAL = 28;

const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;

// The guest's environment holds only what the SDK reads from it, as Modus
// sets it: the request's time zone and JWT claims ("" without a token).
// Worker env vars and secrets never reach it this way.
function environment(ctx: CallContext): Uint8Array[] {
  const encoder = new TextEncoder();
  return [`TZ=${ctx.timeZone ?? "UTC"}`, `CLAIMS=${ctx.claims ?? ""}`].map((v) => encoder.encode(v));
}

const wasi = (name: string, impl: RawHostFunction["impl"]): RawHostFunction => ({
  kind: "raw",
  module: "wasi_snapshot_preview1",
  name,
  impl,
});

/**
 * The WASI calls the AssemblyScript WASI shim makes (time, randomness,
 * process exit, stdout/stderr, an empty environment). Output to stdout and
 * stderr becomes log lines of the call.
 */
export const wasiFunctions: readonly RawHostFunction[] = [
  wasi("proc_exit", (_ctx, _guest, code) => {
    throw new GuestExit(Number(code));
  }),
  wasi("fd_write", (ctx, { memory }, fd, iovs, count, written) => {
    if (fd !== 1 && fd !== 2) return ERRNO_BADF;
    const view = memory.view;
    let text = "";
    let total = 0;
    const decoder = new TextDecoder();
    for (let i = 0; i < pointer(count); i++) {
      const ptr = view.getUint32(pointer(iovs) + i * 8, true);
      const len = view.getUint32(pointer(iovs) + i * 8 + 4, true);
      text += decoder.decode(new Uint8Array(view.buffer, ptr, len), { stream: true });
      total += len;
    }
    text += decoder.decode();
    for (const line of text.replace(/\n$/, "").split("\n")) {
      ctx.logs.push({ level: fd === 2 ? "error" : "", message: line });
    }
    memory.view.setUint32(pointer(written), total, true);
    return ERRNO_SUCCESS;
  }),
  wasi("clock_time_get", (_ctx, { memory }, clock, _precision, out) => {
    let nanos: bigint;
    if (clock === CLOCK_REALTIME) nanos = BigInt(Date.now()) * 1_000_000n;
    else if (clock === CLOCK_MONOTONIC) nanos = BigInt(Math.round(performance.now() * 1e6));
    else return ERRNO_INVAL;
    memory.view.setBigUint64(pointer(out), nanos, true);
    return ERRNO_SUCCESS;
  }),
  wasi("clock_res_get", (_ctx, { memory }, _clock, out) => {
    memory.view.setBigUint64(pointer(out), 1_000_000n, true);
    return ERRNO_SUCCESS;
  }),
  wasi("random_get", (_ctx, { memory }, ptr, len) => {
    const bytes = new Uint8Array(memory.view.buffer as ArrayBuffer, pointer(ptr), pointer(len));
    // getRandomValues fills at most 65536 bytes per call.
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    return ERRNO_SUCCESS;
  }),
  wasi("environ_sizes_get", (ctx, { memory }, count, size) => {
    const vars = environment(ctx);
    memory.view.setUint32(pointer(count), vars.length, true);
    memory.view.setUint32(pointer(size), vars.reduce((n, v) => n + v.length + 1, 0), true);
    return ERRNO_SUCCESS;
  }),
  wasi("environ_get", (ctx, { memory }, pointers, buffer) => {
    let at = pointer(buffer);
    environment(ctx).forEach((entry, i) => {
      memory.view.setUint32(pointer(pointers) + i * 4, at, true);
      const bytes = new Uint8Array(memory.view.buffer as ArrayBuffer, at, entry.length + 1);
      bytes.set(entry);
      bytes[entry.length] = 0;
      at += entry.length + 1;
    });
    return ERRNO_SUCCESS;
  }),
  wasi("args_sizes_get", (_ctx, { memory }, count, size) => {
    memory.view.setUint32(pointer(count), 0, true);
    memory.view.setUint32(pointer(size), 0, true);
    return ERRNO_SUCCESS;
  }),
  wasi("args_get", () => ERRNO_SUCCESS),
  wasi("sched_yield", () => ERRNO_SUCCESS),
];
