import { describe, expect, it } from "vitest";
import { graphql } from "../helpers";

const excuse = (event: string, env?: Record<string, string>) =>
  graphql(`{ generateExcuses(event: ${JSON.stringify(event)}) }`, undefined, env ? { env } : {});

const hostError = (body: any) => body.errors.find((e: any) => e.extensions?.level === "error")?.message;

describe("model provider failures become GraphQL errors with the provider's status and message", () => {
  it("a 500 from the provider", async () => {
    const { status, body } = await excuse("[fail-500]");
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(hostError(body)).toBe(
      "Error invoking model llm: model llm: provider returned 500: The server had an error while processing your request.",
    );
  });

  it("a 429 from the provider", async () => {
    const { body } = await excuse("[fail-429]");
    expect(hostError(body)).toBe("Error invoking model llm: model llm: provider returned 429: Rate limit reached for requests");
  });

  it("an HTML error page", async () => {
    const { body } = await excuse("[not-json]");
    expect(hostError(body)).toBe("Error invoking model llm: model llm: provider returned 502: Bad gateway");
  });

  it("a success status with a body that is not JSON", async () => {
    const { body } = await excuse("[not-json-200]");
    expect(hostError(body)).toBe("Error invoking model llm: model llm: provider returned a response that is not JSON (text/html)");
  });

  it("a provider that does not answer within MODUS_MODEL_TIMEOUT_MS", async () => {
    const started = Date.now();
    const { body } = await excuse("[slow]", { MODUS_MODEL_TIMEOUT_MS: "300" });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(hostError(body)).toMatch(/^Error invoking model llm: model llm: no response from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions within 300 ms$/);
  });

  it("an unreachable provider", async () => {
    const { body } = await excuse("x", { MODUS_OPENAI_ORIGIN: "http://127.0.0.1:9" });
    expect(hostError(body)).toMatch(/^Error invoking model llm: model llm: request to http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions failed: /);
  });

  it("the failed call is counted in /metrics by status", async () => {
    await excuse("[fail-500]");
    const metrics = await (await import("../helpers")).request("/metrics");
    expect(metrics.text).toMatch(/^modus_model_calls_total\{model="llm",status="500"\} [1-9]\d*$/m);
  });
});
