// A PostgreSQL app written the way Modus's postgresql example is (the same SDK
// calls), with the connection as an argument so tests can point it elsewhere.
import { postgresql } from "@hypermode/modus-sdk-as";

@json
class Person {
  id: i32 = 0;
  name!: string;
  age!: i32;
  home!: postgresql.Location | null;
}

export function getAllPeople(connection: string = "my-database"): Person[] {
  return postgresql.query<Person>(connection, "select * from people order by id").rows;
}

export function getPeopleByName(name: string, connection: string = "my-database"): Person[] {
  const params = new postgresql.Params();
  params.push(name);
  return postgresql.query<Person>(connection, "select * from people where name = $1", params).rows;
}

export function getPerson(id: i32, connection: string = "my-database"): Person | null {
  const params = new postgresql.Params();
  params.push(id);
  const rows = postgresql.query<Person>(connection, "select * from people where id = $1", params).rows;
  return rows.length > 0 ? rows[0] : null;
}

export function addPerson(name: string, age: i32, connection: string = "my-database"): Person {
  const params = new postgresql.Params();
  params.push(name);
  params.push(age);
  const response = postgresql.queryScalar<i32>(connection, "insert into people (name, age) values ($1, $2) returning id", params);
  if (response.rowsAffected != 1) throw new Error("Failed to insert person.");
  return <Person>{ id: response.value, name, age };
}

export function updatePersonHome(id: i32, longitude: f64, latitude: f64, connection: string = "my-database"): Person | null {
  const params = new postgresql.Params();
  params.push(longitude);
  params.push(latitude);
  params.push(id);
  const response = postgresql.execute(connection, "update people set home = point($1, $2) where id = $3", params);
  if (response.rowsAffected != 1) {
    console.error(`Failed to update person with id ${id}. The record may not exist.`);
    return null;
  }
  return getPerson(id, connection);
}

/** Sets everyone older than `age` to `age`: how many rows changed. */
export function capAges(age: i32): u32 {
  const params = new postgresql.Params();
  params.push(age);
  params.push(age);
  return postgresql.execute("my-database", "update people set age = $1 where age > $2", params).rowsAffected;
}

export function deletePerson(id: i32): string {
  const params = new postgresql.Params();
  params.push(id);
  const response = postgresql.execute("my-database", "delete from people where id = $1", params);
  if (response.rowsAffected != 1) {
    console.error(`Failed to delete person with id ${id}. The record may not exist.`);
    return "failure";
  }
  return "success";
}

/** Adds several people in one statement: all of them, or none. */
export function addPeople(names: string[], age: i32): u32 {
  const params = new postgresql.Params();
  params.push(names);
  params.push(age);
  return postgresql.execute("my-database", "insert into people (name, age) select unnest($1::text[]), $2", params).rowsAffected;
}

/** The number of people, as a scalar. */
export function countPeople(connection: string = "my-database"): i64 {
  return postgresql.queryScalar<i64>(connection, "select count(*) from people").value;
}

/** Runs a statement the caller writes (for error tests): how many rows it affected. */
export function run(statement: string, connection: string = "my-database"): u32 {
  return postgresql.execute(connection, statement).rowsAffected;
}
