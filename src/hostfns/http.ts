import { buildRequestForConnection, ConnectionError, matchHttpConnection } from "../manifest/connections";
import { fetchChecked, RedirectError, type NextHop } from "../outbound/fetch";
import { connectionRedirects } from "../outbound/connection";
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

// Header names are HTTP tokens; values may not break the header line.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const LINE_BREAK = /[\r\n\0]/;

/** The guest's headers, or the problem with the first bad one (named). */
function requestHeaders(request: GuestRequest): Headers | string {
  const headers = new Headers();
  for (const { value } of request.headers?.data ?? []) {
    if (!value) continue;
    if (!TOKEN.test(value.name)) return `header name ${JSON.stringify(value.name)} is not a valid HTTP header name`;
    for (const v of value.values) {
      if (LINE_BREAK.test(v)) return `header "${value.name}" has a value with a line break (CR, LF or NUL), which HTTP does not allow`;
      try {
        headers.append(value.name, v);
      } catch {
        return `header "${value.name}" has a value HTTP does not allow`;
      }
    }
  }
  return headers;
}

async function fetchForGuest(ctx: CallContext, request: GuestRequest) {
  const refuse = (message: string) => {
    ctx.logs.push({ level: "error", message });
    return null;
  };
  const match = matchHttpConnection(ctx.manifest, request.url);
  if (!match) return refuse(`http.fetch: no connection in modus.json allows ${request.url}`);
  const headers = requestHeaders(request);
  if (typeof headers === "string") return refuse(`http.fetch ${request.url}: ${headers}`);
  const method = (request.method || "GET").toUpperCase();
  const body = request.body && method !== "GET" && method !== "HEAD" ? fromBase64(request.body) : undefined;
  const timeout = Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) > 0 ? Number(ctx.env.MODUS_HTTP_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
  let res: Response;
  // The URL being fetched when a hop fails: the first, or the redirect's.
  let attempted = request.url;
  try {
    const first = buildRequestForConnection({ ...match, env: ctx.env, headers });
    attempted = first.url;
    // Each hop is checked against the manifest and gets its own connection's headers, never the last one's.
    const checked = connectionRedirects({ manifest: ctx.manifest, env: ctx.env, from: match, headers });
    const next: NextHop = (hop) => {
      const target = checked(hop);
      attempted = target.url;
      return target;
    };
    res = await fetchChecked(first.url, { method, headers: first.headers, ...(body ? { body } : {}), signal: AbortSignal.timeout(timeout) }, next);
  } catch (err) {
    if (err instanceof SecretError || err instanceof ConnectionError || err instanceof RedirectError) {
      return refuse(`http.fetch ${request.url}: ${err.message}`);
    }
    const why = (err as Error)?.name === "TimeoutError" ? `no response within ${timeout} ms` : unreachable(attempted, err);
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
 * parameters and secrets applied by the host). Redirects are followed only
 * to URLs a connection allows, each hop with that connection's own secrets.
 * Anything else (a URL, a redirect, a header with a line break) is refused
 * with an error naming it, and the guest gets null.
 */
export const httpFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_http_client",
    name: "fetch",
    params: ["Request"],
    result: "Response",
    async: true,
    outbound: true,
    impl: fetchForGuest,
  },
];
