/** A redirect that was not followed; the message says why (the callers prefix what was being fetched). */
export class RedirectError extends Error {
  override name = "RedirectError";
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** The request for the next hop, or a throw when the location is not allowed. */
export type NextHop = (hop: { location: string; status: number; fetched: string }) => { url: string; headers: Headers };

export interface CheckedInit {
  method: string;
  headers: Headers;
  body?: BodyInit;
  signal?: AbortSignal;
}

/**
 * `fetch` that never follows a redirect blindly: each 3xx with a Location is
 * handed to `next`, which decides whether the hop is allowed and what to send
 * there (its own headers and secrets), or throws. 303, and 301/302 after a
 * POST, continue as GET without a body, as browsers do; 307/308 resend the
 * method and body. More than five hops is a RedirectError.
 *
 * @example const res = await fetchChecked(url, { method: "GET", headers }, refuseRedirects);
 */
export async function fetchChecked(url: string, init: CheckedInit, next: NextHop): Promise<Response> {
  let current = { url, headers: init.headers };
  let method = init.method;
  let body = init.body;
  let dropped = false;
  for (let hops = 0; ; hops++) {
    const res = await fetch(current.url, { method, headers: current.headers, body, redirect: "manual", signal: init.signal ?? null });
    const location = res.headers.get("location");
    if (!REDIRECTS.has(res.status) || location === null) return res;
    await res.body?.cancel();
    if (hops === MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`);
    if (res.status === 303 ? method !== "HEAD" : (res.status === 301 || res.status === 302) && method === "POST") {
      method = "GET";
      body = undefined;
      dropped = true;
    }
    current = next({ location, status: res.status, fetched: current.url });
    if (dropped) current.headers.delete("content-type");
  }
}

/** A NextHop for requests that may not be redirected at all. */
export const refuseRedirects: NextHop = ({ status }) => {
  throw new RedirectError(`redirected (${status}), and this request follows no redirects`);
};
