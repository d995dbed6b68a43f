import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { generateSchema } from "../../src/schema/generate";
import { modusAsApp } from "./fixtures/modus-as-app";
import modusAsAppSdl from "./golden/modus-as-app.graphql?raw";

describe("the schema of Modus's AssemblyScript test app", () => {
  const schema = generateSchema(modusAsApp);

  it("is Modus's expected schema, line for line, agents block included", () => {
    expect(schema.sdl).toBe(modusAsAppSdl);
  });

  it("is valid GraphQL", () => {
    expect(() => buildSchema(schema.sdl)).not.toThrow();
  });

  it("maps each root field to its function", () => {
    expect(schema.fields).toEqual(
      expect.arrayContaining([
        { operation: "query", fieldName: "person", functionName: "getPerson" },
        { operation: "query", fieldName: "people", functionName: "listPeople" },
        { operation: "query", fieldName: "productMap", functionName: "getProductMap" },
        { operation: "mutation", fieldName: "add", functionName: "add" },
        { operation: "mutation", fieldName: "addPerson", functionName: "addPerson" },
      ]),
    );
    expect(schema.fields).toHaveLength(16);
  });

  it("lists the output map pair types", () => {
    expect(schema.mapTypes).toEqual(["StringProductPair", "StringStringPair"]);
  });
});
