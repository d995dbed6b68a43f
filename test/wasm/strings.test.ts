import { describe, expect, it } from "vitest";
import { call } from "./harness";

const UNICODE = "a€😀\ud800x\udc00";

describe("strings", () => {
  it.each([
    ["empty", ""],
    ["ascii", "hello"],
    ["latin-1", "café"],
    ["astral", "😀🎉𝄞"],
    ["lone high surrogate", "\ud800"],
    ["lone low surrogate", "\udc00"],
    ["reversed surrogate pair", "\udc00\ud800"],
    ["NUL inside", "a\u0000b"],
    ["BOM", "\ufeff"],
    ["CJK", "漢字かな"],
  ])("round-trips %s exactly", async (_what, s) => {
    expect(await call("identityString", s)).toBe(s);
    expect(await call("stringCodeUnits", s)).toEqual([...Array(s.length)].map((_, i) => s.charCodeAt(i)));
  });

  it("round-trips null and a value through string | null", async () => {
    expect(await call("identityNullableString", null)).toBeNull();
    expect(await call("identityNullableString", "x")).toBe("x");
    expect(await call("checkStringNull", null)).toBe(true);
  });

  it("lowers the empty string as the guest's empty string", async () => {
    expect(await call("checkStringEmpty", "")).toBe(true);
  });

  it("preserves astral characters and lone surrogates both ways", async () => {
    expect(await call("checkStringUnicode", UNICODE)).toBe(true);
    expect(await call("makeStringUnicode")).toBe(UNICODE);
    expect(await call("stringFromCodeUnits", [0xd83d, 0xde00, 0xdfff, 0x41])).toBe("😀\udfffA");
  });

  it("moves a 1 MB string both ways", async () => {
    const big = (await call("makeString1MB")) as string;
    expect(big.length).toBe(1 << 20);
    expect(big.slice(0, 40)).toBe("abcdefghijklmnopqrstuvwxyz0123456789abcd");
    expect(await call("checkString1MB", big)).toBe(true);
    expect(await call("identityString", big)).toBe(big);
  });

  it("rejects a non-string", async () => {
    await expect(call("identityString", 5)).rejects.toThrow('argument "s": 5 is not a string');
    await expect(call("identityString", null)).rejects.toThrow('missing argument "s"');
  });
});
