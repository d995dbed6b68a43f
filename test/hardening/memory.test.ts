// The memory budget of a call, and pointers past 2 GiB (finding 6: the ABI
// read them as negative numbers).
import { describe, expect, it } from "vitest";
import { query, send } from "./worker";
import { GuestMemory, type RuntimeExports } from "../../src/wasm/memory";
import { pointer } from "../../src/wasm/abi/types";

const ROOMY = { MODUS_CALL_TIME_LIMIT_MS: "60000", MODUS_REQUEST_TIME_LIMIT_MS: "60000" };

describe("the memory budget of a call", () => {
  it("stops a call that grows past it with an error naming the function and the budget", async () => {
    const { body } = await query("{ grow(mib: 64) }", { env: ROOMY });
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ path: ["grow"], extensions: { code: "FUNCTION_ERROR" } });
    expect(body.errors[0].message).toMatch(
      /^function grow ran out of memory: it asked for \d+ MiB, past its budget of 32 MiB \(MODUS_CALL_MEMORY_LIMIT_MB\)$/,
    );
    expect((await send("/metrics")).text).toMatch(/^modus_limits_total\{limit="memory"\} [1-9]\d*$/m);
  });

  it("leaves the isolate serving, and a call under the budget succeeds", async () => {
    await query("{ grow(mib: 64) }", { env: ROOMY });
    const { body } = await query("{ grow(mib: 8) }", { env: ROOMY });
    expect(body).toMatchObject({ data: { grow: 8 } });
  });

  it("is configurable per app", async () => {
    const { body } = await query("{ grow(mib: 64) }", { env: { ...ROOMY, MODUS_CALL_MEMORY_LIMIT_MB: "200" } });
    expect(body.errors).toBeUndefined();
    expect(body.data.grow).toBe(64);
    const tight = await query("{ grow(mib: 4) }", { env: { ...ROOMY, MODUS_CALL_MEMORY_LIMIT_MB: "2" } });
    expect(tight.body.errors[0].message).toMatch(/past its budget of 2 MiB \(MODUS_CALL_MEMORY_LIMIT_MB\)$/);
  });

  it("charges growth against the compute budget too (fresh memory costs time to touch)", async () => {
    const { body } = await query("{ grow(mib: 24) }");
    expect(body.errors[0].message).toMatch(/^function grow used up its compute budget of 5 ms/);
  });
});

describe("pointers past 2 GiB", () => {
  it("read as unsigned", () => {
    expect(pointer(-2147483648)).toBe(2 ** 31);
    expect(pointer(-1987872512)).toBe(2307094784);
    expect(pointer(0x7ffffff0)).toBe(0x7ffffff0);
  });

  it("a string at exactly 2 GiB and one above it cross, in a memory that large", () => {
    // A real 2 GiB + 64 KiB Wasm memory; untouched pages cost nothing.
    const memory = new WebAssembly.Memory({ initial: 32769, maximum: 32769 });
    const guest = new GuestMemory({ memory } as RuntimeExports);
    const put = (at: number, text: string) => {
      const view = new DataView(memory.buffer);
      view.setUint32(at - 8, 2, true); // class id of String
      view.setUint32(at - 4, text.length * 2, true);
      for (let i = 0; i < text.length; i++) view.setUint16(at + i * 2, text.charCodeAt(i), true);
    };
    put(2 ** 31, "at two GiB");
    put(2 ** 31 + 4096, "above two GiB");
    expect(guest.readString(pointer(-(2 ** 31)))).toBe("at two GiB");
    expect(guest.readString(pointer(-(2 ** 31) + 4096))).toBe("above two GiB");
  });

  it("a function whose strings live past 2 GiB lowers, logs and returns them", async () => {
    const env = { ...ROOMY, MODUS_CALL_MEMORY_LIMIT_MB: "4096" };
    const { body } = await query("{ highPointers }", { env, headers: { "X-Time-Zone": "Asia/Tokyo" } });
    expect(body.errors).toBeUndefined();
    const [address, now] = body.data.highPointers.split("|");
    expect(Number(address)).toBeGreaterThan(2 ** 31);
    expect(now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+09:00$/);
    expect(body.extensions.invocations.highPointers.logs).toEqual([{ message: `high ${now}` }]);
  });

  it("a result at exactly 2 GiB is lifted", async () => {
    const env = { ...ROOMY, MODUS_CALL_MEMORY_LIMIT_MB: "4096" };
    const { body } = await query("{ stringAtTwoGiB }", { env });
    expect(body).toMatchObject({ data: { stringAtTwoGiB: "at two GiB" } });
  });
});
