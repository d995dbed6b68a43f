// Setup for the agents test project: after each test file, every agent it
// left is stopped, so no idle alarm or queued message of an agent runs into
// the test environment's teardown.
import { afterAll } from "vitest";
import { ok } from "./client";

afterAll(async () => {
  const { listAgents } = await ok(`{ listAgents { id } }`);
  await Promise.all(listAgents.map((a: { id: string }) => ok(`mutation($id: String!) { stopAgent(agentId: $id) { status } }`, { id: a.id })));
  const until = Date.now() + 20_000;
  while (Date.now() < until && (await ok(`{ listAgents { id } }`)).listAgents.length) await new Promise((r) => setTimeout(r, 100));
}, 60_000);
