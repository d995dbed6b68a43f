// A Neo4j app written the way Modus's neo4j example is (the same SDK calls).
import { neo4j } from "@hypermode/modus-sdk-as";

const connection = "my-database";

@json
class Person {
  name: string;
  age: i32;
  friends: string[] | null;

  constructor(name: string, age: i32, friends: string[] | null = null) {
    this.name = name;
    this.age = age;
    this.friends = friends;
  }
}

export function CreatePeopleAndRelationships(): string {
  const people: Person[] = [new Person("Alice", 42), new Person("Bob", 19), new Person("Peter", 50), new Person("Anna", 30)];
  for (let i = 0; i < people.length; i++) {
    const vars = new neo4j.Variables();
    vars.set("person", people[i]);
    const result = neo4j.executeQuery(connection, "MERGE (p:Person {name: $person.name, age: $person.age})", vars);
    if (!result) throw new Error("Error creating person.");
  }
  const friends = ["Bob", "Peter", "Anna"];
  for (let i = 0; i < friends.length; i++) {
    const vars = new neo4j.Variables();
    vars.set("from", "Alice");
    vars.set("to", friends[i]);
    vars.set("since", 2000 + i);
    neo4j.executeQuery(
      connection,
      "MATCH (a:Person {name: $from}), (b:Person {name: $to}) CREATE (a)-[r:KNOWS {since: $since}]->(b) RETURN r",
      vars,
    );
  }
  return "People and relationships created successfully";
}

export function GetAliceFriendsUnder40(): Person[] {
  const vars = new neo4j.Variables();
  vars.set("name", "Alice");
  vars.set("age", 40);
  const query = `
    MATCH (p:Person {name: $name})-[r:KNOWS]->(friend:Person)
        WHERE friend.age < $age
        RETURN friend
  `;
  const result = neo4j.executeQuery(connection, query, vars);
  const people: Person[] = [];
  for (let i = 0; i < result.Records.length; i++) {
    const node = result.Records[i].getValue<neo4j.Node>("friend");
    people.push(new Person(node.getProperty<string>("name"), node.getProperty<i32>("age")));
  }
  return people;
}

export function GetAliceFriendsUnder40Ages(): i32[] {
  const vars = new neo4j.Variables();
  vars.set("name", "Alice");
  vars.set("age", 40);
  const query = `
    MATCH (p:Person {name: $name})-[r:KNOWS]->(friend:Person)
        WHERE friend.age < $age
        RETURN friend.age AS age
  `;
  const result = neo4j.executeQuery(connection, query, vars);
  const ages: i32[] = [];
  for (let i = 0; i < result.Records.length; i++) ages.push(result.Records[i].getValue<i32>("age"));
  return ages;
}

/** Alice's relationships as "type since -> name", read from a path and a relationship. */
export function AliceKnows(): string[] {
  const vars = new neo4j.Variables();
  vars.set("name", "Alice");
  const result = neo4j.executeQuery(connection, "MATCH p = (a:Person {name: $name})-[r:KNOWS]->(b:Person) RETURN p, r, b", vars);
  const out: string[] = [];
  for (let i = 0; i < result.records.length; i++) {
    const record = result.records[i];
    const path = record.getValue<neo4j.Path>("p");
    const rel = record.getValue<neo4j.Relationship>("r");
    const friend = record.getValue<neo4j.Node>("b");
    const ok = path.nodes.length == 2 && path.relationships[0].elementId == rel.elementId && rel.endElementId == friend.elementId;
    out.push(`${rel.type} ${rel.getProperty<i64>("since")} -> ${friend.getProperty<string>("name")}${ok ? "" : " (path mismatch)"}`);
  }
  return out;
}

/** The raw JSON of each returned value, as the host hands it over. */
export function ReturnValues(statement: string): string[] {
  const result = neo4j.executeQuery(connection, statement);
  const out: string[] = [];
  for (let i = 0; i < result.records.length; i++) {
    const r = result.records[i];
    for (let j = 0; j < r.keys.length; j++) out.push(r.keys[j] + "=" + r.get(r.keys[j]));
  }
  return out;
}

export function DeleteAllNodes(): string {
  neo4j.executeQuery(connection, "MATCH (n) DETACH DELETE n");
  return "All nodes deleted successfully";
}
