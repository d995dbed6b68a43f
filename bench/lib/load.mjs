// One bounded autocannon run against 127.0.0.1.
import autocannon from "autocannon";

/**
 * @typedef {{ method?: string, url: string, body?: string }} Target
 * @typedef {{ rps: number, p50: number, p99: number, requests: number, failures: number }} Sample
 */

/**
 * Drives `target` with `connections` for `seconds`; failures count errors,
 * time-outs and non-2xx answers.
 * @returns {Promise<Sample>}
 */
export async function drive(target, { connections, seconds }) {
  const url = new URL(target.url);
  if (url.hostname !== "127.0.0.1") throw new Error(`load goes to 127.0.0.1 only, not ${url.hostname}`);
  const r = await autocannon({
    url: target.url,
    method: target.method ?? "GET",
    ...(target.body ? { body: target.body, headers: { "content-type": "application/json" } } : {}),
    connections,
    duration: seconds,
    timeout: 10,
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
