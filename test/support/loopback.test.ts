import { describe, expect, it } from "vitest";
import { testEnv } from "../helpers";

// The stand-in's own contract: it answers as the real providers do, errors
// included, so product tests against it mean something.
const base = testEnv.TEST_PROVIDER_URL!;
const key = testEnv.MODUS_OPENAI_API_KEY!;
const post = async (path: string, headers: Record<string, string>, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};
const openai = (path: string, body: unknown, k = key) => post(path, { authorization: `Bearer ${k}` }, body);
const anthropic = (body: unknown, headers: Record<string, string> = { "x-api-key": key, "anthropic-version": "2023-06-01" }) =>
  post("v1/messages", headers, body);
const gemini = (body: unknown, k = key) => post("v1beta/models/gemini-1.5-flash:generateContent", { "x-goog-api-key": k }, body);

describe("the provider stand-in", () => {
  it("lives on 127.0.0.1, reachable from workerd", () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("speaks OpenAI's errors: 401 invalid_api_key, 400 for a missing messages or input", async () => {
    expect(await openai("v1/chat/completions", {}, "sk-nope-1234")).toEqual({
      status: 401,
      body: {
        error: {
          message: "Incorrect API key provided: sk-*****1234. You can find your API key at https://platform.openai.com/account/api-keys.",
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      },
    });
    expect(await openai("v1/chat/completions", { model: "gpt-4o" })).toEqual({
      status: 400,
      body: { error: { message: "Missing required parameter: 'messages'.", type: "invalid_request_error", param: "messages", code: "missing_required_parameter" } },
    });
    expect(await openai("v1/embeddings", { model: "text-embedding-3-small" })).toEqual({
      status: 400,
      body: { error: { message: "'input' is a required property", type: "invalid_request_error", param: null, code: null } },
    });
    const limited = await openai("v1/chat/completions", { model: "gpt-4o", messages: [{ role: "user", content: "[fail-429]" }] });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ type: "requests", code: "rate_limit_exceeded", param: null });
  });

  it("answers OpenAI chat with the full body: refusal, annotations, usage details", async () => {
    const { status, body } = await openai("v1/chat/completions", { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(status).toBe(200);
    expect(body.choices[0]).toEqual({
      index: 0,
      message: { role: "assistant", content: "model=gpt-4o; system=; user=hi", refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: "stop",
    });
    expect(body.usage.prompt_tokens_details).toEqual({ cached_tokens: 0, audio_tokens: 0 });
    expect(body.usage.completion_tokens_details).toMatchObject({ reasoning_tokens: 0 });
  });

  it("writes embeddings with negative and exponent floats", async () => {
    const res = await fetch(`${base}v1/embeddings`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: JSON.stringify({ model: "text-embedding-3-small", input: ["abc"] }),
    });
    const text = await res.text();
    expect(text).toMatch(/"embedding":\[0\.375,-0\.2948846539618857,9\.7e-8\]/);
  });

  it("speaks Anthropic's errors: {type:'error', error:{type, message}}, model and max_tokens required", async () => {
    expect(await anthropic({ model: "claude", max_tokens: 5, messages: [] }, { "x-api-key": "wrong-key-1", "anthropic-version": "2023-06-01" })).toEqual({
      status: 401,
      body: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" }, request_id: "req_011Stub" },
    });
    expect((await anthropic({ max_tokens: 5, messages: [] })).body.error).toEqual({ type: "invalid_request_error", message: "model: Field required" });
    expect((await anthropic({ model: "claude", messages: [] })).body.error).toEqual({ type: "invalid_request_error", message: "max_tokens: Field required" });
    expect((await anthropic({ model: "c", max_tokens: 1, messages: [] }, { "x-api-key": key })).body.error.message).toBe("anthropic-version: header is required");
  });

  it("speaks Gemini's errors: {error:{code, message, status}}", async () => {
    const bad = await gemini({ contents: [{ parts: [{ text: "x" }] }] }, "wrong-key-2");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 400, message: "API key not valid. Please pass a valid API key.", status: "INVALID_ARGUMENT" });
    expect(await gemini({})).toEqual({
      status: 400,
      body: { error: { code: 400, message: "* GenerateContentRequest.contents: contents is not specified\n", status: "INVALID_ARGUMENT" } },
    });
    const limited = await gemini({ contents: [{ parts: [{ text: "[fail-429]" }] }] });
    expect(limited.body).toEqual({ error: { code: 429, message: "Resource has been exhausted (e.g. check quota).", status: "RESOURCE_EXHAUSTED" } });
  });
});
