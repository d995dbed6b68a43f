import { describe, expect, it } from "vitest";
import { eventually, gql, ok, start } from "./client";

const send = (id: string, msgName: string, timeoutMs?: number) =>
  gql(`query($id: String!, $m: String!, $t: Int64) { sendMessage(agentId: $id, msgName: $m, timeoutMs: $t) }`, { id, m: msgName, t: timeoutMs });

describe("what a sender sees", () => {
  it("fails a call whose reply takes longer than its timeout, naming the agent and message", async () => {
    const id = await start("startJournal");
    // "ponder" asks the slow model (the stub answers after 3 s).
    const res = await send(id, "ponder", 300);
    expect(res.data.sendMessage).toBeNull();
    const messages = res.errors!.map((e) => e.message);
    expect(messages).toContain(`Error sending message to agent (AgentId: ${id}, MsgName: ponder): no reply within 300 ms`);
    expect(messages).toContainEqual(expect.stringMatching(/^Failed to send message to agent\./));
  });

  it("fails a call whose handler fails, with the handler's error; the agent keeps its last saved state", async () => {
    const id = await start("startCounterAgent");
    await send(id, "increment");
    await send(id, "increment");
    const res = await send(id, "explode");
    expect(res.data.sendMessage).toBeNull();
    expect(res.errors!.map((e) => e.message)).toContainEqual(
      expect.stringMatching(new RegExp(`^Error sending message to agent \\(AgentId: ${id}, MsgName: explode\\): the counter refuses to explode at 2`)),
    );
    const after = await send(id, "count");
    expect(after.data.sendMessage).toBe("2");
  });

  it("answers null for a message the agent does not handle", async () => {
    const id = await start("startCounterAgent");
    expect((await send(id, "whatever")).data.sendMessage).toBeNull();
  });

  it("refuses an agent that waits for its own reply instead of deadlocking", async () => {
    const id = await start("startJournal");
    const res = await send(id, "askSelf");
    expect(res.errors!.map((e) => e.message)).toContainEqual(expect.stringMatching(new RegExp(`\\(AgentId: ${id}, MsgName: askSelf\\): agent ${id} cannot wait for its own reply`)));
    // The agent is still there.
    expect((await send(id, "entries")).data.sendMessage).toBe("");
  });

  it("lets an agent send itself a message without waiting", async () => {
    const id = await start("startJournal");
    expect((await send(id, "tellSelf")).data.sendMessage).toBe("told");
    const entries = await eventually(async () => {
      const list = (await ok(`query($id: String!) { entries(agentId: $id) }`, { id })).entries as string[];
      return list.length ? list : undefined;
    }, "the agent's own message");
    expect(entries).toEqual(["from myself"]);
  });
});
