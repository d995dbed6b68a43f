import { abortAllDurableObjects } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ok, start, waitForStatus } from "./client";

// Agents here suspend after 1 s without messages (MODUS_AGENT_IDLE_TIMEOUT_SECONDS).

const send = async (id: string, msgName: string) =>
  (await ok(`query($id: String!, $m: String!) { sendMessage(agentId: $id, msgName: $m) }`, { id, m: msgName })).sendMessage;

describe("suspension and persistence", () => {
  it("suspends an idle agent, and a message resumes it with its state", async () => {
    const id = await start("startCounterAgent");
    await send(id, "increment");
    await send(id, "increment");
    await waitForStatus(id, "suspended");
    expect(await send(id, "count")).toBe("2");
    const info = await ok(`query($id: String!) { agentInfo(agentId: $id) { status } }`, { id });
    expect(info.agentInfo.status).toBe("running");
    // The hooks the agent saw are part of its saved state.
    expect(await send(id, "hooks")).toBe("initialize,suspend,resume");
    expect(await send(id, "increment")).toBe("3");
  });

  it("keeps an agent's state when every Durable Object restarts (its storage persists)", async () => {
    const id = await start("startCounterAgent");
    for (let i = 0; i < 3; i++) await send(id, "increment");
    // Instances and queues are gone; SQLite storage and alarms stay.
    await abortAllDurableObjects();
    expect(await send(id, "count")).toBe("3");
    // Resumed from what was saved after the last message (no suspend hook ran: it was cut off).
    expect(await send(id, "hooks")).toBe("initialize,resume");
    const listed = await ok(`{ listAgents { id status } }`);
    expect(listed.listAgents).toContainEqual({ id, status: "running" });
  });

  it("marks an agent cut off by a restart suspended when its idle time passes", async () => {
    const id = await start("startCounterAgent");
    await send(id, "increment");
    await abortAllDurableObjects();
    await waitForStatus(id, "suspended");
    expect(await send(id, "count")).toBe("1");
  });
});
