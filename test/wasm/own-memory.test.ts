// A module that declares its own memory (built by Modus's SDK, or served with
// --wasm) runs on the unpooled path: each instance gets a new memory.
import { describe, expect, it } from "vitest";
import pooled from "../fixtures/build/abi/app.wasm";
import own from "../fixtures/build/abi-own-memory/app.wasm";
import { planHostImports, type MemoryCell } from "../../src/hostfns";
import { readMetadata } from "../../src/metadata/read";
import { TypePlanner } from "../../src/wasm/abi/plan";
import { instantiateFor, invoke, planFunction } from "../../src/wasm/invoke";
import type { CallContext } from "../../src/wasm/context";
import { DEFAULT_LIMITS } from "../../src/limits";

const ctx = (functionName: string) =>
  ({ executionId: "own-memory", functionName, env: {}, logs: [], limits: DEFAULT_LIMITS }) as unknown as CallContext;

describe("a module with its own memory", () => {
  const planner = new TypePlanner(readMetadata(own));
  const imports = planHostImports(own, planner);
  const plan = planFunction(readMetadata(own).fnExports.identityString!, planner);

  it("imports no memory and gets no pool", () => {
    expect(WebAssembly.Module.imports(own).some((i) => i.kind === "memory")).toBe(false);
    expect(imports.pool).toBeUndefined();
    expect(planHostImports(pooled, new TypePlanner(readMetadata(pooled))).pool).toBeDefined();
  });

  it("answers calls, side by side, each instance with a memory of its own", async () => {
    const values = await Promise.all(["a", "bb", "ccc"].map((s) => invoke(own, imports, plan, { s }, ctx("identityString"))));
    expect(values).toEqual(["a", "bb", "ccc"]);
    const one = instantiateFor(own, imports, ctx("x"));
    const two = instantiateFor(own, imports, ctx("x"));
    expect(one.exports.memory).not.toBe(two.exports.memory);
    one.retire();
    two.retire();
    const cell: MemoryCell = {};
    imports(ctx("x"), cell);
    expect(cell.release).toBeUndefined();
  });
});
