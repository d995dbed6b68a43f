// A MySQL app written the way Modus's mysql example is (the same SDK calls).
import { mysql } from "@hypermode/modus-sdk-as";

const connection = "my-database";

@json
class Person {
  id: i32 = 0;
  name!: string;
  age!: i32;
  home!: mysql.Location | null;
}

export function getAllPeople(): Person[] {
  return mysql.query<Person>(connection, "select * from people order by id").rows;
}

export function getPeopleByName(name: string): Person[] {
  const params = new mysql.Params();
  params.push(name);
  return mysql.query<Person>(connection, "select * from people where name = ?", params).rows;
}

export function getPerson(id: i32): Person | null {
  const params = new mysql.Params();
  params.push(id);
  const rows = mysql.query<Person>(connection, "select * from people where id = ?", params).rows;
  return rows.length > 0 ? rows[0] : null;
}

export function addPerson(name: string, age: i32): Person {
  const params = new mysql.Params();
  params.push(name);
  params.push(age);
  const response = mysql.execute(connection, "insert into people (name, age) values (?, ?)", params);
  if (response.rowsAffected != 1) throw new Error("Failed to insert person.");
  const id = <i32>response.lastInsertId;
  return <Person>{ id, name, age };
}

export function updatePersonHome(id: i32, longitude: f64, latitude: f64): Person | null {
  const params = new mysql.Params();
  params.push(longitude);
  params.push(latitude);
  params.push(id);
  const response = mysql.execute(connection, "update people set home = point(?,?) where id = ?", params);
  if (response.rowsAffected != 1) {
    console.error(`Failed to update person with id ${id}. The record may not exist.`);
    return null;
  }
  return getPerson(id);
}

/** Sets everyone older than `age` to `age`: how many rows matched. */
export function capAges(age: i32): u32 {
  const params = new mysql.Params();
  params.push(age);
  params.push(age);
  return mysql.execute(connection, "update people set age = ? where age > ?", params).rowsAffected;
}

export function deletePerson(id: i32): string {
  const params = new mysql.Params();
  params.push(id);
  const response = mysql.execute(connection, "delete from people where id = ?", params);
  if (response.rowsAffected != 1) {
    console.error(`Failed to delete person with id ${id}. The record may not exist.`);
    return "failure";
  }
  return "success";
}

/** The number of people, as a scalar. */
export function countPeople(conn: string = "my-database"): i64 {
  return mysql.queryScalar<i64>(conn, "select count(*) from people").value;
}

/** Runs a statement the caller writes (for error tests): how many rows it affected. */
export function run(statement: string): u32 {
  return mysql.execute(connection, statement).rowsAffected;
}
