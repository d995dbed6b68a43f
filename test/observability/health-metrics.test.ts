import { describe, expect, it } from "vitest";
import { graphql, request } from "../helpers";

describe("GET /health", () => {
  it("reports status, the app, its build and the runtime version", async () => {
    const res = await request("/health");
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "ok",
      app: "modus-edge-example",
      sdk: "modus-sdk-as@0.18.0-edge.0",
      runtime: "modus-edge@0.1.0",
    });
    expect(body.buildId).toMatch(/^[0-9a-v]{20}$/);
    expect(Date.parse(body.buildTs as string)).not.toBeNaN();
  });
});

describe("GET /metrics", () => {
  it("counts requests, function calls and their durations in Prometheus text", async () => {
    await graphql(`{ a: sayHello(name: "m") b: countCalls }`);
    const res = await request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4");
    const text = res.text;
    expect(text).toContain("# TYPE modus_requests_total counter");
    expect(text).toMatch(/^modus_requests_total\{path="\/graphql",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^modus_function_calls_total\{function="sayHello",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toMatch(/^modus_function_calls_total\{function="countCalls",outcome="ok"\} [1-9]\d*$/m);
    expect(text).toContain("# TYPE modus_function_duration_seconds histogram");
    expect(text).toMatch(/^modus_function_duration_seconds_count\{function="sayHello"\} [1-9]\d*$/m);
    expect(text).toMatch(/^modus_request_duration_seconds_bucket\{path="\/graphql",le="\+Inf"\} [1-9]\d*$/m);
  });
});
