import { describe, expect, it } from "vitest";
import { graphqlApp as app, messages } from "./apps";

describe("a GraphQL-client app (Modus's example, unchanged SDK calls) against a GraphQL API", () => {
  it("lists and looks up by a variable, sending the connection's secret header", async () => {
    const { body } = await app.query(`{ countries { code name capital } countryByCode(code: "FR") { name capital } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.countries).toEqual([
      { code: "JP", name: "Japan", capital: "Tokyo" },
      { code: "FR", name: "France", capital: "Paris" },
      { code: "AQ", name: "Antarctica", capital: null },
    ]);
    expect(body.data.countryByCode).toEqual({ name: "France", capital: "Paris" });
  });

  it("an unknown code is null, not an error", async () => {
    const { body } = await app.query(`{ countryByCode(code: "ZZ") { name } }`);
    expect(body).toMatchObject({ data: { countryByCode: null } });
    expect(body.errors).toBeUndefined();
  });

  it("the API's own errors reach the caller (the SDK logs them, as on Modus)", async () => {
    const { body } = await app.query(`{ badField { code } }`);
    expect(body.data.badField).toBeNull();
    expect(messages(body).join("\n")).toMatch(/^GraphQL API Errors:.*Cannot query field \\?"nope\\?" on type \\?"Country\\?"/m);
  });

  it("a failing API, a body that is not JSON, a wrong key and a connection without endpoint name the connection", async () => {
    const failing = await app.query(`{ countries(connection: "failing-api") { code } }`);
    expect(messages(failing.body)).toContain('GraphQL request failed: connection "failing-api" answered HTTP 500 Internal Server Error: {"message":"upstream exploded"}');
    const html = await app.query(`{ countries(connection: "not-json-api") { code } }`);
    expect(messages(html.body)).toContain('GraphQL request failed: connection "not-json-api" answered with a body that is not JSON: <html>maintenance</html>');
    const wrongKey = await app.query(`{ countries { code } }`, { env: { MODUS_COUNTRIES_API_API_KEY: "wrong-key-0000" } });
    expect(messages(wrongKey.body).join("\n")).toMatch(/connection "countries-api" answered HTTP 401/);
    const none = await app.query(`{ countries(connection: "no-endpoint") { code } }`);
    expect(messages(none.body)).toContain('GraphQL request failed: connection "no-endpoint" has no endpoint (a GraphQL connection needs the full URL in "endpoint")');
    for (const body of [failing.body, html.body, none.body]) {
      expect(messages(body).some((m) => m.startsWith("Error invoking GraphQL API."))).toBe(true);
    }
  });
});
