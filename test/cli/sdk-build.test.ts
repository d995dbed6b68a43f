import { beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadApp } from "../sdk/wasm-host";

// Builds test/sdk/app (every SDK module and model interface) with the CLI, as a
// user would, then checks the ABI it declares and the provider JSON it produces.

const run = promisify(execFile);
const SDK = "~lib/@hypermode/modus-sdk-as/assembly";
const STRING = "~lib/string/String";

let wasm: Uint8Array<ArrayBuffer>;
let metadata: any;

beforeAll(async () => {
  const out = mkdtempSync(path.join(tmpdir(), "modus-edge-sdk-"));
  await run(process.execPath, [path.resolve("bin/modus-edge.mjs"), "build", "test/sdk/app", "--out", out]);
  wasm = new Uint8Array(readFileSync(path.join(out, "app.wasm")));
  const module = new WebAssembly.Module(wasm);
  metadata = JSON.parse(Buffer.from(WebAssembly.Module.customSections(module, "modus_metadata")[0]!).toString("utf8"));
}, 120_000);

const fields = (type: string) => metadata.types[type].fields.map((f: { name: string; type: string }) => `${f.name}: ${f.type}`);
const call = (name: string, ...args: unknown[]) =>
  loadApp(wasm, {
    models: { chat: "GPT-4o-Mini", embeddings: "text-embedding-3-small", claude: "claude-3-5-sonnet-20240620", gemini: "gemini-1.5-flash" },
    invoke: (model) => (model === "chat" ? CHAT_RESPONSE : null),
  })(name, ...args);

describe("the SDK's host imports", () => {
  it("are exactly the Modus imports the app uses, with Modus's signatures", () => {
    expect(metadata.fnImports).toEqual({
      "modus_models.getModelInfo": {
        parameters: [{ name: "modelName", type: STRING }],
        results: [{ type: `${SDK}/models/ModelInfo` }],
      },
      "modus_models.invokeModel": {
        parameters: [{ name: "modelName", type: STRING }, { name: "input", type: STRING }],
        results: [{ type: `${STRING} | null` }],
      },
      "modus_http_client.fetch": {
        parameters: [{ name: "request", type: `${SDK}/http/Request` }],
        results: [{ type: `${SDK}/http/Response` }],
      },
      "modus_secrets.getSecretValue": { parameters: [{ name: "name", type: STRING }], results: [{ type: STRING }] },
      "modus_system.getTimeInZone": {
        parameters: [{ name: "tz", type: `${STRING} | null` }],
        results: [{ type: `${STRING} | null` }],
      },
      "modus_system.logMessage": { parameters: [{ name: "level", type: STRING }, { name: "message", type: STRING }] },
    });
  });

  it("describe the classes that cross the boundary field by field, in Modus's order", () => {
    expect(fields(`${SDK}/models/ModelInfo`)).toEqual([`name: ${STRING}`, `fullName: ${STRING}`]);
    expect(fields(`${SDK}/http/Request`)).toEqual([
      `url: ${STRING}`,
      `method: ${STRING}`,
      `headers: ${SDK}/http/Headers`,
      "body: ~lib/arraybuffer/ArrayBuffer",
    ]);
    expect(fields(`${SDK}/http/Response`)).toEqual([
      "status: u16",
      `statusText: ${STRING}`,
      `headers: ${SDK}/http/Headers`,
      "body: ~lib/arraybuffer/ArrayBuffer",
    ]);
    expect(fields(`${SDK}/http/Headers`)).toEqual([`data: ~lib/map/Map<${STRING},${SDK}/http/Header>`]);
    expect(fields(`${SDK}/http/Header`)).toEqual([`name: ${STRING}`, `values: ~lib/array/Array<${STRING}>`]);
  });
});

