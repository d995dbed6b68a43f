import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Request } from "playwright-core";
import { startWrangler, type RunningWorker } from "./explorer.wrangler.ts";
import { findChromium } from "../support/chromium.mjs";

// Found on the PATH exactly as .ci/run looks for it (test/support/chromium.mjs).
const CHROMIUM = findChromium();
// Locally a missing browser skips the page test; CI installs it (.ci/run) and must run it.
const canBrowse = CHROMIUM !== undefined || process.env.CI === "true";
if (!canBrowse) console.warn("explorer browser test skipped: no chromium on the PATH (apt-get install chromium)");

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWrangler({ vars: { MODUS_ENV: "dev" } });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
});

describe("the explorer in development", () => {
  it("is where / leads", async () => {
    const res = await fetch(`${worker.url}/`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(new URL(res.headers.get("location")!, worker.url).pathname).toBe("/explorer");
  });

  it("can be turned off with MODUS_EXPLORER=off", async () => {
    const off = await startWrangler({ vars: { MODUS_ENV: "dev", MODUS_EXPLORER: "off" } });
    try {
      expect((await fetch(`${off.url}/explorer`)).status).toBe(404);
      expect((await fetch(`${off.url}/`, { redirect: "manual" })).status).toBe(404);
    } finally {
      await off.stop();
    }
  }, 120_000);
});

describe.skipIf(!canBrowse)("the explorer page in headless Chromium", () => {
  let browser: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    // A fresh profile each run (Playwright passes it as --user-data-dir).
    if (!CHROMIUM) throw new Error("CI=true but no chromium or chromium-browser is on the PATH (.ci/run installs it with apt)");
    profile = mkdtempSync(path.join(tmpdir(), "modus-edge-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("runs a query with a header from the headers editor, loading nothing from outside 127.0.0.1", async () => {
    const page = await browser.newPage();
    const requests: Request[] = [];
    page.on("request", (r) => requests.push(r));

    await page.goto(`${worker.url}/`);
    expect(new URL(page.url()).pathname).toBe("/explorer");
    await expect.poll(() => page.locator(".endpoint-picker").inputValue()).toBe("/graphql");
    expect(await page.locator(".endpoint-picker option").allTextContents()).toEqual(["default (/graphql) · bearer token"]);

    await page.getByRole("button", { name: "Headers", exact: true }).click();
    await page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror").click();
    // insertText: typed keys would get CodeMirror's auto-closed brackets twice.
    await page.keyboard.insertText('{"X-Explorer-Test": "from the headers editor"}');

    await page.locator(".graphiql-query-editor .CodeMirror").click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText('{ sayHello(name: "browser") }');
    await page.locator(".graphiql-execute-button").click();

    const response = page.locator(".graphiql-response");
    await expect.poll(() => response.textContent(), { timeout: 30_000 }).toContain('"sayHello": "Hello, browser!"');
    mkdirSync("test/artifacts", { recursive: true });
    await page.screenshot({ path: "test/artifacts/explorer.png", fullPage: true });

    const query = requests.find((r) => r.method() === "POST" && r.postData()?.includes("sayHello"));
    expect(query?.url()).toBe(`${worker.url}/graphql`);
    expect(query?.headers()["x-explorer-test"]).toBe("from the headers editor");
    const hosts = new Set(requests.map((r) => new URL(r.url()).hostname));
    expect([...hosts]).toEqual(["127.0.0.1"]);
    expect(requests.filter((r) => r.url().includes("/explorer/")).length).toBeGreaterThanOrEqual(3);
  }, 90_000);
});
