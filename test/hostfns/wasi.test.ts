import { describe, expect, it } from "vitest";
import { decodeBase64 } from "../../src/wasm/abi/base64";
import { call, callWithLogs } from "../wasm/harness";

// The wasi_snapshot_preview1 table, called by the ABI fixture with raw
// arguments (test/fixtures/abi/assembly/wasi.ts), through the real imports.

describe("fd_write", () => {
  it("stdout becomes the call's plain log lines, one per line, and reports every byte written", async () => {
    const { value, logs } = await callWithLogs("writeFd", 1, "hello\nworld\n", 3);
    expect(value).toBe("0:12");
    expect(logs).toEqual([
      { level: "", message: "hello" },
      { level: "", message: "world" },
    ]);
  });

  it("stderr becomes error lines", async () => {
    const { value, logs } = await callWithLogs("writeFd", 2, "it broke", 100);
    expect(value).toBe("0:8");
    expect(logs).toEqual([{ level: "error", message: "it broke" }]);
  });

  it("a character split between two iovecs is decoded whole", async () => {
    // "a€b": the euro sign is three UTF-8 bytes; the split falls after its first.
    const { value, logs } = await callWithLogs("writeFd", 1, "a€b😀", 2);
    expect(value).toBe("0:9");
    expect(logs).toEqual([{ level: "", message: "a€b😀" }]);
  });

  it("any other descriptor is refused with EBADF and nothing written", async () => {
    const { value, logs } = await callWithLogs("writeFd", 3, "secret", 3);
    expect(value).toBe("8:4294967295");
    expect(logs).toEqual([]);
  });
});

describe("random_get", () => {
  it("fills buffers past the 65,536 bytes getRandomValues takes at once, differently each time", async () => {
    const a = decodeBase64((await call("randomBytes", 70_000)) as string, "Uint8Array");
    const b = decodeBase64((await call("randomBytes", 70_000)) as string, "Uint8Array");
    expect(a.length).toBe(70_000);
    // Every 4 KiB stretch has bytes set (a skipped chunk would stay zero), and two draws differ.
    for (let at = 0; at < a.length; at += 4096) expect(a.subarray(at, at + 4096).some((x) => x !== 0)).toBe(true);
    expect(a.subarray(65_536).some((x) => x !== 0)).toBe(true);
    expect(a.some((x, i) => x !== b[i])).toBe(true);
  });
});

describe("clocks", () => {
  it("the realtime clock is the Worker's time in nanoseconds", async () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const now = BigInt((await call("clockTime", 0)) as string);
    const after = BigInt(Date.now()) * 1_000_000n;
    expect(now >= before && now <= after).toBe(true);
  });

  it("the monotonic clock does not go back", async () => {
    const first = BigInt((await call("clockTime", 1)) as string);
    const second = BigInt((await call("clockTime", 1)) as string);
    expect(second >= first).toBe(true);
  });

  it("an unknown clock is refused with EINVAL", async () => {
    expect(await call("clockTime", 2)).toBe("errno 28");
    expect(await call("clockTime", 99)).toBe("errno 28");
  });

  it("report a millisecond resolution", async () => {
    expect(await call("clockResolution", 0)).toBe("1000000");
    expect(await call("clockResolution", 1)).toBe("1000000");
  });
});
