import { describe, expect, it } from "vitest";
import { sdkQuery } from "../sdk-host/app";
import { tagged } from "../support/stub-requests";

// modus_models through the real host, driven by the SDK test app.
describe("getModelInfo", () => {
  it("answers a declared model's provider name", async () => {
    const { body } = await sdkQuery(`{ chat: modelFullName(name: "chat") claude: modelFullName(name: "claude") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ chat: "GPT-4o-Mini", claude: "claude-3-5-sonnet-20240620" });
  });

  it("an undeclared model: the host's error names it, and the SDK's throw ends the call", async () => {
    const { body } = await sdkQuery(`{ modelFullName(name: "nope") }`);
    expect(body.data).toBeNull();
    expect(body.errors).toContainEqual({
      message: 'Error getting model info: model "nope" is not declared in modus.json',
      path: ["modelFullName"],
      extensions: { level: "error" },
    });
    expect(body.errors.find((e: any) => e.extensions.level === "fatal").message).toMatch(/^Model nope not found\. at /);
  });
});

describe("invokeModel", () => {
  it("a provider's 400 for a request without messages reaches the function as the provider said it", async () => {
    const t = tagged("raw-400");
    const { body } = await sdkQuery(`{ rawModelCall(name: "chat", json: "{\\"model\\":\\"gpt-4o-mini\\"}") }`, { env: t.env });
    expect(body.data).toEqual({ rawModelCall: "null" });
    expect(body.errors).toEqual([
      {
        message: "Error invoking model chat: model chat: provider returned 400: Missing required parameter: 'messages'.",
        path: ["rawModelCall"],
        extensions: { level: "error" },
      },
    ]);
    const sent = await t.requests();
    expect(sent.map((r) => JSON.parse(r.body))).toEqual([{ model: "gpt-4o-mini" }]);
  });

  it("the input goes to the provider byte for byte", async () => {
    const t = tagged("raw-bytes");
    const json = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"é \\u2028 😀"}],"temperature":0.25}';
    const { body } = await sdkQuery(`query($j: String!) { rawModelCall(name: "chat", json: $j) }`, { env: t.env, variables: { j: json } });
    expect(body.errors).toBeUndefined();
    expect(JSON.parse(body.data.rawModelCall).choices[0].message.content).toBe("model=gpt-4o-mini; system=; user=é \u2028 😀; temperature=0.25");
    expect((await t.requests()).map((r) => r.body)).toEqual([json]);
  });
});
