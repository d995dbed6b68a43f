import { describe, expect, it } from "vitest";
import { sdkQuery } from "./app";
import { tagged } from "../support/stub-requests";

// Modus's text-generation example keeps tools offered on every turn and loops
// until the model answers with text: the answer without tool_calls must read
// as an empty list of calls, not as a missing array.

const response = (message: Record<string, unknown>) =>
  JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1700000000,
    model: "gpt-4o-mini",
    system_fingerprint: "fp",
    choices: [{ index: 0, message, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });

describe("OpenAI chat answers with and without tool calls", () => {
  it.each([
    ["text, no tool_calls key", { role: "assistant", content: "It is noon." }, "0|It is noon."],
    ["text and an empty tool_calls", { role: "assistant", content: "hi", tool_calls: [] }, "0|hi"],
    ["neither key", { role: "assistant" }, "0|"],
    [
      "tool calls with content null",
      { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }] },
      "1|",
    ],
  ])("%s: toolCalls and content are always real values", async (_name, message, shape) => {
    const { body } = await sdkQuery(`{ openaiMessageShape(response: ${JSON.stringify(response(message))}) }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiMessageShape).toBe(shape);
  });

  it("the example's conversation loop ends when the model answers directly, tools offered", async () => {
    const t = tagged("tool-loop-direct");
    const { body } = await sdkQuery(`{ openaiToolLoop(prompt: "[no-tool-calls] what is the date?") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiToolLoop).toBe(
      "model=gpt-4o-mini; system=Use the tools when they help.; user=[no-tool-calls] what is the date?; temperature=0.2",
    );
    const requests = await t.requests();
    expect(requests).toHaveLength(1);
    const sent = JSON.parse(requests[0]!.body);
    expect(sent.tools.map((tool: any) => tool.function.name)).toEqual(["lookup_word", "today"]);
  });

  it("the same loop answers a tool call first, then ends with the model's text", async () => {
    const t = tagged("tool-loop-call");
    const { body } = await sdkQuery(`{ openaiToolLoop(prompt: "serendipity") }`, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.openaiToolLoop).toBe('Tool call_1 said: lookup_word answered {"query":"serendipity"}');
    const requests = await t.requests();
    expect(requests).toHaveLength(2);
    expect(JSON.parse(requests[0]!.body).messages.map((m: any) => m.role)).toEqual(["system", "user"]);
    const sent = JSON.parse(requests[1]!.body);
    expect(sent.messages.map((m: any) => m.role)).toEqual(["system", "user", "assistant", "tool"]);
    expect(sent.messages[2].content).toBe("");
  });
});
