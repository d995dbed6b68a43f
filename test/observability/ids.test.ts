import { describe, expect, it } from "vitest";
import { uuidSource } from "../../src/observability/ids";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidSource", () => {
  it("makes distinct version 4 UUIDs, across several batches", () => {
    const newId = uuidSource(4);
    const ids = Array.from({ length: 50 }, newId);
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(50);
  });

  it("uses every hex digit in the random positions (not a constant or a counter)", () => {
    const newId = uuidSource();
    const seen = new Set(Array.from({ length: 200 }, newId).join("").replace(/-/g, ""));
    expect(seen.size).toBe(16);
  });
});
