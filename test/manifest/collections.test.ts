import { describe, expect, it } from "vitest";
import { ManifestError, embedderProblems, isEmbedderSignature, parseManifest } from "../../src/manifest";
import type { FunctionSignature } from "../../src/metadata/types";

const json = (value: unknown) => JSON.stringify(value, null, 2);

function problemsOf(value: unknown): string[] {
  try {
    parseManifest(json(value));
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    return e.message.split("\n");
  }
  throw new Error("expected a ManifestError");
}

const collections = (value: unknown) => ({ collections: value });
const method = (over: object = {}) => ({ embedder: "embed", ...over });

// Modus's example app with collections (upstream 5e49fe7b), as it was written.
const MODUS_EXAMPLE = {
  collections: {
    myProducts: {
      searchMethods: {
        searchMethod1: { embedder: "embed" },
        searchMethod2: { embedder: "embed", index: { type: "sequential" } },
      },
    },
  },
};

describe("modus.json collections", () => {
  it("accepts Modus's example, hnsw options, and a collection without search methods", () => {
    expect(parseManifest(json(MODUS_EXAMPLE))).toEqual(MODUS_EXAMPLE);
    const hnsw = collections({ a: { searchMethods: { m: method({ index: { type: "hnsw", options: { efConstruction: 15, maxLevels: 5 } } }) } }, b: {} });
    expect(parseManifest(json(hnsw))).toEqual(hnsw);
  });

  const INVALID: [string, unknown, string[]][] = [
    ["collections as an array", collections([]), ["collections: must be an object"]],
    ["a bad collection name", collections({ my_products: {} }), ["collections.my_products: name must be letters and digits, optionally joined by single hyphens"]],
    ["an unknown collection key", collections({ a: { methods: {} } }), ["collections.a.methods: unknown property; allowed here: searchMethods"]],
    [
      "a bad search method name",
      collections({ a: { searchMethods: { "by vector": method() } } }),
      ['collections.a.searchMethods["by vector"]: name must be letters and digits, optionally joined by single hyphens'],
    ],
    ["a method without an embedder", collections({ a: { searchMethods: { m: {} } } }), ["collections.a.searchMethods.m.embedder: is required"]],
    ["an empty embedder", collections({ a: { searchMethods: { m: method({ embedder: "" }) } } }), ["collections.a.searchMethods.m.embedder: must not be empty"]],
    ["an embedder that is not a string", collections({ a: { searchMethods: { m: method({ embedder: 3 }) } } }), ["collections.a.searchMethods.m.embedder: must be a string"]],
    [
      "an unknown index type",
      collections({ a: { searchMethods: { m: method({ index: { type: "ivf" } }) } } }),
      ['collections.a.searchMethods.m.index.type: must be "sequential" or "hnsw"'],
    ],
    ["an index without a type", collections({ a: { searchMethods: { m: method({ index: {} }) } } }), ["collections.a.searchMethods.m.index.type: is required"]],
    [
      "options on a sequential index",
      collections({ a: { searchMethods: { m: method({ index: { type: "sequential", options: { maxLevels: 2 } } }) } } }),
      ["collections.a.searchMethods.m.index.options: unknown property; allowed here: type"],
    ],
    [
      "empty hnsw options",
      collections({ a: { searchMethods: { m: method({ index: { type: "hnsw", options: {} } }) } } }),
      ["collections.a.searchMethods.m.index.options: must set efConstruction or maxLevels (or be left out)"],
    ],
    [
      "a fractional hnsw option and an unknown one",
      collections({ a: { searchMethods: { m: method({ index: { type: "hnsw", options: { maxLevels: 2.5, m: 16 } } }) } } }),
      ["collections.a.searchMethods.m.index.options.maxLevels: must be an integer", "collections.a.searchMethods.m.index.options.m: unknown property; allowed here: efConstruction, maxLevels"],
    ],
  ];

  it.each(INVALID)("refuses %s", (_, value, expected) => {
    expect(problemsOf(value)).toEqual(expected);
  });
});

const STRING = "~lib/string/String";
const arr = (t: string) => `~lib/array/Array<${t}>`;
const sig = (params: string[], result?: string): FunctionSignature => ({
  name: "embed",
  parameters: params.map((type, i) => ({ name: i ? `p${i}` : "texts", type })),
  results: result ? [{ type: result }] : [],
});

describe("embedder signatures", () => {
  it.each([
    ["string[] => f32[][]", sig([arr(STRING)], arr(arr("f32")))],
    ["string[] => f64[][]", sig([arr(STRING)], arr(arr("f64")))],
    ["(string | null)[] => (f32[] | null)[]", sig([arr(`${STRING} | null`)], arr(`${arr("f32")} | null`))],
  ])("accepts %s", (_, fn) => {
    expect(isEmbedderSignature(fn)).toBe(true);
  });

  it.each([
    ["string => f32[]", sig([STRING], arr("f32"))],
    ["string[] => f32[]", sig([arr(STRING)], arr("f32"))],
    ["string[] => i32[][]", sig([arr(STRING)], arr(arr("i32")))],
    ["string[] | null => f32[][]", sig([`${arr(STRING)} | null`], arr(arr("f32")))],
    ["string[] => f32[][] | null", sig([arr(STRING)], `${arr(arr("f32"))} | null`)],
    ["two parameters", sig([arr(STRING), "i32"], arr(arr("f32")))],
    ["no result", sig([arr(STRING)])],
  ])("refuses %s", (_, fn) => {
    expect(isEmbedderSignature(fn)).toBe(false);
  });

  it("are checked against the module's exports, each problem named by its JSON path", () => {
    const manifest = {
      collections: {
        docs: { searchMethods: { bow: { embedder: "embed" }, fast: { embedder: "missing" } } },
        "my-notes": { searchMethods: { m: { embedder: "wrong" } } },
      },
    };
    const fnExports = {
      embed: sig([arr(STRING)], arr(arr("f32"))),
      wrong: { ...sig([STRING], arr("f32")), name: "wrong" },
    };
    expect(embedderProblems(manifest, fnExports)).toEqual([
      { path: "collections.docs.searchMethods.fast.embedder", message: 'the app exports no function "missing"' },
      {
        path: 'collections["my-notes"].searchMethods.m.embedder',
        message: 'function "wrong" must take string[] and return f32[][]; it is (texts: string) => f32[]',
      },
    ]);
    expect(embedderProblems({}, fnExports)).toEqual([]);
    // An inherited name is no export.
    expect(embedderProblems({ collections: { c: { searchMethods: { m: { embedder: "toString" } } } } }, {})).toHaveLength(1);
  });
});
