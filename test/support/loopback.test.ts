import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";

describe("test stand-ins", () => {
  it("the Worker's env points at the provider stub on 127.0.0.1, and workerd can reach it", async () => {
    const base = (env as Record<string, string>).TEST_PROVIDER_URL!;
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(`${base}v1/chat/completions`, { method: "POST", body: "{}" });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: "Incorrect API key provided.", type: "invalid_request_error", param: null, code: null } });
  });
});
