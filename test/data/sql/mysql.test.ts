import { beforeAll, describe, expect, it } from "vitest";
import { mysqlApp as app } from "./apps";
import { mysqlDriver } from "../../../src/data/sql/mysql";
import { testEnv } from "../../helpers";

// Straight to the database (a direct connection from workerd), to set up tables
// and to check what the app left behind.
async function sql(statement: string, params: unknown[] = [], execOnly = false) {
  const session = await mysqlDriver.open(testEnv.TEST_MYSQL_URL!, { timeoutMs: 10_000 });
  try {
    return await session.run(statement, params, execOnly);
  } finally {
    await session.close();
  }
}
const count = async () => JSON.parse((await sql("select count(*) as n from people")).rowsJson!)[0].n as number;
const messages = (body: any): string[] => (body.errors ?? []).map((e: any) => e.message as string);

beforeAll(async () => {
  await sql("drop table if exists people", [], true);
  await sql("create table people (id int not null auto_increment primary key, name varchar(100) not null unique, age int not null, home point null) engine=InnoDB", [], true);
});

describe("a MySQL app (Modus's example, unchanged SDK calls) against a real MariaDB, through a Hyperdrive binding", () => {
  it("inserts and reports lastInsertId, then selects all, by parameter and by id", async () => {
    const added = await app.query(`mutation { a: addPerson(name: "Ann", age: 41) { id name age } b: addPerson(name: "Bo", age: 7) { id name age } }`);
    expect(added.body.errors).toBeUndefined();
    const { a, b } = added.body.data;
    expect(a).toEqual({ id: 1, name: "Ann", age: 41 });
    expect(b).toEqual({ id: 2, name: "Bo", age: 7 });

    const read = await app.query(`{ allPeople { id name age } peopleByName(name: "Bo") { id age } person(id: 1) { name } countPeople }`);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({
      allPeople: [
        { id: 1, name: "Ann", age: 41 },
        { id: 2, name: "Bo", age: 7 },
      ],
      peopleByName: [{ id: 2, age: 7 }],
      person: { name: "Ann" },
      countPeople: 2,
    });
  });

  it("updates a point column; the host renders it as Modus does (WKT)", async () => {
    const moved = await app.query(`mutation { updatePersonHome(id: 1, longitude: -73.98, latitude: 40.75) { name } }`);
    expect(moved.body.errors).toBeUndefined();
    expect(moved.body.data.updatePersonHome).toEqual({ name: "Ann" });
    expect((await sql("select home from people where id = 1")).rowsJson).toBe('[{"home":"POINT (-73.98 40.75)"}]');
  });

  it("rowsAffected counts matched rows, as Modus's clientFoundRows does", async () => {
    const capped = await app.query(`{ capAges(age: 30) }`);
    expect(capped.body.data.capAges).toBe(1);
    // Nothing changes, both rows match.
    const same = await app.query(`{ run(statement: "update people set age = age") }`);
    expect(same.body.data.run).toBe(2);
  });

  it("deletes: rowsAffected 1, then 0 with the app's own error", async () => {
    await sql("insert into people (name, age) values ('Cy', 3)", [], true);
    const first = await app.query(`mutation { deletePerson(id: 3) }`);
    expect(first.body.data).toEqual({ deletePerson: "success" });
    const again = await app.query(`mutation { deletePerson(id: 3) }`);
    expect(again.body.data.deletePerson).toBe("failure");
    expect(messages(again.body)).toEqual(["Failed to delete person with id 3. The record may not exist."]);
  });
});

describe("MySQL errors reach GraphQL naming the connection and the database's message; nothing half-written", () => {
  it("a syntax error", async () => {
    const { body } = await app.query(`{ run(statement: "selec 1") }`);
    expect(body.data).toBeNull();
    expect(messages(body).join("\n")).toMatch(/database query failed: connection "my-database": You have an error in your SQL syntax.* \(SQLSTATE 42000\)/);
  });

  it("a duplicate in a multi-row insert leaves no row behind", async () => {
    const before = await count();
    const { body } = await app.query(`{ run(statement: "insert into people (name, age) values ('Dee', 5), ('Ann', 5)") }`);
    expect(messages(body)).toContain(
      "database query failed: connection \"my-database\": Duplicate entry 'Ann' for key 'name' (SQLSTATE 23000)",
    );
    expect(await count()).toBe(before);
  });

  it("a statement that runs past MODUS_SQL_TIMEOUT_MS is stopped, its writes undone", async () => {
    const ages = (await sql("select sum(age) as s from people")).rowsJson;
    const { body } = await app.query(`{ run(statement: "update people set age = age + 1 where sleep(2) = 0") }`, {
      env: { MODUS_SQL_TIMEOUT_MS: "300" },
    });
    expect(messages(body).join("\n")).toMatch(/database query failed: connection "my-database": the statement ran longer than 300 ms and was stopped/);
    // The server finishes the kill: give it the sleep's length to be sure nothing lands late.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await sql("select sum(age) as s from people")).rowsJson).toBe(ages);
  });

  it("a database that is down", async () => {
    const { body } = await app.query(`{ countPeople(conn: "down") }`);
    expect(body.data).toBeNull();
    expect(messages(body).join("\n")).toMatch(/^database query failed: connection "down": .+/m);
  });

  it("a wrong password, never repeated", async () => {
    const { body } = await app.query(`{ countPeople(conn: "wrong-password") }`);
    expect(messages(body).join("\n")).toMatch(/database query failed: connection "wrong-password": Access denied for user 'modus'@'[^']+' \(using password: YES\) \(SQLSTATE 28000\)/);
    expect(JSON.stringify(body)).not.toContain("not-the-password");
  });
});
