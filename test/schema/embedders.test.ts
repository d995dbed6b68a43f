import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { generateSchema } from "../../src/schema/generate";
import { embedderFields } from "../../src/schema/filter";
import { array, fn, param, STRING } from "./fixtures/build";
import { embeddersApp, embeddersManifest } from "./fixtures/embedders";
import { modusAsApp } from "./fixtures/modus-as-app";
import embeddersSdl from "./golden/embedders.graphql?raw";
import modusAsAppSdl from "./golden/modus-as-app.graphql?raw";

// Modus's schema test of the last version with collections (upstream 5e49fe7b)
// adds an embedder to the same app and expects the same schema.
const withEmbedder = {
  ...modusAsApp,
  fnExports: { ...modusAsApp.fnExports, myEmbedder: fn("myEmbedder", [param("text", STRING)], array("f64")) },
};
const modusManifest = { collections: { collection1: { searchMethods: { search1: { embedder: "myEmbedder" } } } } };

describe("embedder functions", () => {
  it("are in neither Query nor Mutation, as in Modus's own schema test", () => {
    const schema = generateSchema(withEmbedder, modusManifest);
    expect(schema.sdl).toBe(modusAsAppSdl);
    expect(schema.fields.map((f) => f.functionName)).not.toContain("myEmbedder");
  });

  it("would be a query field without the manifest's collections", () => {
    const { sdl } = generateSchema(withEmbedder);
    expect(sdl).toContain("  myEmbedder(text: String!): [Float!]!\n");
  });

  it("leave Query and Mutation, and take the types only they reach with them", () => {
    const schema = generateSchema(embeddersApp, embeddersManifest);
    expect(schema.sdl).toBe(embeddersSdl);
    expect(() => buildSchema(schema.sdl)).not.toThrow();
    expect(schema.fields).toEqual([
      { operation: "query", fieldName: "searchDocs", functionName: "searchDocs" },
      { operation: "mutation", fieldName: "upsertDoc", functionName: "upsertDoc" },
    ]);
  });

  it("are matched by field name, as Modus's getEmbedderFields does", () => {
    expect(embedderFields(embeddersManifest)).toEqual(new Set(["vectors", "addEmbeddings", "embedBatch"]));
    expect(embedderFields({})).toEqual(new Set());
  });

  it("are the only functions left out: a manifest naming an unknown embedder changes nothing else", () => {
    const manifest = { collections: { c: { searchMethods: { m: { embedder: "notExported" } } } } };
    expect(generateSchema(modusAsApp, manifest).sdl).toBe(modusAsAppSdl);
  });
});
