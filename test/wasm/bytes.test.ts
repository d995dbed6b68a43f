import { describe, expect, it } from "vitest";
import { call } from "./harness";

const SAMPLE = "AAF/gP8="; // [0, 1, 127, 128, 255]

describe("byte sequences as base64", () => {
  it.each(["identityArrayBuffer", "identityUint8Array", "identityBytesArray"])("%s round-trips", async (fn) => {
    for (const b64 of ["", SAMPLE, "AA==", "/w==", btoa("x".repeat(1000))]) {
      expect(await call(fn, b64)).toBe(b64);
    }
  });

  it.each(["checkArrayBuffer", "checkUint8Array", "checkBytesArray"])("%s sees the exact bytes", async (fn) => {
    expect(await call(fn, SAMPLE)).toBe(true);
  });

  it("lifts each byte type the guest made, honouring a view's offset", async () => {
    expect(await call("makeArrayBuffer")).toBe(SAMPLE);
    expect(await call("makeUint8ArraySubarray")).toBe(SAMPLE);
    expect(await call("makeBytesArray")).toBe(SAMPLE);
  });

  it("lowers empty and null", async () => {
    expect(await call("checkBytesEmpty", "")).toBe(true);
    expect(await call("identityNullableArrayBuffer", null)).toBeNull();
  });

  it("accepts raw bytes from host code", async () => {
    expect(await call("identityUint8Array", new Uint8Array([0, 1, 127, 128, 255]))).toBe(SAMPLE);
    expect(await call("identityArrayBuffer", [0, 1, 127, 128, 255])).toBe(SAMPLE);
  });

  it("rejects text that is not base64, naming the type", async () => {
    await expect(call("identityArrayBuffer", "not base64!")).rejects.toThrow(/is not valid base64 for ~lib\/arraybuffer\/ArrayBuffer/);
    await expect(call("identityUint8Array", 12)).rejects.toThrow(/12 is not a base64 string, as ~lib\/typedarray\/Uint8Array needs/);
  });
});
