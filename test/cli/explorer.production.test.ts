import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explorerEnabled } from "../../src/middleware/explorer/enabled.ts";
import { startWrangler, type RunningWorker } from "./explorer.wrangler.ts";

describe("the explorer switch", () => {
  it.each([
    [{}, false],
    [{ MODUS_ENV: "prod" }, false],
    [{ MODUS_ENV: "dev" }, true],
    [{ MODUS_EXPLORER: "on" }, true],
    [{ MODUS_EXPLORER: "off", MODUS_ENV: "dev" }, false],
    [{ MODUS_EXPLORER: "", MODUS_ENV: "dev" }, true],
  ])("%j -> %s", (env, on) => {
    expect(explorerEnabled(env)).toBe(on);
  });

  it("names MODUS_EXPLORER when its value is neither on nor off", () => {
    expect(() => explorerEnabled({ MODUS_EXPLORER: "yes" })).toThrow('MODUS_EXPLORER must be "on" or "off", not "yes"');
  });
});

describe("the explorer in production", () => {
  let off: RunningWorker;
  let on: RunningWorker;
  beforeAll(async () => {
    [off, on] = await Promise.all([startWrangler(), startWrangler({ vars: { MODUS_EXPLORER: "on" } })]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([off?.stop(), on?.stop()]);
  });

  it("is off by default: no page, no endpoint list, no redirect, while /health answers", async () => {
    for (const path of ["/explorer", "/explorer/", "/explorer/explorer.js", "/explorer/endpoints.json", "/"]) {
      const res = await fetch(off.url + path, { redirect: "manual" });
      expect(res.status, path).toBe(404);
    }
    expect((await fetch(`${off.url}/health`)).status).toBe(200);
  });

  it("with MODUS_EXPLORER=on serves the page from the assets and lists the manifest's endpoints", async () => {
    const page = await fetch(`${on.url}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<script type="module" src="/explorer/explorer.js">');
    const script = await fetch(`${on.url}/explorer/explorer.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect(await (await fetch(`${on.url}/explorer/endpoints.json`)).json()).toEqual({
      endpoints: [{ name: "default", path: "/graphql", auth: "bearer-token" }],
    });
    // Only development redirects "/" to the explorer.
    expect((await fetch(`${on.url}/`, { redirect: "manual" })).status).toBe(404);
  });

  it("keeps the assets' redirects under /explorer", async () => {
    const res = await fetch(`${on.url}/explorer/index.html`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/explorer/");
  });
});
