import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { eventually, gql, ok, start } from "./client";

// The agents test app (test/agents/app) is an app like Modus's agents example:
// its functions start, message, inspect and stop agents through the SDK.

const count = async (id: string) => (await ok(`query($id: String!) { count(agentId: $id) }`, { id })).count;
const info = async (id: string) => (await ok(`query($id: String!) { agentInfo(agentId: $id) { id name status } }`, { id })).agentInfo;
const increment = async (id: string) => (await ok(`mutation($id: String!) { updateCount(agentId: $id) }`, { id })).updateCount;

describe("an agent's life through GraphQL", () => {
  it("starts with a fresh xid, running", async () => {
    const data = await ok(`mutation { startCounterAgent { id name status } }`);
    expect(data.startCounterAgent).toEqual({ id: expect.stringMatching(/^[0-9a-v]{20}$/), name: "Counter", status: "running" });
    const other = await start("startCounterAgent");
    expect(other).not.toBe(data.startCounterAgent.id);
  });

  it("keeps its state between messages", async () => {
    const id = await start("startCounterAgent");
    expect(await increment(id)).toBe(1);
    expect(await increment(id)).toBe(2);
    expect(await increment(id)).toBe(3);
    expect(await count(id)).toBe(3);
    expect(await info(id)).toEqual({ id, name: "Counter", status: "running" });
  });

  it("takes a fire-and-forget message before the next one (startCounterAgentWithData)", async () => {
    const data = await ok(`mutation { startCounterAgentWithData(initialCount: 40) { id status } }`);
    const id = data.startCounterAgentWithData.id;
    expect(await increment(id)).toBe(41);
  });

  it("is listed until it is terminated", async () => {
    const id = await start("startCounterAgent");
    const listed = async () => (await ok(`{ listAgents { id name status } }`)).listAgents as { id: string; status: string }[];
    expect((await listed()).find((a) => a.id === id)).toMatchObject({ name: "Counter" });
    await ok(`mutation($id: String!) { stopAgent(agentId: $id) { status } }`, { id });
    await eventually(async () => ((await listed()).some((a) => a.id === id) ? undefined : true), "the agent to leave the list");
  });

  it("stops for good: `stopping` at once, then `terminated`; a message then answers Modus's error", async () => {
    const id = await start("startCounterAgent");
    await increment(id);
    const stopped = await ok(`mutation($id: String!) { stopAgent(agentId: $id) { id name status } }`, { id });
    expect(stopped.stopAgent).toEqual({ id, name: "Counter", status: "stopping" });
    await eventually(async () => ((await info(id)).status === "terminated" ? true : undefined), "terminated");

    const late = await gql(`query($id: String!) { count(agentId: $id) }`, { id });
    expect(late.data).toBeNull();
    expect(late.errors![0].message).toMatch(/^agent is no longer available\b/);
    // Stopping again answers its final status.
    expect((await ok(`mutation($id: String!) { stopAgent(agentId: $id) { status } }`, { id })).stopAgent.status).toBe("terminated");
  });

  it("answers a message to an unknown agent with Modus's `agent <id> not found`", async () => {
    const id = "cv0000000000000000a0";
    const res = await gql(`query($id: String!) { count(agentId: $id) }`, { id });
    expect(res.data).toBeNull();
    expect(res.errors![0].message).toMatch(new RegExp(`^agent ${id} not found\\b`));
  });

  it("fails info and stop of an unknown agent as Modus's SDK does, with the host's reason beside", async () => {
    const id = "cv0000000000000000b0";
    const res = await gql(`query($id: String!) { agentInfo(agentId: $id) { status } }`, { id });
    expect(res.data).toBeNull();
    const messages = res.errors!.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^Failed to get info for agent ${id}\\.`)));
    expect(messages).toContain(`Error getting agent info (AgentId: ${id}): agent ${id} not found`);

    const stop = await gql(`mutation($id: String!) { stopAgent(agentId: $id) { status } }`, { id });
    expect(stop.errors!.map((e) => e.message)).toContain(`Error stopping agent (AgentId: ${id}): agent ${id} not found`);
  });

  it("refuses to start an agent the app did not register (in the SDK, as Modus)", async () => {
    const res = await gql(`mutation { startAgentNamed(name: "Nope") { id } }`);
    expect(res.errors![0].message).toMatch(/^Agent Nope not found\./);
  });

  it("keeps Modus's schema: the agent block appended, SDK types without descriptions", async () => {
    const data = await ok(`{
      sub: __type(name: "Subscription") { fields { name args { name type { kind ofType { name } } } type { kind ofType { name } } } }
      event: __type(name: "AgentEvent") { fields { name type { name kind ofType { name } } } }
      json: __type(name: "JSON") { kind }
      agentInfo: __type(name: "AgentInfo") { description fields { name description } }
    }`);
    expect(data.sub.fields).toEqual([
      { name: "agentEvent", args: [{ name: "agentId", type: { kind: "NON_NULL", ofType: { name: "String" } } }], type: { kind: "NON_NULL", ofType: { name: "AgentEvent" } } },
    ]);
    expect(data.event.fields.map((f: { name: string }) => f.name)).toEqual(["name", "data", "timestamp"]);
    expect(data.json.kind).toBe("SCALAR");
    expect(data.agentInfo).toEqual({
      description: null,
      fields: [
        { name: "id", description: null },
        { name: "name", description: null },
        { name: "status", description: null },
      ],
    });
  });

  it("counts the app's own functions in /health, not the SDK's agent entry points", async () => {
    const res = await (exports as unknown as { default: Fetcher }).default.fetch("http://localhost/health");
    expect(((await res.json()) as { functions: number }).functions).toBe(14);
  });
});
