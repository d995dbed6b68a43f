// Each endpoint check is also a middleware of its own (the app runs them as steps of one chain).
import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { limitsFromEnv, type LimitsVariables } from "../../src/middleware/limits";
import { jsonPostsOnly } from "../../src/middleware/content-type";
import { responseLimit } from "../../src/middleware/response-limit";
import { timeZone, type TimeZoneVariables } from "../../src/middleware/time-zone";

function app() {
  const hono = new Hono<{ Variables: LimitsVariables & TimeZoneVariables }>();
  hono.onError((err, c) => c.json({ error: err.message }, err instanceof HTTPException ? err.status : 500));
  hono.use("/x", limitsFromEnv(), jsonPostsOnly(), responseLimit(), timeZone());
  hono.on(["GET", "POST"], "/x", (c) =>
    c.json({ zone: c.get("timeZone") ?? null, responseBytes: c.get("limits")?.responseBytes, pad: "x".repeat(Number(c.req.query("pad") ?? 0)) }),
  );
  return (init: RequestInit & { query?: string } = {}, env: Record<string, string> = {}) => hono.request(`/x${init.query ?? ""}`, init, env);
}

describe("the endpoint checks as middleware", () => {
  it("pass a JSON POST with the limits and time zone in c.var", async () => {
    const res = await app()({ method: "POST", headers: { "content-type": "application/json", "x-time-zone": "Europe/Paris" } }, { MODUS_RESPONSE_BYTES_LIMIT: "5000" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ zone: "Europe/Paris", responseBytes: 5000, pad: "" });
  });

  it("refuse a form POST (415), an unknown zone (400) and a bad limit (503), naming each", async () => {
    const send = app();
    const form = await send({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: string }).error).toBe("a POST to /x must be application/json or application/graphql-response+json, not Content-Type application/x-www-form-urlencoded");
    const zone = await send({ headers: { "x-time-zone": "Mars/Olympus" } });
    expect(zone.status).toBe(400);
    expect(((await zone.json()) as { error: string }).error).toBe('X-Time-Zone: unknown time zone "Mars/Olympus"');
    const limit = await send({}, { MODUS_RESPONSE_BYTES_LIMIT: "lots" });
    expect(limit.status).toBe(503);
    expect(((await limit.json()) as { error: string }).error).toBe(`MODUS_RESPONSE_BYTES_LIMIT must be a whole number from 1 to ${1 << 30}, not "lots"`);
  });

  it("replace an answer over the response limit with a 500 saying its size", async () => {
    const res = await app()({ query: "?pad=2000" }, { MODUS_RESPONSE_BYTES_LIMIT: "1000" });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RESPONSE_TOO_LARGE");
    expect(body.errors[0]!.message).toMatch(/^the response would be \d+ bytes, more than the limit of 1000 \(MODUS_RESPONSE_BYTES_LIMIT\)$/);
  });
});
