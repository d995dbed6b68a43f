import { describe, expect, it } from "vitest";
import { graphql } from "../helpers";

describe("object, list and 64-bit values over GraphQL", () => {
  it("runs a mutation with an object argument (nested, with a list and a self-reference) and a list argument", async () => {
    const { status, body } = await graphql(
      `mutation($p: PersonInput!) {
        createPerson(person: $p, extraTags: ["new", "edge"]) {
          name age address { street city } tags referrer { name age referrer { name } }
        }
      }`,
      {
        p: {
          name: "Ada",
          age: 36,
          address: { street: "1 Loop", city: "London" },
          tags: ["math"],
          referrer: { name: "Charles", age: 44, address: { street: "", city: "" }, tags: [], referrer: null },
        },
      },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.createPerson).toEqual({
      name: "Ada",
      age: 37,
      address: { street: "1 Loop", city: "London" },
      tags: ["math", "new", "edge"],
      referrer: { name: "Charles", age: 44, referrer: null },
    });
  });

  it("runs a query with a list argument and a default, returning a list of objects", async () => {
    const { body } = await graphql(`{ people(names: ["a", "b"]) { name age address { city } } }`);
    expect(body.data.people).toEqual([
      { name: "a", age: 30, address: { city: "City 0" } },
      { name: "b", age: 31, address: { city: "City 1" } },
    ]);
  });

  it("carries Int64 exactly beyond 2^53, in and out", async () => {
    const { text, body } = await graphql(`{ sumInt64(a: "9007199254740993", b: 1) }`);
    expect(body.errors).toBeUndefined();
    expect(text).toContain('"sumInt64":9007199254740994');
    const max = await graphql(`{ sumInt64(a: "9223372036854775806", b: 1) }`);
    expect(max.text).toContain('"sumInt64":9223372036854775807');
    const over = await graphql(`{ sumInt64(a: "9223372036854775808", b: 1) }`);
    expect(over.status).toBe(400);
    expect(over.body.errors[0].message).toBe(
      'Argument "a" of field "sumInt64" has an invalid value "9223372036854775808": Int64 cannot represent 9223372036854775808: out of range -9223372036854775808 to 9223372036854775807',
    );
    const badVariable = await graphql(`query($a: Int64!) { sumInt64(a: $a, b: 1) }`, { a: "x1" });
    expect(badVariable.body.errors[0].message).toBe(
      'Variable "$a" got invalid value "x1"; Expected type "Int64". Int64 cannot represent "x1": expected an integer or a string of digits',
    );
  });

  it("takes and returns Timestamps as ISO-8601 and refuses other formats by name", async () => {
    const { body } = await graphql(`{ daysAfter(date: "2024-02-28T12:00:00Z", days: 2) }`);
    expect(body.data).toEqual({ daysAfter: "2024-03-01T12:00:00.000Z" });
    const bad = await graphql(`{ daysAfter(date: "28/02/2024", days: 2) }`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toBe(
      'Argument "date" of field "daysAfter" has an invalid value "28/02/2024": Timestamp cannot represent "28/02/2024": expected an ISO-8601 date-time such as 2024-01-31T12:00:00Z',
    );
  });

  it("refuses an operation nested deeper than the limit", async () => {
    let selection = "name";
    for (let i = 0; i < 12; i++) selection = `name referrer { ${selection} }`;
    const { status, body } = await graphql(`mutation Deep { createPerson(person: { name: "x", age: 1, address: { street: "", city: "" }, tags: [] }, extraTags: []) { ${selection} } }`);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe('Operation "Deep" is nested 14 levels deep; the limit is 12.');
  });
});
