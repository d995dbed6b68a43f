import { describe, expect, it, vi } from "vitest";
import { graphql, requestWithEnv } from "../helpers";
import { tagged, type Tagged } from "../support/stub-requests";

const excuse = (event: string, t: Tagged, env: Record<string, string> = {}) =>
  graphql(`{ generateExcuses(event: ${JSON.stringify(event)}) }`, undefined, { env: { ...t.env, ...env } });

const hostError = (body: any) => body.errors.find((e: any) => e.extensions?.level === "error")?.message;

/** The value of `modus_model_calls_total{model="llm",status=...}` in /metrics (0 when absent). */
async function modelCalls(status: string): Promise<number> {
  // Through the same Worker instance as the calls (requestWithEnv), so the same counters.
  const { text } = await requestWithEnv({}, "/metrics");
  const line = new RegExp(`^modus_model_calls_total\\{model="llm",status="${status}"\\} (\\d+)$`, "m").exec(text);
  return line ? Number(line[1]) : 0;
}

describe("model provider failures become GraphQL errors with the provider's status and message", () => {
  it("a 500 from the provider", async () => {
    const t = tagged("fail-500");
    const { status, body } = await excuse("[fail-500]", t);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(hostError(body)).toBe(
      "Error invoking model llm: model llm: provider returned 500: The server had an error while processing your request. Sorry about that!",
    );
    expect(await t.requests()).toHaveLength(1);
  });

  it("a 429 from the provider", async () => {
    const { body } = await excuse("[fail-429]", tagged("fail-429"));
    expect(hostError(body)).toBe(
      "Error invoking model llm: model llm: provider returned 429: Rate limit reached for gpt-4o in organization org-stub on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.",
    );
  });

  it("an HTML error page", async () => {
    const { body } = await excuse("[not-json]", tagged("not-json"));
    expect(hostError(body)).toBe("Error invoking model llm: model llm: provider returned 502: Bad gateway");
  });

  it("a success status with a body that is not JSON", async () => {
    const { body } = await excuse("[not-json-200]", tagged("not-json-200"));
    expect(hostError(body)).toBe("Error invoking model llm: model llm: provider returned a response that is not JSON (text/html)");
  });

  it("a provider that does not answer within MODUS_MODEL_TIMEOUT_MS: the call is abandoned, not just left", async () => {
    // The stub holds [hang] until the client goes away: only the timeout can end this call.
    const t = tagged("hang");
    const { body } = await excuse("[hang]", t, { MODUS_MODEL_TIMEOUT_MS: "300" });
    expect(hostError(body)).toMatch(/^Error invoking model llm: model llm: no response from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions within 300 ms$/);
    // The host closed the connection: the stub saw its client go away before it answered.
    await vi.waitFor(async () => expect((await t.requests()).map((r) => r.abandoned)).toEqual([true]), { timeout: 10_000, interval: 50 });
  });

  it("an unreachable provider", async () => {
    const { body } = await excuse("x", tagged("unreachable"), { MODUS_OPENAI_ORIGIN: "http://127.0.0.1:9" });
    expect(hostError(body)).toMatch(/^Error invoking model llm: model llm: request to http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions failed: /);
  });

  it("each failed call is counted once in /metrics by status", async () => {
    // Only this file makes llm calls fail, and its tests run one at a time.
    const before = { 500: await modelCalls("500"), 429: await modelCalls("429") };
    await excuse("[fail-500]", tagged("count-500"));
    await excuse("[fail-429]", tagged("count-429"));
    await excuse("[fail-429]", tagged("count-429"));
    expect(await modelCalls("500")).toBe(before[500] + 1);
    expect(await modelCalls("429")).toBe(before[429] + 2);
  });
});
