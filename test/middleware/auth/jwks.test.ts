import { describe, expect, it } from "vitest";
import { authApp, jwks, jwksUrl, sign } from "./app";

/** A fresh key set on the stand-in, and an app whose MODUS_JWKS_ENDPOINTS names it. */
async function freshSet() {
  const { set } = await jwks("__sets");
  const app = authApp({ MODUS_JWKS_ENDPOINTS: JSON.stringify({ idp: `${jwksUrl}${set}/jwks.json` }) });
  const token = (key: "newest" | "oldest" = "newest") => sign({ set, key, claims: { sub: key }, expiresIn: "1h" });
  const fetches = async () => (await jwks(`${set}/fetches`)).fetches as number;
  return { set, app, token, fetches };
}

describe("JWKS keys follow the identity provider's rotation (the clock is the test's)", () => {
  it("a new key is picked up after the refetch cooldown, old and new work while both are served, a retired one stops at the cache's age", async () => {
    const { set, app, token, fetches } = await freshSet();
    const first = await token();
    expect(await app.call(first)).toEqual({ status: 200, text: "sub=newest" });
    expect(await fetches()).toBe(1);

    // The provider publishes a second key beside the first.
    expect((await jwks(`${set}/rotate`)).kids).toEqual([`${set}-2`, `${set}-1`]);
    const second = await token();
    // Within the cooldown, an unknown key id does not refetch.
    expect(await app.call(second)).toEqual({ status: 401, text: "Access Denied: no key matches the JWT's key id" });
    expect(await fetches()).toBe(1);
    app.clock.now += 999;
    expect((await app.call(second)).status).toBe(401);
    expect(await fetches()).toBe(1);
    app.clock.now += 1;
    expect((await app.call(second)).status).toBe(200);
    expect(await fetches()).toBe(2);
    // Both keys are served together: tokens of either verify, with no further fetch.
    expect((await app.call(first)).status).toBe(200);
    expect((await app.call(await token("oldest"))).status).toBe(200);
    expect(await fetches()).toBe(2);

    // The provider retires the first key: the cached set still has it until it is ten minutes old.
    await jwks(`${set}/retire`);
    app.clock.now += 10 * 60 * 1000 - 1; // the set was fetched (again) when the second key arrived
    expect((await app.call(first)).status).toBe(200);
    expect(await fetches()).toBe(2);
    app.clock.now += 1;
    expect(await app.call(first)).toEqual({ status: 401, text: "Access Denied: no key matches the JWT's key id" });
    expect(await fetches()).toBe(3);
    expect((await app.call(second)).status).toBe(200);
    expect(await fetches()).toBe(3);
  });

  it("token expiry follows the same clock", async () => {
    const { app, set } = await freshSet();
    const token = await sign({ set, expiresIn: "5m" });
    expect((await app.call(token)).status).toBe(200);
    app.clock.now += 5 * 60 * 1000 + 1000;
    expect(await app.call(token)).toEqual({ status: 401, text: "Access Denied: JWT has expired" });
  });

  it("an endpoint that is down refuses tokens with 401, logs the variable and URL for the operator, and is retried after the cooldown", async () => {
    const { set, app, token, fetches } = await freshSet();
    await jwks(`${set}/break`, { status: 503 });
    const t = await token();
    expect(await app.call(t)).toEqual({ status: 401, text: "Access Denied: the JWKS endpoint could not be read" });
    expect(app.logs).toEqual([{ level: "error", msg: `MODUS_JWKS_ENDPOINTS.idp (${jwksUrl}${set}/jwks.json) could not be read: it answered 503` }]);
    expect(await fetches()).toBe(1);
    // Not hammered: within the cooldown the failure stands without a fetch.
    expect((await app.call(t)).status).toBe(401);
    expect(await fetches()).toBe(1);
    await jwks(`${set}/break`, { status: null });
    app.clock.now += 1000;
    expect((await app.call(t)).status).toBe(200);
    expect(await fetches()).toBe(2);
  });

  it("an endpoint nothing listens on", async () => {
    const app = authApp({ MODUS_JWKS_ENDPOINTS: JSON.stringify({ idp: "http://127.0.0.1:9/jwks.json" }) });
    expect(await app.call(await sign({ expiresIn: "5m" }))).toEqual({ status: 401, text: "Access Denied: the JWKS endpoint could not be read" });
    expect(app.logs).toHaveLength(1);
    expect(app.logs[0]!.msg).toMatch(/^MODUS_JWKS_ENDPOINTS\.idp \(http:\/\/127\.0\.0\.1:9\/jwks\.json\) could not be read: .+/);
  });
});
