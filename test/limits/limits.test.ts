import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, LIMITS, LimitError, readLimits } from "../../src/limits";

describe("the limits table", () => {
  it("names each limit's env variable once, with a default inside its range", () => {
    expect(new Set(LIMITS.map((l) => l.env)).size).toBe(LIMITS.length);
    for (const l of LIMITS) {
      expect(l.env).toMatch(/^MODUS_[A-Z_]+_LIMIT(_MS|_MB)?$/);
      expect(l.default).toBeGreaterThanOrEqual(1);
      expect(l.default).toBeLessThanOrEqual(l.max);
    }
  });

  it("gives the defaults for an empty env", () => {
    expect(readLimits({})).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({
      callTimeMs: 5,
      requestTimeMs: 8,
      callMemoryMiB: 32,
      logLines: 1000,
      logBytes: 65536,
      responseBytes: 16 << 20,
      hostConcurrency: 6,
      hostCalls: 50,
    });
  });

  it.each(LIMITS.map((l) => [l.env, l] as const))("reads %s as a whole number in range, and refuses anything else", (env, l) => {
    expect(readLimits({ [env]: " 7 " })[l.key]).toBe(7);
    expect(readLimits({ [env]: String(l.max) })[l.key]).toBe(l.max);
    for (const bad of ["0", "-1", "1.5", "1e3", "ten", String(l.max + 1)]) {
      expect(() => readLimits({ [env]: bad })).toThrow(new LimitError(`${env} must be a whole number from 1 to ${l.max}, not ${JSON.stringify(bad)}`));
    }
  });
});
