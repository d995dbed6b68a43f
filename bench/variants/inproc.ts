// Where a request's time goes inside the isolate: each variant's request
// handled `iterations` times by the app's own fetch handler, with no socket
// and no proxy in between, in µs per request. Compared with the HTTP rows,
// the difference is the network path (autocannon, sockets, miniflare's hop).
export interface InProcessTarget {
  name: string;
  path: string;
  body?: string;
}

type FetchHandler = (req: Request, env?: any, ctx?: ExecutionContext) => Response | Promise<Response>;

// With the Content-Length a client sends over the network.
const request = (t: InProcessTarget) =>
  new Request(
    `http://bench${t.path}`,
    t.body ? { method: "POST", headers: { "content-type": "application/json", "content-length": String(new TextEncoder().encode(t.body).length) }, body: t.body } : {},
  );

/** Handles `iterations` requests of `target` in turn (the runner times them by CPU). */
export async function runInProcess(fetch: FetchHandler, env: unknown, ctx: ExecutionContext, target: InProcessTarget, iterations: number): Promise<void> {
  for (let i = 0; i < iterations; i++) {
    const res = await fetch(request(target), env, ctx);
    await res.text();
    if (!res.ok) throw new Error(`${target.path} answered ${res.status}`);
  }
}

/** µs per request for each target, measured in turn after a warm-up. */
export async function measureInProcess(
  fetch: FetchHandler,
  env: unknown,
  ctx: ExecutionContext,
  targets: readonly InProcessTarget[],
  iterations = 300,
): Promise<Record<string, number>> {
  const once = async (t: InProcessTarget) => {
    const res = await fetch(request(t), env, ctx);
    await res.text();
    if (!res.ok) throw new Error(`${t.path} answered ${res.status}`);
  };
  const out: Record<string, number> = {};
  for (const t of targets) {
    for (let i = 0; i < 30; i++) await once(t);
    const started = performance.now();
    for (let i = 0; i < iterations; i++) await once(t);
    out[t.name] = ((performance.now() - started) * 1000) / iterations;
  }
  return out;
}

/** µs per structured log line written with `log` (production writes one per request and one per call). */
export function measureLogLine(log: (fields: { msg: string } & Record<string, unknown>) => void, iterations = 1000): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) {
    log({ msg: "function call", function: "sayHello", executionId: crypto.randomUUID(), outcome: "ok", durationMs: 0 });
  }
  return ((performance.now() - started) * 1000) / iterations;
}
