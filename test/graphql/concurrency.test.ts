import { describe, expect, it } from "vitest";
import { graphql } from "../helpers";
import { tagged } from "../support/stub-requests";

describe("root fields of one operation", () => {
  it("run concurrently, each in its own instance, while both are suspended in a model call", async () => {
    // The stub holds each [together] request until a second one with the same
    // key is in flight (and fails it otherwise): both calls can only succeed
    // if the host had both out at once.
    const t = tagged("concurrent");
    const { body } = await graphql(
      `{
        a: generateExcuses(event: "[together] the first meeting")
        b: generateExcuses(event: "[together] the second meeting")
        c: countCalls
      }`,
      undefined,
      { env: t.env },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.a).toContain("user=Give me an excuse for missing [together] the first meeting.");
    expect(body.data.b).toContain("user=Give me an excuse for missing [together] the second meeting.");
    expect(body.data.c).toBe(1);
    const sent = await t.requests();
    expect(sent.map((r) => r.concurrent)).toEqual([2, 2]);
    const ids = Object.values(body.extensions.invocations).map((i: any) => i.executionId);
    expect(new Set(ids).size).toBe(3);
  });
});
