import { describe, expect, it } from "vitest";
import { AbiError } from "../../src/wasm/errors";
import { call } from "./harness";

const LEAP = "2024-02-29T23:59:58.123Z";

describe("dates", () => {
  it.each([0, 1709251198123, -86400001, 8.64e15, -8.64e15, 253402300799999])("round-trips %s ms", async (ms) => {
    const out = (await call("identityDate", new Date(ms))) as Date;
    expect(out).toBeInstanceOf(Date);
    expect(out.getTime()).toBe(ms);
  });

  it("lowers a Date, an ISO string and epoch ms alike", async () => {
    expect(await call("checkDateEpoch", new Date(0))).toBe(true);
    expect(await call("checkDateEpoch", "1970-01-01T00:00:00Z")).toBe(true);
    expect(await call("checkDateEpoch", 0)).toBe(true);
    expect(await call("checkDateLeap", LEAP)).toBe(true);
  });

  it("fills the cached calendar fields the guest's getters read", async () => {
    expect(await call("dateParts", LEAP)).toEqual([2024, 1, 29, 23, 59, 58, 123]);
    expect(await call("dateParts", "1969-12-31T23:59:59.999Z")).toEqual([1969, 11, 31, 23, 59, 59, 999]);
  });

  it("lifts dates the guest made", async () => {
    expect(((await call("makeDate")) as Date).toISOString()).toBe("2023-11-14T22:13:20.000Z");
    expect(((await call("makeDateBeforeEpoch")) as Date).getTime()).toBe(-86400001);
    expect(((await call("dateFromMillis", 1709251198123n)) as Date).toISOString()).toBe(LEAP);
  });

  it("handles null and arrays of dates", async () => {
    expect(await call("identityNullableDate", null)).toBeNull();
    const dates = [new Date(0), new Date(LEAP)];
    expect(await call("identityArrayDate", dates)).toEqual(dates);
  });

  it("rejects what is not a date, naming the type", async () => {
    await expect(call("identityDate", "yesterday")).rejects.toThrow(AbiError);
    await expect(call("identityDate", "yesterday")).rejects.toThrow(/"yesterday" is not a valid ~lib\/wasi_date\/wasi_Date/);
    await expect(call("identityDate", new Date(NaN))).rejects.toThrow(/is not a valid ~lib\/wasi_date\/wasi_Date/);
  });
});
