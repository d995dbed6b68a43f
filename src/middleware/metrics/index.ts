import type { MiddlewareHandler } from "hono";
import type { Logger } from "../../observability/log";
import type { Metrics } from "../../observability/metrics";

/**
 * Counts each request and its duration, and writes one structured log line
 * per request (method, path, status, duration).
 *
 * @example app.use("*", requestMetrics({ metrics, log }));
 */
export const requestMetrics = ({ metrics, log }: { metrics: Metrics; log?: Logger }): MiddlewareHandler =>
  async function requestMetrics(c, next) {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // routePath maps every matched route on each read: read it once.
    const route = c.req.routePath;
    const path = route === "*" ? "other" : route;
    metrics.count("modus_requests_total", { path, status: String(c.res.status) });
    metrics.observe("modus_request_duration_seconds", { path }, seconds);
    log?.({ msg: "request", method: c.req.method, path: c.req.path, status: c.res.status, durationMs: Math.round(seconds * 1000) });
  };
