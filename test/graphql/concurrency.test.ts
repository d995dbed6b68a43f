import { describe, expect, it } from "vitest";
import { graphql } from "../helpers";

describe("root fields of one operation", () => {
  it("run concurrently, each in its own instance, while both are suspended in a model call", async () => {
    const started = Date.now();
    // The stub holds every request marked [slow] for 3 s.
    const { body } = await graphql(`{
      a: generateExcuses(event: "[slow] the first meeting")
      b: generateExcuses(event: "[slow] the second meeting")
      c: countCalls
    }`);
    const elapsed = Date.now() - started;
    expect(body.errors).toBeUndefined();
    expect(body.data.a).toContain("user=Give me an excuse for missing [slow] the first meeting.");
    expect(body.data.b).toContain("user=Give me an excuse for missing [slow] the second meeting.");
    expect(body.data.c).toBe(1);
    // one after the other would take 6 s or more
    expect(elapsed).toBeLessThan(5500);
    const ids = Object.values(body.extensions.invocations).map((i: any) => i.executionId);
    expect(new Set(ids).size).toBe(3);
  });
});
