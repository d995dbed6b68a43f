import { describe, expect, it } from "vitest";
import { testEnv } from "../helpers";
import { captureLogs } from "../support/secret-scan";
import { encodeBase64 } from "../../src/wasm/abi/base64";
import { sdkQuery } from "../sdk-host/app";

// modus_http_client.fetch through the real host, driven by the SDK test app.
const stubOrigin = new URL(testEnv.TEST_PROVIDER_URL!).origin;
const hostError = (body: any) => body.errors?.find((e: any) => e.extensions?.level === "error")?.message;

describe("http.fetch failures name the URL and reach the function as an error", () => {
  it("no answer within MODUS_HTTP_TIMEOUT_MS", async () => {
    const { body } = await sdkQuery(`{ httpGetText(url: "https://echo.example.com/echo/hang") }`, { env: { MODUS_HTTP_TIMEOUT_MS: "300" } });
    expect(body.data).toBeNull();
    expect(hostError(body)).toBe("http.fetch https://echo.example.com/echo/hang: no response within 300 ms");
  });

  it("a host nothing listens on", async () => {
    const { body } = await sdkQuery(`{ httpGetText(url: "https://echo.example.com/echo/x") }`, { env: { MODUS_ECHO_ORIGIN: "http://127.0.0.1:9" } });
    expect(body.data).toBeNull();
    expect(hostError(body)).toMatch(/^http\.fetch https:\/\/echo\.example\.com\/echo\/x: \S/);
  });

  it("a connection whose secret is not set: refused before anything is sent, naming the env variable", async () => {
    const { body } = await sdkQuery(`{ httpGetText(url: "https://secret.example.com/echo/s") }`, { env: { MODUS_ECHO_SECRET_ORIGIN: stubOrigin } });
    expect(body.data).toBeNull();
    expect(hostError(body)).toBe(
      'http.fetch https://secret.example.com/echo/s: connection "echo-secret" needs secret MODUS_ECHO_SECRET_TOKEN, which is not set',
    );
  });

  it("the same connection with its secret set sends it in the manifest's header, and never logs it", async () => {
    const { result, lines } = await captureLogs(() =>
      sdkQuery(`{ httpGetText(url: "https://secret.example.com/echo/s") }`, {
        env: { MODUS_ECHO_SECRET_ORIGIN: stubOrigin, MODUS_ECHO_SECRET_TOKEN: "tok-5d0e7a21" },
      }),
    );
    expect(result.body.errors).toBeUndefined();
    // The echo shows what arrived (the function chose to return it: the app's business).
    expect(JSON.parse(result.body.data.httpGetText).headers["x-token"]).toBe("tok-5d0e7a21");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes("tok-5d0e7a21"))).toEqual([]);
  });
});

describe("http.fetch bodies are bytes", () => {
  // u8[] crosses GraphQL as base64, as in Modus.
  it("every byte value, and sequences that are not UTF-8, go out and come back unchanged", async () => {
    const bytes = encodeBase64(Uint8Array.from([...Array.from({ length: 256 }, (_, i) => i), 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0]));
    const { body } = await sdkQuery(`query($b: String!) { httpPostBytes(url: "https://echo.example.com/echo/bytes", bytes: $b) }`, { variables: { b: bytes } });
    expect(body.errors).toBeUndefined();
    expect(body.data.httpPostBytes).toBe(bytes);
  });

  it("an empty body", async () => {
    const { body } = await sdkQuery(`{ httpPostBytes(url: "https://echo.example.com/echo/bytes", bytes: "") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.httpPostBytes).toBe("");
  });
});
