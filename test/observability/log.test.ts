import { describe, expect, it } from "vitest";
import { testEnv } from "../helpers";
import { captureLogs } from "../support/secret-scan";
import { tagged } from "../support/stub-requests";
import { sdkQuery } from "../sdk-host/app";

// The runtime's JSON log lines, as Workers Logs and `wrangler tail` show them.
const stubOrigin = new URL(testEnv.TEST_PROVIDER_URL!).origin;

/** Runs `query` and returns its body with the JSON lines logged meanwhile (every line must be JSON). */
async function logged(query: string, env: Record<string, string>) {
  const { result, lines } = await captureLogs(() => sdkQuery(query, { env }));
  return { body: result.body, raw: lines, lines: lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("log lines", () => {
  it("a model call logs the request, the function call and the model call with their fields, and never the prompt, the answer or the key", async () => {
    // A Gemini connection whose key travels in the URL's query string.
    const t = tagged("log-fields");
    const prompt = "my private question 7c1e";
    const { body, lines, raw } = await logged(`{ geminiChatWith(name: "gemini-keyed", prompt: "${prompt}") }`, {
      MODUS_GEMINI_QUERY_ORIGIN: stubOrigin,
      MODUS_GEMINI_QUERY_API_KEY: t.key,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.geminiChatWith).toBe(`model=gemini-1.5-pro; user=${prompt}`);
    const executionId = body.extensions.invocations.geminiChatWith.executionId;
    expect((await t.requests()).map((r) => new URL(r.url, "http://x").searchParams.get("key"))).toEqual([t.key]);

    const mine = lines.filter((l) => l.executionId === executionId);
    expect(mine).toEqual([
      {
        level: "info",
        msg: "model call",
        model: "gemini-keyed",
        url: `${stubOrigin}/v1beta/models/gemini-1.5-pro:generateContent`,
        status: 200,
        durationMs: expect.any(Number),
        executionId,
        function: "geminiChatWith",
      },
      {
        level: "info",
        msg: "function call",
        function: "geminiChatWith",
        executionId,
        outcome: "ok",
        durationMs: expect.any(Number),
        // What the call used of its budgets (src/limits).
        fuel: expect.any(Number),
        memoryBytes: expect.any(Number),
      },
    ]);
    expect(lines).toContainEqual({ level: "info", msg: "request", method: "POST", path: "/graphql", status: 200, durationMs: expect.any(Number) });

    for (const secretish of [prompt, t.key, testEnv.MODUS_OPENAI_API_KEY!, "key="]) {
      expect(raw.filter((l) => l.includes(secretish))).toEqual([]);
    }
  });

  it("a failed model call logs its status and the function's error lines, still without the prompt or the key", async () => {
    const t = tagged("log-failure");
    const prompt = "[fail-500] another private question 4b2d";
    const { body, lines, raw } = await logged(`{ geminiChatWith(name: "gemini-keyed", prompt: "${prompt}") }`, {
      MODUS_GEMINI_QUERY_ORIGIN: stubOrigin,
      MODUS_GEMINI_QUERY_API_KEY: t.key,
    });
    const executionId = body.extensions.invocations.geminiChatWith.executionId;
    const mine = lines.filter((l) => l.executionId === executionId);
    expect(mine.map((l) => [l.level, l.msg, l.status ?? l.outcome ?? l.source])).toEqual([
      ["info", "model call", 500],
      ["error", "Error invoking model gemini-keyed: model gemini-keyed: provider returned 500: An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting", "function"],
      ["fatal", expect.stringMatching(/^Failed to invoke gemini-keyed model\. at /), "function"],
      ["info", "function call", "error"],
    ]);
    expect(mine[1]).toEqual({ level: "error", msg: expect.any(String), source: "function", function: "geminiChatWith", executionId });
    for (const secretish of ["private question", t.key, "key="]) {
      expect(raw.filter((l) => l.includes(secretish))).toEqual([]);
    }
  });
});
