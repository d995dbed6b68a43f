// Finding 5: a function logging 20,000 lines returned a 2.3 MB body (and
// 200,000 killed the dev server). Now a call keeps at most 1,000 lines or
// 64 KiB of log text, and one line says how many more were dropped.
import { describe, expect, it } from "vitest";
import { query, send } from "./worker";

const ROOMY = { MODUS_CALL_TIME_LIMIT_MS: "60000", MODUS_REQUEST_TIME_LIMIT_MS: "60000" };
const dropped = (n: number) => ({
  level: "warning",
  message: `${n} more log lines were dropped: a call may log 1000 lines or 65536 bytes (MODUS_LOG_LINES_LIMIT, MODUS_LOG_BYTES_LIMIT)`,
});

describe("log floods", () => {
  it("keeps the first 1,000 lines of 20,000 and says how many were dropped", async () => {
    const { body, text } = await query("{ flood(lines: 20000) }", { env: ROOMY });
    expect(body.data).toEqual({ flood: 20000 });
    const logs = body.extensions.invocations.flood.logs;
    expect(logs).toHaveLength(1001);
    expect(logs[0]).toEqual({ message: "line 0 of a flood" });
    expect(logs[999]).toEqual({ message: "line 999 of a flood" });
    expect(logs[1000]).toEqual(dropped(19000));
    expect(text.length).toBeLessThan(64_000);
    expect((await send("/metrics")).text).toMatch(/^modus_limits_total\{limit="logs"\} [1-9]\d*$/m);
  });

  it("survives 200,000 lines", async () => {
    const { body } = await query("{ flood(lines: 200000) }", { env: ROOMY });
    expect(body.data).toEqual({ flood: 200000 });
    expect(body.extensions.invocations.flood.logs.at(-1)).toEqual(dropped(199000));
  });

  it("bounds the bytes as well as the lines", async () => {
    const { body } = await query("{ a: bigLine(kib: 40) b: bigLine(kib: 40) }", { env: ROOMY });
    expect(body.extensions.invocations.a.logs).toHaveLength(1);
    const one = await query("{ bigLine(kib: 70) }", { env: ROOMY });
    expect(one.body.extensions.invocations.bigLine.logs).toEqual([
      { level: "warning", message: expect.stringMatching(/^1 more log line was dropped: /) },
    ]);
  });

  it("bounds what a function writes to stdout the same way", async () => {
    const { body } = await query("{ floodStdout(lines: 5000) }", { env: ROOMY });
    const logs = body.extensions.invocations.floodStdout.logs;
    expect(logs).toHaveLength(1001);
    expect(logs[0]).toEqual({ message: "stdout line 0" });
    expect(logs[1000]).toEqual(dropped(4000));
  });

  it("keeps an abort's message after the flood, as the call's error", async () => {
    const { body } = await query("{ floodThenAbort(lines: 5000) }", { env: ROOMY });
    expect(body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining("gave up after the flood"), extensions: { code: "FUNCTION_ERROR", level: "fatal" } }),
    ]);
  });

  it("takes its limits from the env", async () => {
    const env = { ...ROOMY, MODUS_LOG_LINES_LIMIT: "10" };
    const { body } = await query("{ flood(lines: 50) }", { env });
    const logs = body.extensions.invocations.flood.logs;
    expect(logs).toHaveLength(11);
    expect(logs[10].message).toMatch(/^40 more log lines were dropped: a call may log 10 lines/);
  });
});
