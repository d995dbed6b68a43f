import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { chain, type Step } from "../../src/middleware/chain";
import { corsFromEnv, corsStep } from "../../src/middleware/cors";
import { corsPolicy, preflight } from "../../src/middleware/cors/policy";

const vars = { originsVar: "MODUS_CORS_ORIGINS", credentialsVar: "MODUS_CORS_CREDENTIALS" };

describe("corsPolicy", () => {
  it.each([
    ["", "", { origins: undefined, credentials: false }],
    ["", "true", { origins: undefined, credentials: true }],
    ["*", "false", { origins: "*", credentials: false }],
    ["https://a.example, https://b.example:8443", "", { origins: ["https://a.example", "https://b.example:8443"], credentials: false }],
    [" , ", "", { origins: undefined, credentials: false }],
  ])("reads origins %j, credentials %j", (origins, credentials, policy) => {
    expect(corsPolicy(origins, credentials, vars)).toEqual(policy);
  });

  it.each([
    ["a.example", "", 'MODUS_CORS_ORIGINS lists "a.example", which is not an origin such as https://app.example.com'],
    ["https://a.example/path", "", 'MODUS_CORS_ORIGINS lists "https://a.example/path", which is not an origin such as https://app.example.com'],
    ["*", "true", "MODUS_CORS_CREDENTIALS=true cannot be combined with MODUS_CORS_ORIGINS=*: name the origins"],
    ["", "1", 'MODUS_CORS_CREDENTIALS must be "true" or "false", not "1"'],
  ])("refuses origins %j, credentials %j with a 503 naming the variable", (origins, credentials, message) => {
    let caught: unknown;
    try {
      corsPolicy(origins, credentials, vars);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(HTTPException);
    expect((caught as HTTPException).status).toBe(503);
    expect((caught as HTTPException).message).toBe(message);
  });
});

describe("preflight", () => {
  const headersOf = (res: Response) => Object.fromEntries(res.headers);

  it("allows a listed origin, with the methods and headers a GraphQL client sends", () => {
    const res = preflight({ origins: ["https://a.example"], credentials: true }, "https://a.example");
    expect(res.status).toBe(204);
    expect(headersOf(res)).toEqual({
      "access-control-allow-origin": "https://a.example",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "GET,POST",
      "access-control-allow-headers": "Content-Type,Accept,Authorization,X-Time-Zone",
      "access-control-max-age": "600",
      vary: "Origin, Access-Control-Request-Headers",
    });
  });

  it("allows no origin by default, and any with *", () => {
    expect(preflight({ origins: undefined, credentials: false }, "https://a.example").headers.get("access-control-allow-origin")).toBeNull();
    const any = preflight({ origins: "*", credentials: false }, "https://a.example");
    expect(any.headers.get("access-control-allow-origin")).toBe("*");
    expect(any.headers.get("vary")).toBe("Access-Control-Request-Headers");
  });
});

describe("corsStep on answers", () => {
  // The step, then a check that refuses unless ?ok: the refusal is an answer from the app's error handler.
  function app(env: Record<string, string>) {
    const hono = new Hono();
    hono.onError((err, c) => c.json({ error: err.message }, err instanceof HTTPException ? err.status : 500));
    const refuse: Step = {
      before: (c) => {
        if (c.req.query("ok") === undefined) throw new HTTPException(401, { message: "no" });
      },
    };
    hono.use("/x", chain(corsStep(), refuse));
    hono.post("/x", (c) => c.json({ ok: true }));
    return (query: string, origin = "https://a.example") => hono.request(`/x${query}`, { method: "POST", headers: { origin } }, env);
  }

  it("adds nothing by default: no origin is allowed, so the answer does not vary by Origin", async () => {
    const res = await app({})("?ok");
    expect(res.status).toBe(200);
    expect([...res.headers.keys()].filter((k) => k.startsWith("access-control") || k === "vary")).toEqual([]);
  });

  it("allows a listed origin on the answer and on an error answer, varying by Origin", async () => {
    const send = app({ MODUS_CORS_ORIGINS: "https://a.example", MODUS_CORS_CREDENTIALS: "true" });
    for (const res of [await send("?ok"), await send("")]) {
      expect(res.headers.get("access-control-allow-origin")).toBe("https://a.example");
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("vary")).toBe("Origin");
    }
    const other = await send("?ok", "https://evil.example");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(other.headers.get("vary")).toBe("Origin");
  });

  it("allows any origin with *, without varying", async () => {
    const res = await app({ MODUS_CORS_ORIGINS: "*" })("?ok");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("vary")).toBeNull();
  });

  it("is a middleware of its own as corsFromEnv", async () => {
    const hono = new Hono();
    hono.use("/x", corsFromEnv());
    hono.post("/x", (c) => c.text("ran"));
    const env = { MODUS_CORS_ORIGINS: "https://a.example" };
    const pre = await hono.request("/x", { method: "OPTIONS", headers: { origin: "https://a.example" } }, env);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://a.example");
    const res = await hono.request("/x", { method: "POST", headers: { origin: "https://a.example" } }, env);
    expect(await res.text()).toBe("ran");
    expect(res.headers.get("access-control-allow-origin")).toBe("https://a.example");
  });
});
