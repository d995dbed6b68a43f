/** One GraphQL endpoint, as the Worker lists it at `/explorer/endpoints.json`. */
export interface Endpoint {
  name: string;
  path: string;
  auth: "bearer-token" | "none";
}

/**
 * The app's GraphQL endpoints, read from the Worker that serves this page.
 *
 * @example const [first] = await loadEndpoints("/explorer/endpoints.json");
 */
export async function loadEndpoints(url: string): Promise<Endpoint[]> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const body = (await res.json()) as { endpoints?: Endpoint[] };
  if (!body.endpoints?.length) throw new Error(`${url} lists no GraphQL endpoints`);
  return body.endpoints;
}
