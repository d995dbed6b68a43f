import { buildRequestForConnection, ConnectionError, matchHttpConnection } from "../manifest/connections";
import { SecretError } from "../manifest/secrets";
import type { CallContext } from "../wasm/context";
import type { AbiHostFunction } from "./types";

/** The SDK's `Headers`, as the ABI lifts it: a map of lower-cased name -> { name, values }. */
interface GuestHeaders {
  data: { key: string; value: { name: string; values: string[] } | null }[];
}

interface GuestRequest {
  url: string;
  method: string;
  headers: GuestHeaders | null;
  /** base64, as byte buffers cross the boundary. */
  body: string | null;
}

const DEFAULT_TIMEOUT_MS = 30_000;

const toBase64 = (bytes: Uint8Array) => {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

function guestHeaders(headers: Headers): GuestHeaders {
  const byName = new Map<string, { name: string; values: string[] }>();
  headers.forEach((value, name) => {
    const entry = byName.get(name) ?? { name, values: [] };
    entry.values.push(value);
    byName.set(name, entry);
  });
  return { data: [...byName].map(([key, value]) => ({ key, value })) };
}

async function fetchForGuest(ctx: CallContext, request: GuestRequest) {
  const refuse = (message: string) => {
    ctx.logs.push({ level: "error", message });
    return null;
  };
  const match = matchHttpConnection(ctx.manifest, request.url);
  if (!match) return refuse(`http.fetch: no connection in modus.json allows ${request.url}`);
  const headers = new Headers();
  for (const { value } of request.headers?.data ?? []) {
    for (const v of value?.values ?? []) headers.append(value!.name, v);
  }
  let target: { url: string; headers: Headers };
  try {
    target = buildRequestForConnection({ ...match, env: ctx.env, headers });
  } catch (err) {
    if (err instanceof SecretError || err instanceof ConnectionError) return refuse(`http.fetch ${request.url}: ${err.message}`);
    throw err;
  }
  const method = (request.method || "GET").toUpperCase();
  const body = request.body && method !== "GET" && method !== "HEAD" ? fromBase64(request.body) : undefined;
  const timeout = Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  let res: Response;
  try {
    res = await fetch(target.url, { method, headers: target.headers, body, signal: AbortSignal.timeout(timeout) });
  } catch (err) {
    const why = (err as Error)?.name === "TimeoutError" ? `no response within ${timeout} ms` : unreachable(target.url, err);
    return refuse(`http.fetch ${request.url}: ${why}`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, statusText: res.statusText, headers: guestHeaders(res.headers), body: toBase64(bytes) };
}

/**
 * Names the host a failed fetch could not reach (the connection's, after any
 * origin override; never its full URL, whose query may carry secrets), with
 * the runtime's reason unless that is only an opaque "internal error; reference = …".
 */
function unreachable(url: string, err: unknown): string {
  const reason = String((err as Error)?.message ?? err).trim();
  const opaque = !reason || /internal error/i.test(reason);
  return `could not reach ${new URL(url).host}${opaque ? "" : ` (${reason.replace(/\.$/, "")})`}`;
}

/**
 * The `modus_http_client` import module: `fetch` for functions, allowed only
 * to the http connections modus.json declares (their headers, query
 * parameters and secrets applied by the host). Anything else is refused with
 * an error naming the URL, and the guest gets null.
 */
export const httpFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_http_client",
    name: "fetch",
    params: ["Request"],
    result: "Response",
    async: true,
    impl: fetchForGuest,
  },
];
