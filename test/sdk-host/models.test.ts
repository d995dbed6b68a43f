import { describe, expect, it } from "vitest";
import { stubEmbedding } from "../support/provider-stub";
import { lastStubRequest, sdkQuery } from "./app";
import { testEnv } from "../helpers";

describe("SDK model classes through the real host and a provider stub", () => {
  it("OpenAI chat: the request carries the SDK's JSON and the answer comes back parsed", async () => {
    const { body } = await sdkQuery(`{ openaiChat(prompt: "hi there") }`);
    expect(body.errors).toBeUndefined();
    // the SDK sends the model name lower-cased, as Modus's does
    expect(body.data.openaiChat).toBe("model=gpt-4o-mini; system=Answer briefly.; user=hi there; temperature=0.2");
    const sent = await lastStubRequest();
    expect(sent.url).toBe("/v1/chat/completions");
    expect(JSON.parse(sent.body)).toMatchObject({ model: "gpt-4o-mini", temperature: 0.2 });
  });

  it("OpenAI embeddings: vectors for every input, in order", async () => {
    const { body } = await sdkQuery(`{ openaiEmbed(texts: ["abc", "hello"]) }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiEmbed).toEqual([stubEmbedding("abc"), stubEmbedding("hello")]);
    const sent = await lastStubRequest();
    expect(sent.url).toBe("/v1/embeddings");
    expect(JSON.parse(sent.body)).toMatchObject({ model: "text-embedding-3-small", input: ["abc", "hello"] });
  });

  it("Anthropic messages: x-api-key and anthropic-version from the connection", async () => {
    const { body } = await sdkQuery(`{ anthropicChat(prompt: "bonjour") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.anthropicChat).toMatch(/user=bonjour/);
    const sent = await lastStubRequest();
    expect(sent.url).toBe("/v1/messages");
    expect(sent.headers["x-api-key"]).toBe(testEnv.MODUS_ANTHROPIC_API_KEY);
    expect(sent.headers["anthropic-version"]).toBe("2023-06-01");
  });

  it("Gemini generateContent: the key header from the connection, the model in the path", async () => {
    const { body } = await sdkQuery(`{ geminiChat(prompt: "hola") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.geminiChat).toBe("model=gemini-1.5-flash; user=hola");
    const sent = await lastStubRequest();
    expect(sent.url).toBe("/v1beta/models/gemini-1.5-flash:generateContent");
  });
});

describe("a tool-call round trip through the SDK and the host", () => {
  it("the model calls the tool, the function answers it, and the model's final text comes back", async () => {
    const { body } = await sdkQuery(`{ openaiToolRoundTrip(question: "serendipity") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiToolRoundTrip).toBe(
      'lookup_word({"query":"serendipity"}) -> Tool call_1 said: definition of {"query":"serendipity"}',
    );
    const second = JSON.parse((await lastStubRequest()).body);
    expect(second.tools).toBeUndefined();
    expect(second.messages.map((m: any) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(second.messages[2].tool_calls).toEqual([
      { id: "call_1", type: "function", function: { name: "lookup_word", arguments: '{"query":"serendipity"}' } },
    ]);
    expect(second.messages[3]).toEqual({ role: "tool", content: 'definition of {"query":"serendipity"}', tool_call_id: "call_1" });
  });
});
