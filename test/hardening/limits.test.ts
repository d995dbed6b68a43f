// Limits with clear errors: response size and outbound host calls per request.
import { describe, expect, it } from "vitest";
import { query } from "./worker";
import { HostCallGate } from "../../src/hostfns/gate";

const ECHO = "https://vault.example.com/echo/api/many";

describe("the response size", () => {
  it("past the limit is an error saying how large and the limit, not megabytes", async () => {
    const { status, body, text } = await query("{ bigString(kib: 200) }", { env: { MODUS_RESPONSE_BYTES_LIMIT: "100000" } });
    expect(status).toBe(500);
    expect(text.length).toBeLessThan(1000);
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/^the response would be 20\d{4} bytes, more than the limit of 100000 \(MODUS_RESPONSE_BYTES_LIMIT\)$/),
        extensions: { code: "RESPONSE_TOO_LARGE" },
      },
    ]);
  });

  it("under the limit passes untouched", async () => {
    const { status, body } = await query("{ bigString(kib: 64) }");
    expect(status).toBe(200);
    expect(body.data.bigString).toHaveLength(65536);
  });
});

describe("outbound host calls per request", () => {
  it("past the count limit fail with an error naming it", async () => {
    const { body } = await query(`{ fetchMany(url: "${ECHO}", times: 8) }`, { env: { MODUS_HOST_CALLS_LIMIT: "5" } });
    expect(body.errors).toContainEqual({
      message: "modus_http_client.fetch: this request already made 5 outbound calls (models, http, data connections), its limit (MODUS_HOST_CALLS_LIMIT)",
      path: ["fetchMany"],
      extensions: { level: "error" },
    });
  });

  it("are counted across all calls of the request, and each request starts afresh", async () => {
    const env = { MODUS_HOST_CALLS_LIMIT: "5" };
    const both = await query(`{ a: fetchMany(url: "${ECHO}", times: 3) b: fetchMany(url: "${ECHO}", times: 3) }`, { env });
    const limited = both.body.errors.filter((e: { message: string }) => e.message.includes("MODUS_HOST_CALLS_LIMIT"));
    expect(limited).toHaveLength(1);
    const next = await query(`{ fetchMany(url: "${ECHO}", times: 5) }`, { env });
    expect(next.body).toMatchObject({ data: { fetchMany: 5 } });
  });

  it("wait their turn past the concurrency limit", async () => {
    const gate = new HostCallGate({ hostConcurrency: 3, hostCalls: 100 });
    let inFlight = 0;
    let most = 0;
    const task = async (i: number) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return i;
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => gate.run(() => task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });
});

describe("a limit set to something that is not a number", () => {
  it.each(["MODUS_CALL_MEMORY_LIMIT_MB", "MODUS_LOG_LINES_LIMIT", "MODUS_RESPONSE_BYTES_LIMIT", "MODUS_HOST_CALLS_LIMIT"])(
    "%s is a 503 naming it",
    async (name) => {
      const { status, body } = await query("{ work(n: 1) }", { env: { [name]: "-1" } });
      expect(status).toBe(503);
      expect(body.errors[0].message).toMatch(new RegExp(`^${name} must be a whole number from 1 to \\d+, not "-1"$`));
    },
  );
});
