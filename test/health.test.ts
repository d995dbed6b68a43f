import { describe, expect, it } from "vitest";
import { health } from "../src/health";
import { generateSchema } from "../src/schema/generate";
import { fn, metadata, param, STRING } from "./schema/fixtures/build";

describe("health()", () => {
  it("counts the functions served as fields, not hidden `_` exports such as Modus's agent entry points", () => {
    const md = metadata([
      // What Modus's SDK adds to every module it builds
      fn("_modus_agent_activate", [param("name", STRING), param("id", STRING)]),
      fn("_modus_agent_get_state", [], `${STRING} | null`),
      fn("_private", [], STRING),
      fn("get_hidden", [], STRING),
      fn("sayHello", [param("name", STRING)], STRING),
      fn("addOne", [param("n", "i32")], "i32"),
    ]);
    const body = health({ metadata: md, schema: generateSchema(md), endpoints: [] });
    expect(body).toMatchObject({ status: "ok", app: "fixture", functions: 2 });
  });
});
