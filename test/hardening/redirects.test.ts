// Findings 2 and 3: http.fetch and model calls followed redirects blindly
// (to undeclared hosts, out of a connection's base path, with the
// connection's secrets), and the base path was compared without case.
import { describe, expect, it } from "vitest";
import { query, SECRETS, stubRequests } from "./worker";
import { testEnv } from "../helpers";

const b64 = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const VAULT = "https://vault.example.com/echo/api";
const stubPort = new URL(testEnv.TEST_PROVIDER_URL!).port;
/** A vault URL the stub answers with `status` and `location`. */
const redirect = (location: string, status = 302) => `${VAULT}/redirect/${status}/${b64(location)}`;
const nonce = () => crypto.randomUUID().slice(0, 8);
const gql = JSON.stringify;

async function fetched(url: string, fn = "fetchText") {
  const { body } = await query(`{ ${fn}(url: ${gql(url)}) }`);
  return body;
}

/** The host's error for a refused fetch (the SDK then aborts the function with its own). */
const hostError = (body: { errors?: { message: string; extensions?: { level?: string } }[] }) =>
  body.errors?.find((e) => e.extensions?.level === "error")?.message;

function expectNoSecrets(text: string) {
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

describe("http.fetch redirects", () => {
  it("are refused to an undeclared origin, which is never contacted", async () => {
    const path = `/echo/api/${nonce()}`;
    const target = `http://localhost:${stubPort}${path}`;
    const url = redirect(target);
    const body = await fetched(url);
    expect(body.data).toBeNull();
    expect(body.errors).toContainEqual({
      message: `http.fetch ${url}: redirected (302) to http://localhost:${stubPort}${path}, which no connection in modus.json allows`,
      path: ["fetchText"],
      extensions: { level: "error" },
    });
    expect((await stubRequests()).some((r) => r.url.startsWith(path))).toBe(false);
    expectNoSecrets(JSON.stringify(body));
  });

  it("are refused out of the connection's base path, even on its own origin", async () => {
    const path = `/echo/elsewhere/${nonce()}`;
    const url = redirect(`${testEnv.TEST_PROVIDER_URL!.replace(/\/$/, "")}${path}`);
    const body = await fetched(url);
    expect(hostError(body)).toBe(
      `http.fetch ${url}: redirected (302) to https://vault.example.com${path}, which no connection in modus.json allows`,
    );
    expect((await stubRequests()).some((r) => r.url.startsWith(path))).toBe(false);
  });

  it("compare the base path with its case", async () => {
    const url = redirect("/echo/API/upper");
    expect(hostError(await fetched(url))).toBe(
      `http.fetch ${url}: redirected (302) to https://vault.example.com/echo/API/upper, which no connection in modus.json allows`,
    );
  });

  it("are followed within the connection, each hop with its own secrets", async () => {
    const path = `/echo/api/final-${nonce()}`;
    const body = await fetched(redirect(path, 307));
    expect(body.errors).toBeUndefined();
    const [status, json] = [body.data.fetchText.slice(0, 3), JSON.parse(body.data.fetchText.slice(4))];
    expect(status).toBe("200");
    expect(json.path).toBe(path);
    expect(json.headers["x-api-key"]).toBe(SECRETS.MODUS_VAULT_KEY);
    expect(json.query).toEqual({ token: SECRETS.MODUS_VAULT_TOKEN });
  });

  it("to another declared connection carry only that connection's secrets, not the first one's", async () => {
    // The server even echoes the first connection's token into the location.
    const path = `/echo/other/landing-${nonce()}`;
    const url = redirect(`https://other.example.com${path}?token=${SECRETS.MODUS_VAULT_TOKEN}&keep=1`, 308);
    const { body } = await query(`{ fetchWithHeader(url: ${gql(url)}, name: "Authorization", value: "Bearer guest-credential") }`);
    expect(body.errors).toBeUndefined();
    const json = JSON.parse(body.data.fetchWithHeader.slice(4));
    expect(json.path).toBe(path);
    expect(json.query).toEqual({ keep: "1" });
    expect(json.headers["x-other-key"]).toBe(SECRETS.MODUS_OTHER_KEY);
    expect(json.headers["x-api-key"]).toBeUndefined();
    // The caller's own credentials stay with the origin it sent them to.
    expect(json.headers.authorization).toBeUndefined();
    const hop = (await stubRequests()).find((r) => r.url.startsWith(path))!;
    expect(JSON.stringify(hop)).not.toContain(SECRETS.MODUS_VAULT_KEY);
    expect(JSON.stringify(hop)).not.toContain(SECRETS.MODUS_VAULT_TOKEN);
  });

  it("keep a POST's method and body through 307, and turn into GET through 303", async () => {
    const p307 = `/echo/api/kept-${nonce()}`;
    const kept = await query(`mutation { postText(url: ${gql(redirect(p307, 307))}, body: "{\\"a\\":1}") }`);
    expect(JSON.parse(kept.body.data.postText.slice(4))).toMatchObject({ method: "POST", path: p307, body: '{"a":1}' });
    const p303 = `/echo/api/seen-${nonce()}`;
    const seen = await query(`mutation { postText(url: ${gql(redirect(p303, 303))}, body: "{\\"a\\":1}") }`);
    const json = JSON.parse(seen.body.data.postText.slice(4));
    expect(json).toMatchObject({ method: "GET", path: p303, body: "" });
    expect(json.headers["content-type"]).toBeUndefined();
  });

  it("stop after five hops", async () => {
    let url = `${VAULT}/end`;
    for (let i = 0; i < 6; i++) url = redirect(url.replace("https://vault.example.com", ""));
    const body = await fetched(url);
    expect(hostError(body)).toBe(`http.fetch ${url}: more than 5 redirects`);
  });
});

describe("the base path of a connection", () => {
  it("is compared with its case (scheme and host are not)", async () => {
    const upper = "https://vault.example.com/echo/API/x";
    expect(hostError(await fetched(upper))).toBe(`http.fetch: no connection in modus.json allows ${upper}`);
    const body = await fetched("HTTPS://VAULT.EXAMPLE.COM/echo/api/x");
    expect(body.errors).toBeUndefined();
    expect(JSON.parse(body.data.fetchText.slice(4)).path).toBe("/echo/api/x");
  });
});

describe("model call redirects", () => {
  it("are followed within the model's connection, with its key", async () => {
    for (const model of ["hop-in", "hop-relative"]) {
      const { body } = await query(`{ ask(name: "${model}", prompt: "hello") }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.ask).toMatch(/^model=gpt-4o-mini; .*user=hello/);
    }
  });

  it("are refused to an undeclared host or out of the base path, with an error naming the model", async () => {
    const out = await query(`{ ask(name: "hop-out", prompt: "hello") }`);
    expect(out.body.errors.map((e: { message: string }) => e.message)).toContain(
      "Error invoking model hop-out: model hop-out: redirected (307) to https://evil.example.com/v1/chat/completions, which no connection in modus.json allows",
    );
    const outside = await query(`{ ask(name: "hop-outside-base", prompt: "hello") }`);
    expect(outside.body.errors.map((e: { message: string }) => e.message)).toContain(
      "Error invoking model hop-outside-base: model hop-outside-base: redirected (307) to https://provider.example.com/admin/chat/completions, which no connection in modus.json allows",
    );
    expectNoSecrets(JSON.stringify([out.body, outside.body]));
  });
});
