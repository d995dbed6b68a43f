// Calls that can reach no asynchronous host function run without JSPI, so a
// GraphQL request for one stays synchronous; one that runs past a slice of
// fuel is started over where it may pause (src/wasm/invoke.ts).
import { describe, expect, it } from "vitest";
import wasm from "./build/app.wasm";
import { query } from "./worker";
import { planHostImports } from "../../src/hostfns";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { invoke, planFunction } from "../../src/wasm/invoke";
import { CallLogs } from "../../src/wasm/logs";
import type { CallContext } from "../../src/wasm/context";
import { DEFAULT_LIMITS } from "../../src/limits";
import { FUEL_PER_MS } from "../../src/wasm/meter";
import { testEnv } from "../helpers";

const planner = new TypePlanner(readMetadata(wasm));
const imports = planHostImports(wasm, planner);
const plan = (name: string) => planFunction(readMetadata(wasm).fnExports[name]!, planner);
const limits = { ...DEFAULT_LIMITS, callTimeMs: 60_000, requestTimeMs: 60_000 };
const context = (functionName: string) =>
  ({ executionId: "sync-test", functionName, env: testEnv, logs: new CallLogs(limits), limits, usage: { fuel: 0, memoryBytes: 0 } }) as unknown as CallContext;

// logThenWork's loop, in JavaScript (i32 arithmetic).
function expected(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = ((Math.imul(x, 31) + i) ^ (x >>> 3)) | 0;
  return x;
}

describe("functions that reach no asynchronous host function", () => {
  it("are told apart from those that do, from what the build recorded", () => {
    for (const name of ["work", "logThenWork", "scribble", "flood"]) expect(imports.synchronous!.has(name)).toBe(true);
    for (const name of ["fetchText", "ask", "holdSecret", "fetchMany"]) expect(imports.synchronous!.has(name)).toBe(false);
  });

  it("answer synchronously, without JSPI", () => {
    const ctx = context("logThenWork");
    const value = invoke(wasm, imports, plan("logThenWork"), { n: 1000 }, ctx);
    expect(value).not.toBeInstanceOf(Promise);
    expect(value).toBe(expected(1000));
    expect([...ctx.logs]).toEqual([{ level: "", message: "before the work" }]);
  });

  it("are started over where they may pause once they run past one slice, counting the first attempt's fuel", async () => {
    const ctx = context("logThenWork");
    const n = 3_000_000;
    const value = invoke(wasm, imports, plan("logThenWork"), { n }, ctx);
    expect(value).toBeInstanceOf(Promise);
    expect(await value).toBe(expected(n));
    // The first attempt's line was dropped: the call logs it once.
    expect([...ctx.logs]).toEqual([{ level: "", message: "before the work" }]);
    // The first attempt's slice counts with the second's work.
    expect(ctx.usage!.fuel).toBeGreaterThan(FUEL_PER_MS);
  });

  it("start later calls under JSPI once one has run long, so the discarded slice is paid once per isolate", async () => {
    const own = planHostImports(wasm, planner);
    const n = 3_000_000;
    const run = async (args: { n: number }) => {
      const ctx = context("logThenWork");
      const pending = invoke(wasm, own, plan("logThenWork"), args, ctx);
      return { suspendable: pending instanceof Promise, value: await pending, fuel: ctx.usage!.fuel };
    };
    const first = await run({ n });
    expect(own.longRunning!.has("logThenWork")).toBe(true);
    const second = await run({ n });
    expect([first.value, second.value]).toEqual([expected(n), expected(n)]);
    // The first call burned a slice it then threw away; the second started where it may pause.
    expect(first.fuel - second.fuel).toBeGreaterThan(FUEL_PER_MS / 2);
    // A short call of that function now starts under JSPI too, with the same answer; others are untouched.
    const short = await run({ n: 1000 });
    expect(short).toMatchObject({ suspendable: true, value: expected(1000) });
    expect(own.longRunning!.has("work")).toBe(false);
    expect(invoke(wasm, own, plan("work"), { n: 10 }, context("work"))).not.toBeInstanceOf(Promise);
  });

  it("still stop at their compute budget, and the request is told why", async () => {
    const { body } = await query("{ logThenWork(n: 2000000000) }");
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toMatch(/^function logThenWork used up its compute budget of 5 ms/);
  });

  it("log their lines once through GraphQL, short or long", async () => {
    for (const n of [10, 3_000_000]) {
      const { body } = await query(`{ logThenWork(n: ${n}) }`, { env: { MODUS_CALL_TIME_LIMIT_MS: "60000", MODUS_REQUEST_TIME_LIMIT_MS: "60000" } });
      expect(body.data).toEqual({ logThenWork: expected(n) });
      expect(body.extensions.invocations.logThenWork.logs).toEqual([{ message: "before the work" }]);
    }
  });
});
