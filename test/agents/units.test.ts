import { describe, expect, it } from "vitest";
import { isXid, xid, xidText } from "../../src/agents/xid";
import { SerialQueue } from "../../src/agents/queue";
import { EventHub, readEvents } from "../../src/agents/events";
import type { AgentEvent } from "../../src/agents/types";

describe("xid", () => {
  // Vectors from the xid format's reference implementation (github.com/rs/xid).
  const vectors: [number[], string][] = [
    [[0x4d, 0x88, 0xe1, 0x5b, 0x60, 0xf4, 0x86, 0xe4, 0x28, 0x41, 0x2d, 0xc9], "9m4e2mr0ui3e8a215n4g"],
    [[0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], "00000000000000000000"],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], "vvvvvvvvvvvvvvvvvvvg"],
  ];
  for (const [bytes, text] of vectors) {
    it(`writes ${text}`, () => expect(xidText(Uint8Array.from(bytes))).toBe(text));
  }

  it("starts with the time in seconds, so ids sort by creation second", () => {
    const a = xid(Date.UTC(2025, 0, 1));
    const b = xid(Date.UTC(2025, 0, 1, 0, 0, 1));
    expect(isXid(a) && isXid(b)).toBe(true);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => xid())).size).toBe(1000);
  });
});

describe("SerialQueue", () => {
  it("runs operations one at a time in order, even when they await", async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const op = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([queue.run(op("a", 30)), queue.run(op("b", 1)), queue.run(op("c", 10))]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["a:start", "a:end", "b:start", "b:end", "c:start", "c:end"]);
    expect(queue.pending).toBe(0);
  });

  it("carries on after an operation fails", async () => {
    const queue = new SerialQueue();
    const failed = queue.run(async () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    expect(await queue.run(async () => "next")).toBe("next");
  });
});

describe("EventHub", () => {
  const event = (n: number): AgentEvent => ({ name: "n", data: { n }, timestamp: "2025-01-01T00:00:00.000Z" });

  it("gives each subscriber every event in order, and ends them on close", async () => {
    const hub = new EventHub();
    const a = readEvents(hub.open());
    const b = readEvents(hub.open());
    for (let n = 1; n <= 3; n++) hub.publish(event(n));
    hub.close();
    const all = async (it: AsyncGenerator<AgentEvent>) => {
      const out: unknown[] = [];
      for await (const e of it) out.push(e.data);
      return out;
    };
    expect(await Promise.all([all(a), all(b)])).toEqual([[{ n: 1 }, { n: 2 }, { n: 3 }], [{ n: 1 }, { n: 2 }, { n: 3 }]]);
    expect(hub.size).toBe(0);
  });

  it("drops a subscriber that went away at its next event", async () => {
    const hub = new EventHub();
    const gone = hub.open();
    const stays = readEvents(hub.open());
    await gone.cancel();
    hub.publish(event(1));
    expect((await stays.next()).value).toEqual(event(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(hub.size).toBe(1);
  });

  it("drops a subscriber that stops reading once 1000 events are waiting", async () => {
    const hub = new EventHub();
    hub.open(); // never read
    for (let n = 0; n <= 1000; n++) hub.publish(event(n));
    expect(hub.size).toBe(0);
  });
});
