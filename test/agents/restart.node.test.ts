import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleWorker, serveWorker, type BundledWorker } from "./miniflare";

// A real restart: the agents test Worker runs in one workerd process, which
// is stopped, then in a new one on the same persisted Durable Object storage.

let worker: BundledWorker;
const stops: (() => Promise<void>)[] = [];
beforeAll(async () => {
  worker = await bundleWorker(path.resolve("test/agents/worker.ts"));
}, 60_000);
afterAll(async () => {
  for (const stop of stops) await stop().catch(() => {});
});

const bindings = { MODUS_ENV: "dev", MODUS_AGENT_IDLE_TIMEOUT_SECONDS: "60" };
const ok = async (serve: Awaited<ReturnType<typeof serveWorker>>, query: string, variables?: Record<string, unknown>) => {
  const body = await serve.gql(query, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

describe("a Worker restart", () => {
  it("keeps agents, their state and the registry (persisted Durable Object storage)", async () => {
    const persist = mkdtempSync(path.join(tmpdir(), "modus-edge-agents-state-"));
    const first = await serveWorker(worker, { persist, bindings });
    stops.push(first.dispose);
    const id = (await ok(first, `mutation { startCounterAgent { id } }`)).startCounterAgent.id;
    for (let i = 0; i < 3; i++) await ok(first, `mutation($id: String!) { updateCount(agentId: $id) }`, { id });
    await first.dispose();

    const second = await serveWorker(worker, { persist, bindings });
    stops.push(second.dispose);
    expect((await ok(second, `query($id: String!) { count(agentId: $id) }`, { id })).count).toBe(3);
    expect((await ok(second, `mutation($id: String!) { updateCount(agentId: $id) }`, { id })).updateCount).toBe(4);
    const hooks = await ok(second, `query($id: String!) { sendMessage(agentId: $id, msgName: "hooks") }`, { id });
    // Cut off while running: resumed from the state saved after its last message.
    expect(hooks.sendMessage).toBe("initialize,resume");
    expect((await ok(second, `{ listAgents { id status } }`)).listAgents).toContainEqual({ id, status: "running" });
    await second.dispose();
  }, 120_000);
});
