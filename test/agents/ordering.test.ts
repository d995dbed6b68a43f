import { describe, expect, it } from "vitest";
import { eventually, ok, start } from "./client";

// A journal agent asks a model (the provider stub) about each entry before
// appending it: every message suspends mid-handler, so messages that shared
// the instance concurrently would interleave, lose or duplicate entries.

const entries = async (id: string): Promise<string[]> => (await ok(`query($id: String!) { entries(agentId: $id) }`, { id })).entries;

describe("messages to one agent", () => {
  it("handles 100 concurrent messages one at a time, each exactly once", async () => {
    const id = await start("startJournal");
    const sent = Array.from({ length: 100 }, (_, i) => `m-${i}`);
    const replies = await Promise.all(
      sent.map((entry) => ok(`query($id: String!, $e: String!) { appendEntry(agentId: $id, entry: $e) }`, { id, e: entry })),
    );
    const positions = replies.map((r) => r.appendEntry as number);
    // Each message saw the journal exactly as the previous one left it.
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const journal = await entries(id);
    expect(journal).toHaveLength(100);
    sent.forEach((entry, i) => expect(journal[positions[i]! - 1]).toBe(entry));
  }, 90_000);

  it("applies fire-and-forget messages in the order they were sent", async () => {
    const id = await start("startJournal");
    await ok(`query($id: String!) { appendEntriesAsync(agentId: $id, prefix: "f", count: 100) }`, { id });
    const journal = await eventually(async () => {
      const list = await entries(id);
      return list.length >= 100 ? list : undefined;
    }, "100 entries");
    expect(journal).toEqual(Array.from({ length: 100 }, (_, i) => `f-${i}`));
  });
});

describe("50 agents at once", () => {
  it("keep their own state", async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => start("startCounterAgent")));
    expect(new Set(ids).size).toBe(50);
    // Agent i gets i * 1000 without waiting, then one increment, all agents concurrently.
    await Promise.all(
      ids.map(async (id, i) => {
        await ok(`mutation($id: String!, $q: Int!) { updateCountAsync(agentId: $id, qty: $q) }`, { id, q: i * 1000 });
        await ok(`mutation($id: String!) { updateCount(agentId: $id) }`, { id });
      }),
    );
    const counts = await Promise.all(ids.map(async (id) => (await ok(`query($id: String!) { count(agentId: $id) }`, { id })).count));
    expect(counts).toEqual(ids.map((_, i) => i * 1000 + 1));
    const listed = new Set(((await ok(`{ listAgents { id } }`)).listAgents as { id: string }[]).map((a) => a.id));
    for (const id of ids) expect(listed.has(id)).toBe(true);
  }, 90_000);

  it("keep their own journals while each takes concurrent messages", async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, () => start("startJournal")));
    await Promise.all(
      ids.flatMap((id, a) =>
        [0, 1].map((n) => ok(`query($id: String!, $e: String!) { appendEntry(agentId: $id, entry: $e) }`, { id, e: `a${a}-${n}` })),
      ),
    );
    const journals = await Promise.all(ids.map(entries));
    journals.forEach((journal, a) => expect([...journal].sort()).toEqual([`a${a}-0`, `a${a}-1`]));
  }, 90_000);
});
