// Agents: the round trip of one message (GraphQL mutation -> host sendMessage
// -> the agent's Durable Object -> its Wasm instance -> reply) to an agent
// that is suspended (its object must instantiate the module and restore its
// state) and, 100 ms later, to the same agent while warm (the pause lets the
// resume's trailing work, registry updates and storage commits, finish).
// Baselines in the same Worker: a plain function call of the example app, and
// `agentInfo` (a function call plus one call to the agent's object, no agent
// code). All four are taken back to back per agent, so load hits them alike.

import { median } from "./load.mjs";
import { post, quantile, timed } from "./samples.mjs";

/**
 * @param {{ url: string, agents: number, rounds: number, log: (msg: string) => void }} opts
 *   `url` is the bench Worker's direct socket; agents there suspend after 1 s idle.
 */
export async function measureAgents({ url, agents, rounds, log }) {
  const gql = `${url}/agents/graphql`;
  const ids = [];
  for (let i = 0; i < agents; i++) ids.push((await post(gql, "mutation { startCounterAgent { id } }")).startCounterAgent.id);
  const increment = (id) => post(gql, "mutation($id: String!) { updateCount(agentId: $id) }", { id });
  const hello = () => post(`${url}/graphql`, 'query { sayHello(name: "edge") }');
  const info = (id) => post(gql, "query($id: String!) { agentInfo(agentId: $id) { status } }", { id });
  const samples = { suspended: [], warm: [], info: [], baseline: [] };
  let expected = 0;
  for (let round = 1; round <= rounds; round++) {
    log(`agents round ${round}/${rounds}: waiting for ${agents} agents to suspend`);
    await allSuspended(gql, ids);
    for (const id of ids) {
      samples.suspended.push(await timed(() => increment(id)));
      await new Promise((r) => setTimeout(r, 100));
      samples.warm.push(await timed(() => increment(id)));
      samples.info.push(await timed(() => info(id)));
      samples.baseline.push(await timed(hello));
    }
    expected += 2;
  }
  // Every message was applied exactly once.
  for (const id of ids) {
    const { count } = await post(gql, "query($id: String!) { count(agentId: $id) }", { id });
    if (count !== expected) throw new Error(`agent ${id} counted ${count}, expected ${expected}`);
  }
  const stats = (xs) => ({ p50: median(xs), p90: quantile(xs, 0.9), mean: xs.reduce((a, b) => a + b, 0) / xs.length, n: xs.length });
  return { agents, rounds, ...Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, stats(xs)])) };
}

async function allSuspended(gql, ids, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  const want = new Set(ids);
  for (;;) {
    const { listAgents } = await post(gql, "{ listAgents { id status } }");
    const waiting = listAgents.filter((a) => want.has(a.id) && a.status !== "suspended").length;
    if (!waiting) return;
    if (Date.now() > until) throw new Error(`${waiting} agents still not suspended after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The report's agents section (markdown). */
export function agentsReport(a) {
  const f = (n, d = 1) => n.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
  const row = (label, s) => `| ${label} | ${f(s.p50)} | ${f(s.p90)} | ${f(s.mean)} | ${s.n} |`;
  return [
    `\n### Agents: one message's round trip (ms, ${a.agents} agents × ${a.rounds} rounds, taken back to back per agent)\n`,
    "| round trip | p50 | p90 | mean | n |",
    "|---|---|---|---|---|",
    row("`updateCount` to a suspended agent (instantiate, restore state, resume, handle, save)", a.suspended),
    row("`updateCount` to the same agent 100 ms later, warm (handle, save)", a.warm),
    row("`agentInfo` of the same agent (function call + one call to its object)", a.info),
    row("baseline: `sayHello` of the example app, same Worker (fresh instance, no agent)", a.baseline),
    "",
    `Ratios of p50: warm / baseline **${f(a.warm.p50 / a.baseline.p50, 2)}**, suspended / warm **${f(a.suspended.p50 / a.warm.p50, 2)}**.`,
  ].join("\n");
}
