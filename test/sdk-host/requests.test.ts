import { describe, expect, it } from "vitest";
import { sdkQuery } from "./app";

// The SDK's provider request JSON and response parsing, run in the SDK test
// app through the real host (src/app + src/load): the bytes the SDK would
// send, as Modus's SDK builds them.

/** Runs `query` and returns its data, failing on any error. */
async function data(query: string, variables?: Record<string, unknown>) {
  const { body } = await sdkQuery(query, variables ? { variables } : {});
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe("OpenAI chat requests", () => {
  it("leave defaults out, and write tool choices and response formats as Modus does", async () => {
    expect(
      await data(`{
        minimal: openaiChatMinimalRequest(prompt: "Hello")
        auto: openaiToolChoice(choice: "auto")
        fn: openaiToolChoice(choice: "get_weather")
        format: openaiResponseFormat(format: "{\\"name\\":\\"x\\",\\"schema\\":{}}")
      }`),
    ).toEqual({
      minimal: '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}',
      auto: '"auto"',
      fn: '{"type":"function","function":{"name":"get_weather"}}',
      format: '{"json_schema":{"name":"x","schema":{}},"type":"json_schema"}',
    });
  });

  it("carry every option and message kind", async () => {
    const { full } = await data(`query($p: String!) { full: openaiChatFullRequest(prompt: $p) }`, { p: 'Weather in "Paris"?' });
    const body = JSON.parse(full);
    expect(body).toMatchObject({
      model: "gpt-4o-mini",
      modalities: ["text", "audio"],
      audio: { voice: "ash", format: "mp3" },
      frequency_penalty: 0.5,
      logit_bias: { "50256": -100 },
      logprobs: true,
      top_logprobs: 3,
      max_tokens: 100,
      max_completion_tokens: 200,
      n: 2,
      presence_penalty: -0.5,
      response_format: { type: "json_schema", json_schema: { name: "answer", strict: true, schema: { type: "object" } } },
      seed: 42,
      service_tier: "default",
      stop: ["\n\n", "END"],
      temperature: 0.7,
      top_p: 0.9,
      tool_choice: { type: "function", function: { name: "get_weather" } },
      parallel_tool_calls: false,
      user: "user-123",
    });
    expect(body.tools[0]).toEqual({
      type: "function",
      function: {
        name: "get_weather",
        description: "Current weather for a city",
        strict: true,
        parameters: {
          type: "object",
          properties: { city: { type: "string", description: "The city" }, days: { type: "integer", description: "How many days" } },
          required: ["city", "days"],
          additionalProperties: false,
        },
      },
    });
    expect(body.messages.map((m: any) => m.role)).toEqual(["system", "system", "developer", "user", "user", "assistant", "assistant", "tool", "tool"]);
    expect(body.messages[3]).toEqual({ role: "user", name: "ann", content: 'Weather in "Paris"?' });
    expect(body.messages[4].content).toEqual([
      { type: "text", text: "What is in these?" },
      { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "low" } },
      { type: "image_url", image_url: { url: "data:image/png;base64,ZmFrZS1ieXRlcw==" } },
      { type: "image_url", image_url: { url: "data:image/jpeg;base64,aGVsbG8=", detail: "high" } },
      { type: "input_audio", input_audio: { data: "ZmFrZS1ieXRlcw==", format: "wav" } },
    ]);
    expect(body.messages[5]).toEqual({
      role: "assistant",
      content: "Let me check.",
      name: "bot",
      refusal: "none",
      tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
      audio: { id: "audio_1" },
    });
    expect(body.messages[7]).toEqual({ role: "tool", content: '{"temp":21}', tool_call_id: "call_1" });
  });
});

describe("provider responses parse", () => {
  it("an OpenAI chat completion with tool calls, refusal, annotations and usage details", async () => {
    const { summary } = await data(`query($r: String!) { summary: openaiChatResponseSummary(response: $r) }`, { r: CHAT_RESPONSE });
    expect(summary).toBe('chatcmpl-1|gpt-4o-mini|2025-01-02T03:04:05.000Z|tool_calls|get_weather({"city":"Oslo"})|12|fp_1');
  });

  it("an Anthropic message and a Gemini response, with every field their APIs send", async () => {
    const { anthropic, gemini } = await data(`query($a: String!, $g: String!) { anthropic: anthropicResponseSummary(response: $a) gemini: geminiResponseSummary(response: $g) }`, {
      a: ANTHROPIC_RESPONSE,
      g: GEMINI_RESPONSE,
    });
    expect(anthropic).toBe('msg_01|tool_use|31.0|Let me look.|get_weather{"city":"Oslo"}');
    expect(gemini).toBe("Hola|STOP|4|12");
  });

  it("an embeddings response with negative and exponent floats, as f32", async () => {
    const { vector } = await data(`query($r: String!) { vector: openaiEmbeddingsResponseVector(response: $r) }`, {
      r: '{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292,1.5e-7,-2.5E-3]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}}',
    });
    expect(vector).toEqual([0.0023064255, -0.009327292, 1.5e-7, -2.5e-3].map(Math.fround));
  });
});

