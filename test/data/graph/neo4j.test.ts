import { describe, expect, it } from "vitest";
import { neo4jApp as app, messages } from "./apps";

describe("a Neo4j app (Modus's example, unchanged SDK calls) over Neo4j's Query API (stand-in)", () => {
  it("creates nodes and relationships, then reads nodes, properties, relationships and paths back", async () => {
    expect((await app.query(`mutation { deleteAllNodes }`)).body.data).toEqual({ deleteAllNodes: "All nodes deleted successfully" });
    const created = await app.query(`mutation { createPeopleAndRelationships }`);
    expect(created.body.errors).toBeUndefined();

    const { body } = await app.query(`{ getAliceFriendsUnder40 { name age } getAliceFriendsUnder40Ages aliceKnows }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.getAliceFriendsUnder40).toEqual([
      { name: "Bob", age: 19 },
      { name: "Anna", age: 30 },
    ]);
    expect(body.data.getAliceFriendsUnder40Ages).toEqual([19, 30]);
    expect(body.data.aliceKnows).toEqual(["KNOWS 2000 -> Bob", "KNOWS 2001 -> Peter", "KNOWS 2002 -> Anna"]);
  });

  it("hands each value over as the Go driver's JSON (as Modus does)", async () => {
    const { body } = await app.query(`{ returnValues(statement: "RETURN 42 AS i, 1.5 AS f, 'x' AS s, point({x: 1.5, y: 2}) AS p, duration('P1DT2H3.5S') AS d, date('2024-01-02') AS day, datetime('2024-01-02T03:04:05Z') AS t") }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.returnValues).toEqual([
      "i=42",
      "f=1.5",
      's="x"',
      'p={"X":1.5,"Y":2,"SpatialRefId":7203}',
      'd={"Months":0,"Days":1,"Seconds":7203,"Nanos":500000000}',
      "day={}",
      't="2024-01-02T03:04:05Z"',
    ]);
    const nodes = await app.query(`{ returnValues(statement: "MATCH p = (a:Person {name: 'Alice'})-[r:KNOWS]->(b:Person {name: 'Bob'}) RETURN b, r") }`);
    const [node, rel] = nodes.body.data.returnValues as string[];
    expect(JSON.parse(node!.slice(2))).toEqual({ Id: expect.any(Number), ElementId: expect.stringMatching(/^4:/), Labels: ["Person"], Props: { age: 19, name: "Bob" } });
    expect(Object.keys(JSON.parse(rel!.slice(2)))).toEqual(["Id", "ElementId", "StartId", "StartElementId", "EndId", "EndElementId", "Type", "Props"]);
  });

  it("Cypher errors and a wrong password answer Neo4j's code and message, naming the connection", async () => {
    const bad = await app.query(`{ returnValues(statement: "FIND (n) RETURN n") }`);
    expect(bad.body.data).toBeNull();
    expect(messages(bad.body).join("\n")).toMatch(/^Neo4j query failed: connection "my-database": Neo\.ClientError\.Statement\.SyntaxError: /m);
    expect(messages(bad.body).some((m) => m.startsWith("Error executing Query."))).toBe(true);
    const denied = await app.query(`{ getAliceFriendsUnder40Ages }`, { env: { MODUS_MY_DATABASE_PASSWORD: "not-the-password-1" } });
    expect(messages(denied.body)).toContain('Neo4j query failed: connection "my-database": Neo.ClientError.Security.Unauthorized: Invalid username or password.');
    expect(JSON.stringify(denied.body)).not.toContain("not-the-password-1");
  });
});
