import { describe, expect, it } from "vitest";
import { stubEmbedding } from "../support/provider-stub";
import { tagged } from "../support/stub-requests";
import { sdkQuery } from "./app";

describe("SDK model classes through the real host and a provider stub", () => {
  it("OpenAI chat: the request carries the SDK's JSON and the answer comes back parsed", async () => {
    const t = tagged("openai-chat");
    const { body } = await sdkQuery(`{ openaiChat(prompt: "hi there") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    // the SDK sends the model name lower-cased, as Modus's does
    expect(body.data.openaiChat).toBe("model=gpt-4o-mini; system=Answer briefly.; user=hi there; temperature=0.2");
    const sent = await t.requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("/v1/chat/completions");
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${t.key}`);
    expect(JSON.parse(sent[0]!.body)).toEqual({
      model: "gpt-4o-mini",
      messages: [
        { role: "system", content: "Answer briefly." },
        { role: "user", content: "hi there" },
      ],
      temperature: 0.2,
    });
  });

  it("OpenAI embeddings: vectors for every input, in order, as f32", async () => {
    const t = tagged("openai-embed");
    const { body } = await sdkQuery(`{ openaiEmbed(texts: ["abc", "hello"]) }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiEmbed).toEqual([stubEmbedding("abc").map(Math.fround), stubEmbedding("hello").map(Math.fround)]);
    const sent = await t.requests();
    expect(sent.map((r) => r.url)).toEqual(["/v1/embeddings"]);
    expect(JSON.parse(sent[0]!.body)).toEqual({ model: "text-embedding-3-small", input: ["abc", "hello"] });
  });

  it("Anthropic messages: x-api-key and anthropic-version from the connection, the SDK's body", async () => {
    const t = tagged("anthropic");
    const { body } = await sdkQuery(`{ anthropicChat(prompt: "bonjour") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.anthropicChat).toBe("system=Answer briefly.; user=bonjour; max_tokens=4096");
    const sent = await t.requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("/v1/messages");
    expect(sent[0]!.headers["x-api-key"]).toBe(t.key);
    expect(sent[0]!.headers["anthropic-version"]).toBe("2023-06-01");
    expect(JSON.parse(sent[0]!.body)).toEqual({
      model: "claude-3-5-sonnet-20240620",
      messages: [{ role: "user", content: "bonjour" }],
      max_tokens: 4096,
      system: "Answer briefly.",
    });
  });

  it("Gemini generateContent: the key header from the connection, the model in the path", async () => {
    const t = tagged("gemini");
    const { body } = await sdkQuery(`{ geminiChat(prompt: "hola") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.geminiChat).toBe("model=gemini-1.5-flash; user=hola");
    const sent = await t.requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe("/v1beta/models/gemini-1.5-flash:generateContent");
    expect(sent[0]!.headers["x-goog-api-key"]).toBe(t.key);
    expect(JSON.parse(sent[0]!.body)).toEqual({ contents: [{ role: "user", parts: [{ text: "hola" }] }], generationConfig: null });
  });
});

describe("provider errors in each provider's own format reach the function's caller", () => {
  const cases: [string, string, RegExp][] = [
    ["openaiChat", "chat", /^Error invoking model chat: model chat: provider returned 429: Rate limit reached for gpt-4o-mini /],
    ["anthropicChat", "claude", /^Error invoking model claude: model claude: provider returned 429: Number of requests has exceeded your per-minute rate limit$/],
    ["geminiChat", "gemini", /^Error invoking model gemini: model gemini: provider returned 429: Resource has been exhausted \(e\.g\. check quota\)\.$/],
  ];
  for (const [fn, model, message] of cases) {
    it(`${fn}: a 429 from the provider`, async () => {
      const t = tagged(`${fn}-429`);
      const { body } = await sdkQuery(`{ ${fn}(prompt: "[fail-429]") }`, { env: t.env });
      expect(body.data).toBeNull();
      expect(body.errors.find((e: any) => e.extensions?.level === "error").message).toMatch(message);
      expect(body.errors.find((e: any) => e.extensions?.level === "fatal").message).toMatch(new RegExp(`^Failed to invoke ${model} model\\.`));
      expect(await t.requests()).toHaveLength(1);
    });
  }
});

describe("a tool-call round trip through the SDK and the host", () => {
  it("the model calls the tool, the function answers it, and the model's final text comes back", async () => {
    const t = tagged("tool-round-trip");
    const { body } = await sdkQuery(`{ openaiToolRoundTrip(question: "serendipity") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiToolRoundTrip).toBe(
      'lookup_word({"query":"serendipity"}) -> Tool call_1 said: definition of {"query":"serendipity"}',
    );
    const sent = await t.requests();
    expect(sent).toHaveLength(2);
    const first = JSON.parse(sent[0]!.body);
    expect(first.tools.map((tool: any) => tool.function.name)).toEqual(["lookup_word"]);
    expect(first.tool_choice).toBe("auto");
    const second = JSON.parse(sent[1]!.body);
    expect(second.tools).toBeUndefined();
    expect(second.messages.map((m: any) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(second.messages[2].tool_calls).toEqual([
      { id: "call_1", type: "function", function: { name: "lookup_word", arguments: '{"query":"serendipity"}' } },
    ]);
    expect(second.messages[3]).toEqual({ role: "tool", content: 'definition of {"query":"serendipity"}', tool_call_id: "call_1" });
  });
});
