import { redirectHop, type HttpConnectionMatch } from "../manifest/connections";
import type { Env, Manifest } from "../manifest/types";
import type { NextHop } from "./fetch";

/**
 * The redirect policy for a request sent through a connection: each hop must
 * be allowed by a connection of the manifest and carries that connection's
 * own headers and secrets, never the previous one's (see redirectHop).
 *
 * @example fetchChecked(url, init, connectionRedirects({ manifest, env, from: match, headers }))
 */
export function connectionRedirects(opts: { manifest: Manifest; env: Env; from: HttpConnectionMatch; headers?: Headers }): NextHop {
  let from = { ...opts.from, callerHeaders: opts.headers ?? new Headers() };
  return ({ location, status, fetched }) => {
    const hop = redirectHop({ manifest: opts.manifest, env: opts.env, from, fetched, location, status, headers: from.callerHeaders });
    from = hop;
    return hop.target;
  };
}
