// A Dgraph app written the way Modus's dgraph example is (the same SDK calls).
import { dgraph } from "@hypermode/modus-sdk-as";
import { JSON } from "json-as";
import { PeopleData, Person } from "./classes";

const connection = "dgraph";

export function dropAll(): string {
  return dgraph.dropAll(connection);
}

export function dropAttr(attr: string): string {
  return dgraph.dropAttr(connection, attr);
}

export function alterSchema(): string {
  const schema = `
    firstName: string @index(term) .
    lastName: string @index(term) .
    dgraph.type: [string] @index(exact) .

    type Person {
        firstName
        lastName
    }
    `;
  return dgraph.alterSchema(connection, schema);
}

export function alterSchemaWith(schema: string): string {
  return dgraph.alterSchema(connection, schema);
}

export function queryPeople(): Person[] {
  const query = new dgraph.Query(`
    {
      people(func: type(Person)) {
        uid
        firstName
        lastName
        dgraph.type
      }
    }
    `);
  const response = dgraph.executeQuery(connection, query);
  return JSON.parse<PeopleData>(response.Json).people;
}

export function querySpecificPerson(firstName: string, lastName: string): Person | null {
  const query = new dgraph.Query(`
    query queryPerson($firstName: string, $lastName: string) {
      people(func: eq(firstName, $firstName)) @filter(eq(lastName, $lastName)) {
          uid
          firstName
          lastName
          dgraph.type
      }
    }
    `)
    .withVariable("$firstName", firstName)
    .withVariable("$lastName", lastName);
  const people = JSON.parse<PeopleData>(dgraph.executeQuery(connection, query).Json).people;
  return people.length == 0 ? null : people[0];
}

export function addPersonAsRDF(firstName: string, lastName: string): Map<string, string> | null {
  const mutation = new dgraph.Mutation().withSetNquads(`
    _:user1 <firstName> "${dgraph.escapeRDF(firstName)}" .
    _:user1 <lastName> "${dgraph.escapeRDF(lastName)}" .
    _:user1 <dgraph.type> "Person" .
    `);
  return dgraph.executeMutations(connection, mutation).Uids;
}

export function addPersonAsJSON(firstName: string, lastName: string): Map<string, string> | null {
  const person = new Person("_:user1", firstName, lastName, ["Person"]);
  const mutation = new dgraph.Mutation().withSetJson(JSON.stringify(person));
  return dgraph.executeMutations(connection, mutation).Uids;
}

export function updatePerson(nameToChangeFrom: string, nameToChangeTo: string): Map<string, string> | null {
  const query = new dgraph.Query(`
    query findPerson($name: string) {
      person as var(func: eq(firstName, $name))
    }
    `).withVariable("$name", nameToChangeFrom);
  const mutation = new dgraph.Mutation().withSetNquads(`uid(person) <firstName> "${dgraph.escapeRDF(nameToChangeTo)}" .`);
  return dgraph.executeQuery(connection, query, mutation).Uids;
}

/** An upsert: adds the person only when no one has that first name yet. */
export function addPersonIfNew(firstName: string, lastName: string): Map<string, string> | null {
  const query = new dgraph.Query(`
    query find($name: string) {
      existing as var(func: eq(firstName, $name))
    }
    `).withVariable("$name", firstName);
  const mutation = new dgraph.Mutation()
    .withSetNquads(`
      uid(existing) <firstName> "${dgraph.escapeRDF(firstName)}" .
      uid(existing) <lastName> "${dgraph.escapeRDF(lastName)}" .
      uid(existing) <dgraph.type> "Person" .
    `)
    .withCondition("@if(eq(len(existing), 0))");
  return dgraph.executeQuery(connection, query, mutation).Uids;
}

export function deletePerson(uid: string): Map<string, string> | null {
  const mutation = new dgraph.Mutation().withDelNquads(`<${uid}> * * .`);
  return dgraph.executeMutations(connection, mutation).Uids;
}

export function testBadQuery(): Person[] {
  const query = new dgraph.Query("this is a bad query");
  return JSON.parse<PeopleData>(dgraph.executeQuery(connection, query).Json).people;
}