describe("the SDK test app", () => {
  it("exports its functions with GraphQL-friendly signatures", () => {
    const sig = (name: string) => {
      const f = metadata.fnExports[name];
      return `(${(f.parameters ?? []).map((p: any) => `${p.name}: ${p.type}`).join(", ")}) => ${f.results?.[0]?.type ?? "void"}`;
    };
    expect(sig("openaiChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("openaiEmbed")).toBe(`(texts: ~lib/array/Array<${STRING}>) => ~lib/array/Array<~lib/array/Array<f32>>`);
    expect(sig("anthropicChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("geminiChat")).toBe(`(prompt: ${STRING}) => ${STRING}`);
    expect(sig("httpGetText")).toBe(`(url: ${STRING}) => ${STRING}`);
    expect(sig("httpResponseHeader")).toBe(`(url: ${STRING}, name: ${STRING}) => ${STRING} | null`);
    expect(sig("secretValue")).toBe(`(name: ${STRING}) => ${STRING}`);
    expect(sig("claimsSubject")).toBe(`() => ${STRING}`);
    expect(sig("isValidTimeZone")).toBe(`(tz: ${STRING}) => bool`);
    expect(sig("durationOfSeconds")).toBe("(seconds: i64) => i64");
    // 60 functions, and the SDK's five agent entry points (recorded as Modus records them).
    expect(Object.keys(metadata.fnExports)).toHaveLength(65);
    expect(sig("_modus_agent_handle_message")).toBe(`(msgName: ${STRING}, data: ${STRING} | null) => ${STRING} | null`);
  });

  it("builds OpenAI chat requests as Modus does, leaving defaults out", () => {
    expect(call("openaiChatMinimalRequest", "Hello").value).toBe(
      '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hello"}]}',
    );
    expect(call("openaiToolChoice", "auto").value).toBe('"auto"');
    expect(call("openaiToolChoice", "get_weather").value).toBe('{"type":"function","function":{"name":"get_weather"}}');
    expect(call("openaiResponseFormat", '{"name":"x","schema":{}}').value).toBe(
      '{"json_schema":{"name":"x","schema":{}},"type":"json_schema"}',
    );
  });

  it("builds an OpenAI chat request with every option and message kind", () => {
    const { value, error } = call("openaiChatFullRequest", 'Weather in "Paris"?');
    expect(error).toBeUndefined();
    const body = JSON.parse(value as string);
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
    expect(body.messages.map((m: any) => m.role)).toEqual([
      "system", "system", "developer", "user", "user", "assistant", "assistant", "tool", "tool",
    ]);
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

  it("invokes a model through the host and parses its response", () => {
    const { value, logs } = call("openaiChat", "hi");
    expect(value).toBe("Hello there");
    expect(logs).toEqual([]);
    expect(call("openaiChatResponseSummary", CHAT_RESPONSE).value).toBe(
      'chatcmpl-1|gpt-4o-mini|2025-01-02T03:04:05.000Z|tool_calls|get_weather({"city":"Oslo"})|12|fp_1',
    );
    // A null from invokeModel means the host failed (and logged); the SDK throws, which aborts.
    expect(call("anthropicChat", "hi")).toMatchObject({
      error: "exit 255",
      logs: [["fatal", expect.stringMatching(/^Failed to invoke claude model\. at /)]],
    });
  });

  it("builds embeddings, Anthropic, Gemini, Llama and classification requests", () => {
    expect(call("openaiEmbeddingsRequest", "some text", -1, "").value).toBe(
      '{"model":"text-embedding-3-small","input":"some text"}',
    );
    expect(call("openaiEmbeddingsRequest", "some text", 256, "u1").value).toBe(
      '{"dimensions":256,"user":"u1","model":"text-embedding-3-small","input":"some text"}',
    );
    expect(call("openaiEmbeddingsTokensRequest", [1, 2, 3]).value).toBe('{"model":"text-embedding-3-small","input":[1,2,3]}');
    expect(call("anthropicMinimalRequest", "Hello").value).toBe(
      '{"model":"claude-3-5-sonnet-20240620","messages":[{"role":"user","content":"Hello"}],"max_tokens":4096}',
    );
    expect(JSON.parse(call("anthropicFullRequest", "Hello", "get_weather").value as string)).toEqual({
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
    expect(call("geminiMinimalRequest", "Hello").value).toBe(
      '{"contents":[{"role":"user","parts":[{"text":"Hello"}]}],"generationConfig":null}',
    );
    expect(JSON.parse(call("geminiFullRequest", "Hello").value as string).generationConfig).toEqual({
      candidateCount: 1,
      stopSequences: ["END"],
      maxOutputTokens: 100,
      temperature: 0.4,
      topP: 0.8,
      topK: 10,
      responseMimeType: "application/json",
      responseSchema: { type: "object" },
    });
    expect(call("llamaRequest", "Hi", 0.6, 512).value).toBe('{"prompt":"Hi"}');
    expect(call("llamaRequest", "Hi", 0.1, 64).value).toBe('{"temperature":0.1,"max_gen_len":64,"prompt":"Hi"}');
    expect(call("classificationRequest", ["a", "b"]).value).toBe('{"instances":["a","b"]}');
  });

  it("keeps Modus's console levels and abort format", () => {
    expect(call("logAtEveryLevel", "m").logs).toEqual([["", "m"], ["debug", "m"], ["info", "m"], ["warning", "m"], ["error", "m"]]);
    expect(call("failWith", "boom")).toEqual({ error: "exit 255", logs: [["fatal", "boom at assembly/platform.ts:59:3"]] });
    expect(call("userError", "bad input")).toEqual({ error: "exit 1", logs: [["error", "bad input"]] });
  });

  it("serialises DynamicMap, SQL points, query parameters and Neo4j records", () => {
    expect(call("dynamicMapRoundTrip", '{"a":1,"b":"x","c":[1,2]}').value).toBe('{"a":1,"b":"x","c":[1,2],"added":1}');
    expect(call("sqlPointJson", 1.5, -2).value).toBe('"(1.5,-2.0)"');
    expect(call("sqlParseLocation", '"POINT (3 4)"').value).toBe("3.0,4.0");
    expect(call("queryParamsJson", 't"x', 7).value).toBe('["t\\"x",7,null]|{"text":"t\\"x","n":7}');
    expect(call("neo4jNodeLabels", '{"ElementId":"4:1","Labels":["P"],"Props":{"name":"Ann"}}').value).toBe(
      'P|Ann|{"n":{"ElementId":"4:1","Labels":["P"],"Props":{"name":"Ann"}}}',
    );
    expect(call("escapeRdf", 'a"b\\c\n').value).toBe('a\\"b\\\\c\\n');
    expect(call("vectorNormalize", [3, 4]).value).toEqual([0.6, 0.8]);
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
        tool_calls: [{ id: "call_9", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }],
      },
      logprobs: null,
      finish_reason: "tool_calls",
    },
  ],
  usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
  system_fingerprint: "fp_1",
});
