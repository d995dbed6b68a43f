import { describe, expect, it } from "vitest";
import { graphql, testEnv } from "../helpers";
import { registerSecret } from "../support/secret-scan";
import { tagged } from "../support/stub-requests";

describe("generateExcuses: a Modus SDK model call through the host to an OpenAI-compatible server", () => {
  it("sends the model, both messages, the temperature and the bearer key, and returns the answer", async () => {
    const t = tagged("excuses");
    const { body } = await graphql(`{ generateExcuses(event: "the standup") }`, undefined, { env: t.env });
    expect(body.errors).toBeUndefined();
    expect(body.data.generateExcuses).toBe(
      "model=gpt-4o; system=You are a creative assistant who writes short, funny excuses.; user=Give me an excuse for missing the standup.; temperature=0.9",
    );
    const sent = await t.requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("POST");
    expect(sent[0]!.url).toBe("/v1/chat/completions");
    expect(sent[0]!.headers.authorization).toBe(`Bearer ${t.key}`);
    expect(sent[0]!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent[0]!.body)).toEqual({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "You are a creative assistant who writes short, funny excuses." },
        { role: "user", content: "Give me an excuse for missing the standup." },
      ],
      temperature: 0.9,
    });
  });

  it("fails with an error naming the env variable when the API key secret is missing, and sends nothing", async () => {
    const { body } = await graphql('{ generateExcuses(event: "x") }', undefined, { env: { MODUS_OPENAI_API_KEY: "" } });
    expect(body.data).toBeNull();
    expect(body.errors).toContainEqual({
      message: 'Error invoking model llm: connection "openai" needs secret MODUS_OPENAI_API_KEY, which is not set',
      path: ["generateExcuses"],
      extensions: { level: "error" },
    });
    // the SDK then throws, as Modus's does, and that abort is the field's error, after the logged reason (as in Modus)
    expect(body.errors.map((e: any) => e.extensions.level)).toEqual(["error", "fatal"]);
    expect(body.errors[1].message).toMatch(/^Failed to invoke llm model\./);
    expect(JSON.stringify(body)).not.toContain(testEnv.MODUS_OPENAI_API_KEY);
  });

  it("maps a wrong key's 401 from the provider to a GraphQL error with the provider's status and message", async () => {
    registerSecret("sk-wrong-6a1f0c");
    const { body } = await graphql('{ generateExcuses(event: "x") }', undefined, { env: { MODUS_OPENAI_API_KEY: "sk-wrong-6a1f0c" } });
    expect(body.errors).toContainEqual({
      message:
        "Error invoking model llm: model llm: provider returned 401: Incorrect API key provided: sk-********1f0c. You can find your API key at https://platform.openai.com/account/api-keys.",
      path: ["generateExcuses"],
      extensions: { level: "error" },
    });
    expect(JSON.stringify(body)).not.toContain("sk-wrong-6a1f0c");
  });
});
