import { describe, expect, it } from "vitest";
import { sdkQuery } from "./app";

describe("http.fetch to a host that cannot be reached", () => {
  it("fails the function with an error naming the host, never a runtime reference", async () => {
    // The echo connection sent to a port of 127.0.0.1 where nothing listens.
    const { body } = await sdkQuery(`{ httpGetText(url: "https://echo.example.com/echo/down") }`, {
      env: { MODUS_ECHO_ORIGIN: "http://127.0.0.1:9" },
    });
    expect(body.data).toBeNull();
    const messages = body.errors.map((e: { message: string }) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/^http\.fetch https:\/\/echo\.example\.com\/echo\/down: could not reach 127\.0\.0\.1:9( \(.+\))?$/));
    expect(JSON.stringify(body)).not.toContain("reference =");
  });
});
