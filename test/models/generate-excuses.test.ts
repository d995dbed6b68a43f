import { describe, expect, it } from "vitest";
import { graphql, testEnv } from "../helpers";
import { registerSecret } from "../support/secret-scan";

async function lastProviderRequest() {
  const res = await fetch(`${testEnv.TEST_PROVIDER_URL}__requests`);
  const all = (await res.json()) as { url: string; headers: Record<string, string>; body: string }[];
  return all[all.length - 1]!;
}

describe("generateExcuses: a Modus SDK model call through the host to an OpenAI-compatible server", () => {
  it("sends the model, both messages, the temperature and the bearer key, and returns the answer", async () => {
    const { body } = await graphql(`{ generateExcuses(event: "the standup") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.generateExcuses).toBe(
      "model=gpt-4o; system=You are a creative assistant who writes short, funny excuses.; user=Give me an excuse for missing the standup.; temperature=0.9",
    );
    const sent = await lastProviderRequest();
    expect(sent.url).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe(`Bearer ${testEnv.MODUS_OPENAI_API_KEY}`);
    const json = JSON.parse(sent.body);
    expect(json.model).toBe("gpt-4o");
    expect(json.temperature).toBe(0.9);
    expect(json.messages).toEqual([
      { role: "system", content: "You are a creative assistant who writes short, funny excuses." },
      { role: "user", content: "Give me an excuse for missing the standup." },
    ]);
  });

  it("fails with an error naming the env variable when the API key secret is missing", async () => {
    const { body } = await graphql('{ generateExcuses(event: "x") }', undefined, { env: { MODUS_OPENAI_API_KEY: "" } });
    expect(body.data).toBeNull();
    expect(body.errors).toContainEqual({
      message: 'Error invoking model llm: connection "openai" needs secret MODUS_OPENAI_API_KEY, which is not set',
      path: ["generateExcuses"],
      extensions: { level: "error" },
    });
    // the SDK then throws, as Modus's does, and that abort is the field's error
    expect(body.errors.find((e: any) => e.extensions.level === "fatal").message).toMatch(/^Failed to invoke llm model\./);
    expect(JSON.stringify(body)).not.toContain(testEnv.MODUS_OPENAI_API_KEY);
  });

  it("maps a wrong key's 401 from the provider to a GraphQL error with the provider's status and message", async () => {
    registerSecret("sk-wrong-6a1f0c");
    const { body } = await graphql('{ generateExcuses(event: "x") }', undefined, { env: { MODUS_OPENAI_API_KEY: "sk-wrong-6a1f0c" } });
    expect(body.errors).toContainEqual({
      message: "Error invoking model llm: model llm: provider returned 401: Incorrect API key provided.",
      path: ["generateExcuses"],
      extensions: { level: "error" },
    });
    expect(JSON.stringify(body)).not.toContain("sk-wrong-6a1f0c");
  });
});
