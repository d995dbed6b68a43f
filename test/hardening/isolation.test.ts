// One fresh instance per call, with pooled memory: every call's memory starts
// as a new instance's would, no byte of one call reaches another, including
// while calls are suspended side by side (src/wasm/pool.ts).
import { describe, expect, it } from "vitest";
import wasm from "./build/app.wasm";
import { query } from "./worker";
import { tagged } from "../support/stub-requests";
import { testEnv } from "../helpers";
import { MemoryPool } from "../../src/wasm/pool";
import { planHostImports } from "../../src/hostfns";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { invoke, planFunction } from "../../src/wasm/invoke";
import type { CallContext } from "../../src/wasm/context";
import { DEFAULT_LIMITS } from "../../src/limits";

const gql = JSON.stringify;
const PAGE = 65_536;

describe("a module built by modus-edge", () => {
  it("imports its memory, so its instances take pooled memories", () => {
    expect(WebAssembly.Module.imports(wasm).filter((i) => i.kind === "memory")).toEqual([{ module: "modus_edge", name: "memory", kind: "memory" }]);
    expect(MemoryPool.forModule(wasm)).toBeInstanceOf(MemoryPool);
  });
});

describe("a guest reading memory it never wrote", () => {
  // 2 KiB fits the app's first page (the memory is pooled); 64 KiB makes it grow (that memory is dropped).
  it.each([2, 64])("finds what a new instance finds after another call left a secret there (%i KiB)", async (kib) => {
    // In a new memory only the allocator's own bookkeeping is non-zero there, the same every time.
    const fresh = (await query(`{ peekUninitialised(kib: ${kib}) }`)).body.data.peekUninitialised;
    expect(fresh).toMatch(kib === 2 ? /^$/ : /^[^s]{0,8}$/);
    for (let i = 0; i < 3; i++) {
      const left = await query(`{ scribble(secret: "s3cret-${i}", kib: ${kib}) }`);
      expect(left.body.data).toEqual({ scribble: kib });
      const read = await query(`{ peekUninitialised(kib: ${kib}) }`);
      expect(read.body.data.peekUninitialised).toBe(fresh);
    }
  });
});

describe("calls suspended at the same time", () => {
  it("each keep their own memory, and a call running meanwhile sees none of it", async () => {
    // The stub holds each [together] request until a second one with the same tag is in flight:
    // both holdSecret calls are suspended at once, and peekUninitialised runs between them.
    const t = tagged("isolation");
    const env = { MODUS_PROVIDER_KEY: t.key };
    const url = "https://provider.example.com/v1/chat/completions";
    const body = (who: string) => gql(JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: `[together] ${who}` }] }));
    const { body: reply } = await query(
      `{
        a: holdSecret(secret: "AAAA-secret", kib: 1, url: ${gql(url)}, body: ${body("a")})
        b: holdSecret(secret: "BBBB-secret", kib: 1, url: ${gql(url)}, body: ${body("b")})
        c: peekUninitialised(kib: 1)
      }`,
      { env },
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data).toEqual({ a: "intact ", b: "intact ", c: "" });
    expect((await t.requests()).map((r) => r.concurrent)).toEqual([2, 2]);
  });
});

describe("the memory pool", () => {
  it("hands out zeroed memories, never one a live call holds, and keeps at most its capacity", () => {
    const pool = new MemoryPool(1, undefined, 2);
    const a = pool.acquire();
    const b = pool.acquire();
    expect(a).not.toBe(b);
    new Uint8Array(a.buffer).fill(7);
    pool.release(a);
    const again = pool.acquire();
    expect(again).toBe(a);
    expect(new Uint8Array(again.buffer).every((x) => x === 0)).toBe(true);
    pool.release(again);
    pool.release(b);
    pool.release(new WebAssembly.Memory({ initial: 1 }));
    expect(pool.idle).toBe(2);
  });

  it("drops a memory that grew", () => {
    const pool = new MemoryPool(1);
    const m = pool.acquire();
    m.grow(1);
    pool.release(m);
    expect(pool.idle).toBe(0);
    expect(pool.acquire().buffer.byteLength).toBe(PAGE);
  });

  it("gets each call's memory back once the call is over, and reuses it for the next", async () => {
    const planner = new TypePlanner(readMetadata(wasm));
    const imports = planHostImports(wasm, planner);
    const pool = imports.pool!;
    const limits = { ...DEFAULT_LIMITS, callMemoryMiB: 1 };
    const ctx = (functionName: string) =>
      ({ executionId: "pool-test", functionName, env: testEnv, logs: [], limits }) as unknown as CallContext;
    const plan = (name: string) => planFunction(readMetadata(wasm).fnExports[name]!, planner);
    expect(pool.idle).toBe(0);
    expect(await invoke(wasm, imports, plan("scribble"), { secret: "pooled", kib: 2 }, ctx("scribble"))).toBe(2);
    expect(pool.idle).toBe(1);
    expect(await invoke(wasm, imports, plan("peekUninitialised"), { kib: 2 }, ctx("peekUninitialised"))).toBe("");
    expect(pool.idle).toBe(1);
    // A call that fails gives its memory back too (it is reset before reuse like any other).
    expect(() => invoke(wasm, imports, plan("grow"), { mib: 4 }, ctx("grow"))).toThrow(/ran out of memory/);
    expect(await invoke(wasm, imports, plan("peekUninitialised"), { kib: 2 }, ctx("peekUninitialised"))).toBe("");
  });
});
