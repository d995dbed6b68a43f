import { describe, expect, it } from "vitest";
import { gql, ok, start, subscribe, type Frame } from "./client";

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const increment = (id: string) => ok(`mutation($id: String!) { updateCount(agentId: $id) }`, { id });
const stop = (id: string) => ok(`mutation($id: String!) { stopAgent(agentId: $id) { status } }`, { id });
const events = (frames: Frame[]) => frames.filter((f) => f.event === "next").map((f) => f.data.data.agentEvent);

describe("subscription { agentEvent } over Server-Sent Events", () => {
  it("streams published events and status changes in order, and completes when the agent is terminated", async () => {
    const id = await start("startCounterAgent");
    const sub = await subscribe(id);
    expect(sub.response.status).toBe(200);
    expect(sub.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    for (let i = 0; i < 5; i++) await increment(id);
    await stop(id);
    const frames = await sub.frames;

    // GraphQL over SSE, distinct connections: `next` frames, then one `complete`.
    expect(frames.at(-1)).toEqual({ event: "complete", data: "" });
    expect(frames.slice(0, -1).every((f) => f.event === "next")).toBe(true);
    const got = events(frames);
    for (const e of got) expect(Object.keys(e)).toEqual(["name", "data", "timestamp"]);
    const counts = got.filter((e) => e.name === "countUpdated").map((e) => e.data.count);
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    // The agent may have suspended and resumed between messages; it ends the same way.
    expect(got.slice(-3).map((e) => [e.name, e.data])).toEqual([
      ["agentStatusUpdated", { status: "stopping" }],
      ["farewell", { finalCount: 5 }],
      ["agentStatusUpdated", { status: "terminated" }],
    ]);
    for (const e of got) expect(e.timestamp).toMatch(ISO_MS);
    const times = got.map((e) => Date.parse(e.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("gives every subscriber the same events", async () => {
    const id = await start("startCounterAgent");
    const [a, b] = await Promise.all([subscribe(id), subscribe(id)]);
    await increment(id);
    await increment(id);
    await stop(id);
    const [fa, fb] = await Promise.all([a.frames, b.frames]);
    expect(events(fa)).toEqual(events(fb));
    expect(events(fa).filter((e) => e.name === "countUpdated")).toHaveLength(2);
  });

  it("keeps a subscription through suspension and resumption", async () => {
    const id = await start("startCounterAgent");
    const sub = await subscribe(id);
    await increment(id);
    // Idle for longer than the agents' 1 s idle time here.
    await new Promise((r) => setTimeout(r, 1800));
    await increment(id);
    await stop(id);
    const statuses = events(await sub.frames)
      .filter((e) => e.name === "agentStatusUpdated")
      .map((e) => e.data.status);
    expect(statuses).toEqual(["suspending", "suspended", "resuming", "running", "stopping", "terminated"]);
  });

  it("answers an unknown agent with Modus's error, then completes", async () => {
    const id = "cv0000000000000000c0";
    const sub = await subscribe(id);
    const frames = await sub.frames;
    expect(frames).toHaveLength(2);
    expect(frames[0]!.event).toBe("next");
    expect(frames[0]!.data.errors[0]).toMatchObject({ message: `agent ${id} not found`, path: ["agentEvent"] });
    expect(frames[1]!.event).toBe("complete");
  });

  it("refuses a terminated agent with Modus's error", async () => {
    const id = await start("startCounterAgent");
    await stop(id);
    const sub = await subscribe(id);
    const frames = await sub.frames;
    const message = frames[0]!.data.errors[0].message;
    expect(message).toMatch(new RegExp(`^agent ${id} is (stopping|terminated), cannot subscribe to events$`));
  });

  it("refuses a subscription that does not accept text/event-stream with Modus's 400", async () => {
    const id = await start("startCounterAgent");
    const res = await gql(`subscription($id: String!) { agentEvent(agentId: $id) { name } }`, { id });
    expect(res.status).toBe(400);
    expect(res.errors![0].message).toBe(
      "Subscriptions use SSE (Server-Sent Events). Requests must accept 'text/event-stream' for SSE responses.",
    );
  });

  it("lets a client leave early; the agent carries on", async () => {
    const id = await start("startCounterAgent");
    const sub = await subscribe(id);
    await sub.close();
    await increment(id);
    expect((await increment(id)).updateCount).toBe(2);
  });
});
