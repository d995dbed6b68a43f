import { describe, expect, it } from "vitest";
import { sdkQuery } from "./app";
import { testEnv } from "../helpers";

describe("SDK http, secrets, auth and localtime through the real host", () => {
  it("http.fetch reaches a declared connection, with the response status, headers and body", async () => {
    const { body } = await sdkQuery(`{
      text: httpGetText(url: "https://echo.example.com/echo/hello?x=1")
      status: httpGetStatus(url: "https://echo.example.com/echo/teapot")
      header: httpResponseHeader(url: "https://echo.example.com/echo/h", name: "X-Echo")
    }`);
    expect(body.errors).toBeUndefined();
    expect(JSON.parse(body.data.text)).toMatchObject({ method: "GET", path: "/echo/hello", query: { x: "1" } });
    expect(body.data.status).toBe("418 I'm a Teapot ok=false");
    expect(body.data.header).toBe("yes");
  });

  it("http.fetch sends a POST body and every header value", async () => {
    const { body } = await sdkQuery(`{ httpPostJson(url: "https://echo.example.com/echo/post", json: "{\\"a\\":1}") }`);
    expect(body.errors).toBeUndefined();
    const echoed = JSON.parse(body.data.httpPostJson);
    expect(echoed).toMatchObject({ method: "POST", body: '{"a":1}' });
    expect(echoed.headers["content-type"]).toBe("application/json");
    expect(echoed.headers["x-test"]).toBe("a, b");
  });

  const refused = [
    "https://evil.example.com/",
    "https://echo.example.com.evil.com/echo/x",
    "https://echo.example.com@evil.com/echo/x",
    "http://echo.example.com/echo/x",
    "https://echo.example.com:8443/echo/x",
    "https://evil.example.com/https://echo.example.com/echo/x",
    "https://evil.example.com/?next=https://echo.example.com/",
    "ftp://echo.example.com/echo/x",
    "https://ECHO.example.org/",
    "https://127.0.0.1/echo/x",
  ];
  for (const url of refused) {
    it(`http.fetch refuses ${url} with an error naming it`, async () => {
      const { body } = await sdkQuery(`{ httpGetText(url: ${JSON.stringify(url)}) }`);
      expect(body.data).toBeNull();
      expect(body.errors).toContainEqual({
        message: `http.fetch: no connection in modus.json allows ${url}`,
        path: ["httpGetText"],
        extensions: { level: "error" },
      });
    });
  }

  it("secrets.getSecretValue reads MODUS_APP_<name> and nothing else", async () => {
    const ok = await sdkQuery(`{ secretValue(name: "GREETING") }`);
    expect(ok.body.data).toEqual({ secretValue: testEnv.MODUS_APP_GREETING });
    const connectionSecret = await sdkQuery(`{ secretValue(name: "OPENAI_API_KEY") }`);
    expect(connectionSecret.body.data).toBeNull();
    expect(connectionSecret.body.errors.map((e: any) => e.message)).toContain(
      'secret "OPENAI_API_KEY" is not set (env variable MODUS_APP_OPENAI_API_KEY)',
    );
  });

  it("auth.getJWTClaims sees the request's claims (local development reads them unverified)", async () => {
    const payload = btoa(JSON.stringify({ sub: "user-42", iss: "tests", exp: 4102444800, roles: ["a", "b"] }))
      .replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const token = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${payload}.c2ln`;
    const { body } = await sdkQuery(`{ claimsSubject claimsJson }`, { headers: { authorization: `Bearer ${token}` } });
    expect(body.errors).toBeUndefined();
    expect(body.data.claimsSubject).toBe("user-42");
    expect(JSON.parse(body.data.claimsJson)).toEqual({ sub: "user-42", iss: "tests", exp: 4102444800, roles: ["a", "b"] });
  });

  it("localtime answers in the X-Time-Zone zone and in named zones", async () => {
    const { body } = await sdkQuery(`{ localNow localTimeZone localNowInZone(tz: "America/New_York") valid: isValidTimeZone(tz: "Europe/Paris") invalid: isValidTimeZone(tz: "Nowhere/Land") }`, {
      headers: { "X-Time-Zone": "Asia/Kolkata" },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.localNow).toMatch(/\+05:30$/);
    expect(body.data.localTimeZone).toBe("Asia/Kolkata");
    expect(body.data.localNowInZone).toMatch(/-0[45]:00$/);
    expect(body.data.valid).toBe(true);
    expect(body.data.invalid).toBe(false);
  });
});

describe("console and aborts through the real host, as Modus reports them", () => {
  it("each console level: plain, debug, info and warning lines under the call's logs, error lines as errors", async () => {
    const { body } = await sdkQuery(`{ logAtEveryLevel(message: "m") }`);
    expect(body.data).toEqual({ logAtEveryLevel: 5 });
    expect(body.extensions.invocations.logAtEveryLevel.logs).toEqual([
      { message: "m" },
      { level: "debug", message: "m" },
      { level: "info", message: "m" },
      { level: "warning", message: "m" },
    ]);
    expect(body.errors).toEqual([{ message: "m", path: ["logAtEveryLevel"], extensions: { level: "error" } }]);
  });

  it("a thrown Error: its message and source location, at fatal", async () => {
    const { body } = await sdkQuery(`{ failWith(message: "boom") }`);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      { message: expect.stringMatching(/^boom at assembly\/platform\.ts:\d+:3$/), path: ["failWith"], extensions: { code: "FUNCTION_ERROR", level: "fatal" } },
    ]);
  });

  it("utils.throwUserError: the user's message is the field's one error, as in Modus (the exit says no more)", async () => {
    const { body } = await sdkQuery(`{ userError(message: "bad input") }`);
    expect(body.data).toEqual({ userError: null });
    expect(body.errors).toEqual([{ message: "bad input", path: ["userError"], extensions: { level: "error" } }]);
  });
});

describe("data helpers of the SDK", () => {
  it("DynamicMap, SQL points, query parameters, Neo4j records, RDF escapes and vectors", async () => {
    const { body } = await sdkQuery(
      `query($map: String!, $loc: String!, $node: String!, $rdf: String!) {
        map: dynamicMapRoundTrip(json: $map)
        point: sqlPointJson(x: 1.5, y: -2)
        location: sqlParseLocation(json: $loc)
        params: queryParamsJson(text: "t\\"x", n: 7)
        labels: neo4jNodeLabels(nodeJson: $node)
        rdf: escapeRdf(value: $rdf)
        unit: vectorNormalize(a: [3, 4])
        seconds: durationOfSeconds(seconds: 3)
      }`,
      {
        variables: {
          map: '{"a":1,"b":"x","c":[1,2]}',
          loc: '"POINT (3 4)"',
          node: '{"ElementId":"4:1","Labels":["P"],"Props":{"name":"Ann"}}',
          rdf: 'a"b\\c\n',
        },
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      map: '{"a":1,"b":"x","c":[1,2],"added":1}',
      point: '"(1.5,-2.0)"',
      location: "3.0,4.0",
      params: '["t\\"x",7,null]|{"text":"t\\"x","n":7}',
      labels: 'P|Ann|{"n":{"ElementId":"4:1","Labels":["P"],"Props":{"name":"Ann"}}}',
      rdf: 'a\\"b\\\\c\\n',
      unit: [0.6, 0.8],
      seconds: 3_000_000_000,
    });
  });
});
