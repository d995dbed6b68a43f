import { describe, expect, it } from "vitest";
import { dgraphApp as app, messages } from "./apps";
import { testEnv } from "../../helpers";

const sent = async () => (await (await fetch(`${testEnv.TEST_DGRAPH_URL}/__requests`)).json()) as { path: string; contentType: string; body: string }[];

describe("a Dgraph app (Modus's example, unchanged SDK calls) over Dgraph's HTTP API (stand-in)", () => {
  it("drops everything, alters the schema, then adds people as RDF and as JSON", async () => {
    const reset = await app.query(`mutation { alterSchema }`);
    const dropped = await app.query(`{ dropAll }`);
    expect(dropped.body.data).toEqual({ dropAll: "success" });
    expect(reset.body.errors).toBeUndefined();
    expect(reset.body.data).toEqual({ alterSchema: "success" });

    const rdf = await app.query(`mutation { addPersonAsRDF(firstName: "Ann", lastName: "Lee") { key value } }`);
    expect(rdf.body.errors).toBeUndefined();
    expect(rdf.body.data.addPersonAsRDF).toEqual([{ key: "user1", value: expect.stringMatching(/^0x[0-9a-f]+$/) }]);
    const json = await app.query(`mutation { addPersonAsJSON(firstName: "Bo", lastName: "Ng") { key value } }`);
    expect(json.body.data.addPersonAsJSON).toEqual([{ key: "user1", value: expect.stringMatching(/^0x[0-9a-f]+$/) }]);

    const people = await app.query(`{ queryPeople { firstName lastName } }`);
    expect(people.body.data.queryPeople).toEqual([
      { firstName: "Ann", lastName: "Lee" },
      { firstName: "Bo", lastName: "Ng" },
    ]);
    const requests = await sent();
    const mutations = requests.filter((r) => r.path.startsWith("/mutate"));
    expect(mutations.map((r) => [r.path, r.contentType])).toEqual([
      ["/mutate?commitNow=true", "application/rdf"],
      ["/mutate?commitNow=true", "application/json"],
    ]);
    expect(JSON.parse(mutations[1]!.body)).toEqual({ mutations: [{ set: { uid: "_:user1", firstName: "Bo", lastName: "Ng", "dgraph.type": ["Person"] } }] });
    expect(requests.find((r) => r.path === "/query?ro=true")).toBeDefined();
  });

  it("queries with variables (read-only)", async () => {
    const { body } = await app.query(`{ querySpecificPerson(firstName: "Ann", lastName: "Lee") { uid firstName } nobody: querySpecificPerson(firstName: "Ann", lastName: "X") { uid } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.querySpecificPerson).toMatchObject({ firstName: "Ann", uid: expect.stringMatching(/^0x/) });
    expect(body.data.nobody).toBeNull();
  });

  it("upserts: a query and its mutation in one request, the query's variables written into it", async () => {
    const renamed = await app.query(`mutation { updatePerson(nameToChangeFrom: "Ann", nameToChangeTo: "Anne \\"A\\"") { key } }`);
    expect(renamed.body.errors).toBeUndefined();
    const last = (await sent()).filter((r) => r.path.startsWith("/mutate")).at(-1)!;
    expect(last.contentType).toBe("application/rdf");
    expect(last.body).toContain('person as var(func: eq(firstName, "Ann"))');
    expect(last.body).toContain('uid(person) <firstName> "Anne \\"A\\"" .');

    const first = await app.query(`mutation { addPersonIfNew(firstName: "Cy", lastName: "Do") { key } }`);
    const again = await app.query(`mutation { addPersonIfNew(firstName: "Cy", lastName: "Do") { key } }`);
    expect(first.body.errors ?? again.body.errors).toBeUndefined();
    const people = await app.query(`{ queryPeople { firstName } }`);
    expect(people.body.data.queryPeople.map((p: any) => p.firstName)).toEqual(['Anne "A"', "Bo", "Cy"]);
  });

  it("deletes a node, and drops an attribute", async () => {
    const { body } = await app.query(`{ querySpecificPerson(firstName: "Bo", lastName: "Ng") { uid } }`);
    const deleted = await app.query(`mutation { deletePerson(uid: "${body.data.querySpecificPerson.uid}") { key } }`);
    expect(deleted.body.errors).toBeUndefined();
    expect((await app.query(`{ queryPeople { firstName } }`)).body.data.queryPeople).toEqual([{ firstName: 'Anne "A"' }, { firstName: "Cy" }]);
    expect((await app.query(`{ dropAttr(attr: "lastName") }`)).body.data.dropAttr).toBe("success");
    const alter = (await sent()).filter((r) => r.path === "/alter").at(-1)!;
    expect(JSON.parse(alter.body)).toEqual({ drop_attr: "lastName" });
    expect((await app.query(`{ dropAll }`)).body.data.dropAll).toBe("success");
    expect((await app.query(`{ queryPeople { firstName } }`)).body.data.queryPeople).toEqual([]);
  });

  it("a bad query and a bad schema answer Dgraph's message, naming the connection", async () => {
    const bad = await app.query(`{ testBadQuery { uid } }`);
    expect(bad.body.data).toBeNull();
    expect(messages(bad.body).join("\n")).toMatch(/^Dgraph request failed: connection "dgraph": while parsing query: /m);
    expect(messages(bad.body).some((m) => m.startsWith("Error executing DQL."))).toBe(true);
    const schema = await app.query(`mutation { alterSchemaWith(schema: "name string") }`);
    expect(messages(schema.body)).toContain('Dgraph request failed: connection "dgraph": line 1 column 0: Invalid ending');
  });

  it("a wrong token is refused, and never repeated", async () => {
    const { body } = await app.query(`{ queryPeople { uid } }`, { env: { MODUS_DGRAPH_API_KEY: "wrong-token-123" } });
    expect(messages(body)).toContain('Dgraph request failed: connection "dgraph": Invalid bearer token');
    expect(JSON.stringify(body)).not.toContain("wrong-token-123");
  });
});
