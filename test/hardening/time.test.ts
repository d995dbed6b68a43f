// Finding 1: a function that loops forever hung the Worker for good. Now each
// call has a compute budget (metered Wasm work), and the Worker keeps
// answering other requests while a long call runs and after it is stopped.
import { describe, expect, it } from "vitest";
import { query, send } from "./worker";
import wasm from "./build/app.wasm";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { planHostImports } from "../../src/hostfns";
import { callIn, instantiateFor, planFunction } from "../../src/wasm/invoke";
import type { CallContext } from "../../src/wasm/context";

describe("the compute budget of a call", () => {
  it("stops a function that never returns, with an error naming it and the budget", async () => {
    const { status, body } = await query("{ spin }");
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: "function spin used up its compute budget of 5 ms (MODUS_CALL_TIME_LIMIT_MS) and was stopped",
        path: ["spin"],
        extensions: { code: "FUNCTION_ERROR", level: "fatal" },
      },
    ]);
    expect((await send("/metrics")).text).toMatch(/^modus_limits_total\{limit="time"\} [1-9]\d*$/m);
  });

  it("keeps answering other requests while a long call runs, and after it is stopped", async () => {
    const env = { MODUS_CALL_TIME_LIMIT_MS: "1500", MODUS_REQUEST_TIME_LIMIT_MS: "1500" };
    let spinning = true;
    const spin = query("{ spin }", { env }).finally(() => (spinning = false));
    const during = await query("{ work(n: 100) }", { env });
    const health = await send("/health");
    expect(spinning).toBe(true);
    expect(during.body).toMatchObject({ data: { work: expect.any(Number) } });
    expect(health.body.status).toBe("ok");
    const stopped = await spin;
    expect(stopped.body.errors[0].message).toBe(
      "function spin used up its compute budget of 1500 ms (MODUS_CALL_TIME_LIMIT_MS) and was stopped",
    );
    const after = await query("{ work(n: 100) }");
    expect(after.body.errors).toBeUndefined();
  });

  it("lets a call that fits its budget finish, and the budget is configurable per app", async () => {
    const small = await query("{ work(n: 100000) }");
    expect(small.body.errors).toBeUndefined();
    const big = "{ work(n: 20000000) }";
    expect((await query(big)).body.errors[0].message).toMatch(/^function work used up its compute budget of 5 ms/);
    const raised = await query(big, { env: { MODUS_CALL_TIME_LIMIT_MS: "5000", MODUS_REQUEST_TIME_LIMIT_MS: "5000" } });
    expect(raised.body.errors).toBeUndefined();
    expect(raised.body.data.work).toEqual(expect.any(Number));
  });

  it("bounds all calls of one request together", async () => {
    // Each call fits the call budget; together they pass the request's.
    const one = await query("{ work(n: 1500000) }");
    expect(one.body.errors).toBeUndefined();
    const { body } = await query("{ a: work(n: 1500000) b: work(n: 1500000) c: work(n: 1500000) d: work(n: 1500000) }");
    const messages: string[] = (body.errors ?? []).map((e: { message: string }) => e.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m).toBe("function work was stopped: the request used up its compute budget of 8 ms (MODUS_REQUEST_TIME_LIMIT_MS)");
    }
  });

  it("charges bulk memory copies by their size, not as one instruction", async () => {
    // 300,000 copies of 16 KiB: a few fuel units each if counted per instruction.
    const { body } = await query("{ copyWork(kib: 16, times: 300000) }");
    expect(body.errors[0].message).toMatch(/^function copyWork used up its compute budget/);
  });

  it("refuses a budget that is not a whole number, naming the variable", async () => {
    const { status, body } = await query("{ work(n: 1) }", { env: { MODUS_CALL_TIME_LIMIT_MS: "fast" } });
    expect(status).toBe(503);
    expect(body.errors[0]).toEqual({
      message: 'MODUS_CALL_TIME_LIMIT_MS must be a whole number from 1 to 900000, not "fast"',
      extensions: { code: "UNAVAILABLE" },
    });
  });
});

describe("an instance that serves many calls (as an agent's does)", () => {
  it("gives each call its own budget", async () => {
    const planner = new TypePlanner(readMetadata(wasm));
    const imports = planHostImports(wasm, planner);
    const plan = planFunction(readMetadata(wasm).fnExports.work!, planner);
    const ctx = { executionId: "x", functionName: "work", env: {}, logs: [] } as unknown as CallContext;
    const instance = instantiateFor(wasm, imports, ctx);
    // Each call uses about two thirds of the default 5 ms: three in a row would not fit one budget.
    for (let i = 0; i < 3; i++) expect(await callIn(instance, plan, { n: 1_500_000 }, ctx)).toEqual(expect.any(Number));
    await expect(callIn(instance, plan, { n: 20_000_000 }, ctx)).rejects.toThrow(/^function work used up its compute budget of 5 ms/);
    // A stopped call does not stop the next one.
    expect(await callIn(instance, plan, { n: 1000 }, ctx)).toEqual(expect.any(Number));
  });
});

describe("pauses between fuel slices", () => {
  it("never happen while the host is lowering a result into the guest", async () => {
    // Each call lowers a string with __new; over 30,000 of them the slices run out
    // inside a lowering many times, where JSPI could not suspend.
    const env = { MODUS_CALL_TIME_LIMIT_MS: "60000", MODUS_REQUEST_TIME_LIMIT_MS: "60000" };
    const { body } = await query("{ nowMany(n: 30000) }", { env });
    expect(body.errors).toBeUndefined();
    expect(body.data.nowMany).toBeGreaterThan(30000 * 19);
  });
});
