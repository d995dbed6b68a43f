import { connectionEnvPrefix, readEnv, resolveConnection } from "./secrets";
import type { Env, HttpConnection, Manifest } from "./types";
import { comparable, safeHttpUrl } from "./url";

/** An outbound URL or an override that the manifest does not allow. */
export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
}

/** The http connection that may receive a URL, and that URL normalised (fetch this one). */
export interface HttpConnectionMatch {
  name: string;
  connection: HttpConnection;
  url: string;
}

/**
 * The http connection allowed to receive `url`, or null: its `endpoint`
 * equals the URL, or its `baseUrl` is a prefix of it, compared after URL
 * normalisation (scheme and host in any case, the path in its own), ignoring
 * query and fragment.
 * Refused: other schemes, hosts or ports, user info (`https://api.example.com@evil.com/`),
 * paths that leave the base (`/v1/../admin`, `%2e%2e`, `..%2f`), backslashes
 * and whitespace. An exact endpoint wins over a base; the longest base wins
 * over shorter ones.
 *
 * @example matchHttpConnection(manifest, "https://api.openai.com/v1/models")?.name // "openai"
 */
export function matchHttpConnection(manifest: Manifest, url: string): HttpConnectionMatch | null {
  const target = safeHttpUrl(url);
  if (!target) return null;
  const key = comparable(target);
  let best: { name: string; connection: HttpConnection; rank: number } | undefined;
  for (const [name, connection] of Object.entries(manifest.connections ?? {})) {
    if (connection.type !== "http") continue;
    const declared = safeHttpUrl(connection.endpoint ?? connection.baseUrl ?? "");
    if (!declared) continue;
    const allowed = comparable(declared);
    // An exact endpoint outranks any base; among bases, the longer is more specific.
    const rank = connection.endpoint !== undefined ? (allowed === key ? Infinity : -1) : key.startsWith(allowed) ? allowed.length : -1;
    if (rank >= 0 && (!best || rank > best.rank)) best = { name, connection, rank };
  }
  return best ? { name: best.name, connection: best.connection, url: target.href } : null;
}

/**
 * The env variable that points a connection at another origin for local dev
 * and tests: `MODUS_<CONNECTION>_ORIGIN` (connection name upper-cased, `-` as
 * `_`). Its value is an origin only, such as `http://localhost:8787`; the
 * manifest's paths are kept, so a stand-in server sees the real provider's paths.
 *
 * @example originOverrideName("open-ai") // "MODUS_OPEN_AI_ORIGIN"
 */
export function originOverrideName(connection: string): string {
  return `${connectionEnvPrefix(connection)}ORIGIN`;
}

/**
 * The Hyperdrive binding a postgresql or mysql connection uses when the Worker
 * has one: `MODUS_<CONNECTION>_HYPERDRIVE` (declared in wrangler.toml as
 * `[[hyperdrive]] binding = "MODUS_MY_DB_HYPERDRIVE"`).
 *
 * @example hyperdriveBindingName("my-db") // "MODUS_MY_DB_HYPERDRIVE"
 */
export function hyperdriveBindingName(connection: string): string {
  return `${connectionEnvPrefix(connection)}HYPERDRIVE`;
}

/**
 * The connection's origin override from `env`, or undefined when unset.
 * Throws ConnectionError when the value is more than scheme, host and port.
 *
 * @example originOverride({ MODUS_OPENAI_ORIGIN: "http://localhost:8787" }, "openai") // "http://localhost:8787"
 */
export function originOverride(env: Env, connection: string): string | undefined {
  const variable = originOverrideName(connection);
  const raw = readEnv(env, variable);
  if (raw === undefined) return undefined;
  const url = safeHttpUrl(raw);
  // The value itself is left out of the message: it may hold credentials.
  if (!url || url.pathname !== "/" || url.search || url.hash || raw.includes("?") || raw.includes("#")) {
    throw new ConnectionError(`${variable} must be an http(s) origin such as http://localhost:8787, with no path, query or user info`);
  }
  return url.origin;
}

