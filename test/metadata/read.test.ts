import { describe, expect, it } from "vitest";
import noSections from "../fixtures/build/metadata/no-sections.wasm";
import versionOnly from "../fixtures/build/metadata/version-only.wasm";
import bodyOnly from "../fixtures/build/metadata/body-only.wasm";
import versionEmpty from "../fixtures/build/metadata/version-empty.wasm";
import version1 from "../fixtures/build/metadata/version-1.wasm";
import notJson from "../fixtures/build/metadata/not-json.wasm";
import typeWithoutId from "../fixtures/build/metadata/type-without-id.wasm";
import minimal from "../fixtures/build/metadata/minimal.wasm";
import manifest from "../../build/modus.json";
import { MetadataError, readMetadata } from "../../src/metadata/read";
import { createApp } from "../../src/app";
import { loadApp } from "../../src/load";

// Modules written by test/fixtures/metadata-modules.mjs: empty modules with custom sections.
const NO_SECTION = "the module has no modus_metadata section: was it built with the Modus transform?";

describe("every MetadataError names what is wrong with the module", () => {
  const cases: [string, WebAssembly.Module, string][] = [
    ["no metadata sections at all", noSections, NO_SECTION],
    ["a version but no metadata", versionOnly, NO_SECTION],
    ["metadata but no version", bodyOnly, NO_SECTION],
    ["an empty version section", versionEmpty, "the modus_metadata_version section is empty; this runtime reads version 2"],
    ["another metadata version", version1, "unsupported metadata version 1; this runtime reads version 2"],
    ["metadata that is not JSON", notJson, "the modus_metadata section is not valid JSON"],
    ["a type without a class id", typeWithoutId, "type assembly/index/Thing has no class id"],
  ];
  for (const [name, module, message] of cases) {
    it(name, () => {
      let err: unknown;
      try {
        readMetadata(module);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(MetadataError);
      expect((err as Error).message).toBe(message);
    });
  }

  it("minimal metadata reads, with names filled in and absent tables empty", () => {
    expect(readMetadata(minimal)).toEqual({ plugin: "p", sdk: "s", buildId: "b", buildTs: "t", fnExports: {}, fnImports: {}, types: {} });
  });

  it("a Worker given such a module answers every request with a 503 that says why", async () => {
    const app = createApp((services) => loadApp(version1, manifest, services));
    for (const path of ["/graphql", "/health"]) {
      const res = await app.fetch(new Request(`http://localhost${path}`), {});
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        errors: [
          {
            message: "modus-edge could not start: unsupported metadata version 1; this runtime reads version 2",
            extensions: { code: "APP_NOT_LOADED" },
          },
        ],
      });
    }
  });
});
