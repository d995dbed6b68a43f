import { describe, expect, it } from "vitest";
import { graphqlEndpoints, parseManifest } from "../../src/manifest";

describe("graphqlEndpoints", () => {
  it("serves /graphql with bearer-token auth when the manifest declares no endpoint", () => {
    expect(graphqlEndpoints(parseManifest("{}"))).toEqual([{ name: "default", path: "/graphql", auth: "bearer-token" }]);
  });

  it("lists the declared endpoints in order", () => {
    const manifest = parseManifest(`{
      "endpoints": {
        "default": { "type": "graphql", "path": "/graphql", "auth": "bearer-token" },
        "public": { "type": "graphql", "path": "/public", "auth": "none" },
      },
    }`);
    expect(graphqlEndpoints(manifest)).toEqual([
      { name: "default", path: "/graphql", auth: "bearer-token" },
      { name: "public", path: "/public", auth: "none" },
    ]);
  });
});