/**
 * The request to send for a connection: its query parameters and headers
 * (templates resolved from `env`) set over the caller's, and the origin
 * replaced when `MODUS_<CONNECTION>_ORIGIN` is set. The manifest's values win
 * over the caller's, so a function cannot replace a connection's credentials.
 * Throws SecretError for a missing secret, ConnectionError for a bad override.
 *
 * @example
 * const match = matchHttpConnection(manifest, requestedUrl);
 * if (!match) throw new ConnectionError(`no connection in modus.json allows ${requestedUrl}`);
 * const { url, headers } = buildRequestForConnection({ ...match, env, headers: { accept: "application/json" } });
 * await fetch(url, { headers });
 */
export function buildRequestForConnection(options: {
  name: string;
  connection: HttpConnection;
  url: string;
  env: Env;
  headers?: HeadersInit;
}): { url: string; headers: Headers } {
  const { name, env } = options;
  const connection = resolveConnection(name, options.connection, env);
  let url = new URL(options.url);
  for (const [key, value] of Object.entries(connection.queryParameters ?? {})) url.searchParams.set(key, value);
  const origin = originOverride(env, name);
  // Concatenated, not resolved: a path such as "//evil.com/x" must stay a path.
  if (origin) url = new URL(origin + url.pathname + url.search + url.hash);
  const headers = new Headers(options.headers);
  for (const [key, value] of Object.entries(connection.headers ?? {})) headers.set(key, value);
  return { url: url.href, headers };
}

/** The request for one hop of a redirect: the connection that allows it, and what to send. */
export interface RedirectHop extends HttpConnectionMatch {
  /** Where to send it (origin override applied). */
  target: { url: string; headers: Headers };
  /** The caller's own headers as they go on from here (credentials dropped after a change of origin). */
  callerHeaders: Headers;
}

// Headers a caller sets that must not follow a redirect to another origin (as fetch itself drops them).
const ORIGIN_BOUND_HEADERS = ["authorization", "cookie", "proxy-authorization"];

/**
 * The next hop of a redirect answered to a request of connection `from`:
 * `location` is resolved against the URL actually fetched (`fetched`), taken
 * back to the manifest's origin when it points at the connection's origin
 * override, and must be allowed by a connection, which then supplies its own
 * headers and query parameters. Nothing of `from`'s (its template query
 * parameters, even echoed in the location) goes along, nor, to another
 * origin, the caller's credentials headers. Throws ConnectionError naming the
 * refused location (without its query), SecretError for a missing secret.
 *
 * @example redirectHop({ manifest, env, from: match, fetched: url, location: "/v1/next", status: 307, headers })
 */
export function redirectHop(options: {
  manifest: Manifest;
  env: Env;
  from: { name: string; connection: HttpConnection; url: string };
  fetched: string;
  location: string;
  status: number;
  headers?: HeadersInit;
}): RedirectHop {
  const { manifest, env, from } = options;
  let next: URL;
  try {
    next = new URL(options.location, options.fetched);
  } catch {
    throw new ConnectionError(`redirected (${options.status}) to a location that is not a URL`);
  }
  const override = originOverride(env, from.name);
  const declared = safeHttpUrl(from.connection.endpoint ?? from.connection.baseUrl ?? "");
  if (override && declared && next.origin === override) next = new URL(declared.origin + next.pathname + next.search);
  for (const key of Object.keys(from.connection.queryParameters ?? {})) {
    if (next.searchParams.has(key)) next.searchParams.delete(key);
  }
  const shown = `${next.origin}${next.pathname}`;
  const match = next.protocol === "http:" || next.protocol === "https:" ? matchHttpConnection(manifest, next.href) : null;
  if (!match) throw new ConnectionError(`redirected (${options.status}) to ${shown}, which no connection in modus.json allows`);
  const callerHeaders = new Headers(options.headers);
  if (new URL(match.url).origin !== new URL(from.url).origin) for (const h of ORIGIN_BOUND_HEADERS) callerHeaders.delete(h);
  return { ...match, callerHeaders, target: buildRequestForConnection({ ...match, env, headers: callerHeaders }) };
}
