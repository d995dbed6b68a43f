// Timed GraphQL round trips for the benches that sample requests one by one
// (agents, collections), and the quantile of their samples.

/** The `q` quantile of `xs` (nearest rank, no interpolation). */
export const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** Posts a GraphQL operation; its `data`, or throws naming the URL and the answer. */
export async function post(url, query, variables) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/** How long `fn` took, in ms. */
export async function timed(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