describe("other provider requests", () => {
  it("embeddings, Anthropic, Gemini, Llama and classification requests", async () => {
    const d = await data(`{
      embDefault: openaiEmbeddingsRequest(text: "some text", dimensions: -1, user: "")
      embOptions: openaiEmbeddingsRequest(text: "some text", dimensions: 256, user: "u1")
      embTokens: openaiEmbeddingsTokensRequest(tokens: [1, 2, 3])
      anthropicMinimal: anthropicMinimalRequest(prompt: "Hello")
      anthropicFull: anthropicFullRequest(prompt: "Hello", toolChoice: "get_weather")
      geminiMinimal: geminiMinimalRequest(prompt: "Hello")
      geminiFull: geminiFullRequest(prompt: "Hello")
      llamaDefaults: llamaRequest(prompt: "Hi", temperature: 0.6, maxGenLen: 512)
      llamaOptions: llamaRequest(prompt: "Hi", temperature: 0.1, maxGenLen: 64)
      classification: classificationRequest(texts: ["a", "b"])
    }`);
    expect(d.embDefault).toBe('{"model":"text-embedding-3-small","input":"some text"}');
    expect(d.embOptions).toBe('{"dimensions":256,"user":"u1","model":"text-embedding-3-small","input":"some text"}');
    expect(d.embTokens).toBe('{"model":"text-embedding-3-small","input":[1,2,3]}');
    expect(d.anthropicMinimal).toBe('{"model":"claude-3-5-sonnet-20240620","messages":[{"role":"user","content":"Hello"}],"max_tokens":4096}');
    expect(JSON.parse(d.anthropicFull)).toEqual({
      model: "claude-3-5-sonnet-20240620",
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello." },
        { role: "user", content: "Hello" },
      ],
      max_tokens: 256,
      metadata: { user_id: "user-123" },
      stop_sequences: ["END"],
      system: "You are terse.",
      temperature: 0.3,
      tool_choice: { type: "tool", name: "get_weather" },
      tools: [
        {
          name: "get_weather",
          description: "Current weather for a city",
          input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      ],
      top_k: 5,
      top_p: 0.5,
    });
    expect(d.geminiMinimal).toBe('{"contents":[{"role":"user","parts":[{"text":"Hello"}]}],"generationConfig":null}');
    expect(JSON.parse(d.geminiFull).generationConfig).toEqual({
      candidateCount: 1,
      stopSequences: ["END"],
      maxOutputTokens: 100,
      temperature: 0.4,
      topP: 0.8,
      topK: 10,
      responseMimeType: "application/json",
      responseSchema: { type: "object" },
    });
    expect(d.llamaDefaults).toBe('{"prompt":"Hi"}');
    expect(d.llamaOptions).toBe('{"temperature":0.1,"max_gen_len":64,"prompt":"Hi"}');
    expect(d.classification).toBe('{"instances":["a","b"]}');
  });
});

const CHAT_RESPONSE = JSON.stringify({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1735787045,
  model: "gpt-4o-mini",
  choices: [
    {
      index: 0,
      message: {
        role: "assistant",
        content: "Hello there",
        refusal: null,
        annotations: [],
        tool_calls: [{ id: "call_9", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }],
      },
      logprobs: null,
      finish_reason: "tool_calls",
    },
  ],
  usage: {
    prompt_tokens: 9,
    completion_tokens: 3,
    total_tokens: 12,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  },
  service_tier: "default",
  system_fingerprint: "fp_1",
});

const ANTHROPIC_RESPONSE = JSON.stringify({
  id: "msg_01",
  type: "message",
  role: "assistant",
  model: "claude-3-5-sonnet-20240620",
  content: [
    { type: "text", text: "Let me look." },
    { type: "tool_use", id: "toolu_01", name: "get_weather", input: { city: "Oslo" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 31, service_tier: "standard" },
});

const GEMINI_RESPONSE = JSON.stringify({
  candidates: [{ content: { parts: [{ text: "Hola" }], role: "model" }, finishReason: "STOP", avgLogprobs: -0.05 }],
  usageMetadata: {
    promptTokenCount: 4,
    candidatesTokenCount: 8,
    totalTokenCount: 12,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: 4 }],
  },
  modelVersion: "gemini-1.5-flash",
  responseId: "abc123",
});
