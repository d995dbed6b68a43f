// M1: model calls held in flight by one isolate. Fires `n` concurrent
// requests whose model answers after the stub's delay; while all are
// suspended, reads the live instances' Wasm memory from the Worker and
// workerd's resident memory from /proc.
import { rssBytes } from "./worker.mjs";

const query = JSON.stringify({ query: "query($e:String!){generateExcuses(event:$e)}", variables: { e: "the bench" } });

/**
 * @returns {Promise<{ n: number, ok: number, liveCalls: number, wasmBytes: number, rssDelta: number | undefined, seconds: number }>}
 */
export async function holdInFlight({ url, pid, n, settleMs }) {
  // Once more if the first try lands on a keep-alive socket workerd has just closed.
  const reset = () => fetch(`${url}/bench/live/reset`, { method: "POST" });
  await reset().catch(reset);
  const rssBefore = rssBytes(pid);
  const started = Date.now();
  const calls = Array.from({ length: n }, () =>
    fetch(`${url}/bench/slow`, { method: "POST", headers: { "content-type": "application/json" }, body: query })
      .then(async (r) => r.ok && (await r.json()).data?.generateExcuses?.includes("model=slow-gpt-4o"))
      .catch(() => false),
  );
  await new Promise((r) => setTimeout(r, settleMs));
  const rssHeld = rssBytes(pid);
  const ok = (await Promise.all(calls)).filter(Boolean).length;
  // Peaks since the reset: the most calls alive at once and the Wasm memory they held.
  const live = await (await fetch(`${url}/bench/live`)).json();
  return {
    n,
    ok,
    liveCalls: live.peakCalls,
    wasmBytes: live.peakWasmBytes,
    rssDelta: rssBefore !== undefined && rssHeld !== undefined ? rssHeld - rssBefore : undefined,
    seconds: (Date.now() - started) / 1000,
  };
}
