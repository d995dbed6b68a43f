import { describe, expect, it } from "vitest";
import { handleMaybePromise, isPromise, mapMaybePromise } from "@whatwg-node/promise-helpers";

// graphql-yoga's hook chains run on this package (deps/promise-helpers): 2.x, plus 1.x's mapMaybePromise.
describe("@whatwg-node/promise-helpers as the Worker bundles it", () => {
  it("answers a synchronous chain with a plain value, not a promise-like wrapper", () => {
    const out = handleMaybePromise(() => 20, (v) => v + 1);
    expect(out).toBe(21);
    expect(isPromise(out)).toBe(false);
  });

  it("routes a synchronous throw to the error factory", () => {
    const out = handleMaybePromise(
      () => {
        throw new Error("bad input");
      },
      () => "unreachable",
      (err) => `caught: ${(err as Error).message}`,
    );
    expect(out).toBe("caught: bad input");
  });

  it("keeps a real promise a promise", async () => {
    const out = handleMaybePromise(() => Promise.resolve(2), (v) => v * 3);
    expect(isPromise(out)).toBe(true);
    await expect(out).resolves.toBe(6);
  });

  it("still offers mapMaybePromise, which @envelop/core 5 re-exports", async () => {
    expect(mapMaybePromise(4, (v) => v + 1)).toBe(5);
    await expect(mapMaybePromise(Promise.resolve(4), (v) => v + 1)).resolves.toBe(5);
    await expect(mapMaybePromise(Promise.reject(new Error("down")), () => "no", (e) => `err ${(e as Error).message}`)).resolves.toBe("err down");
  });
});
