import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { chain, type Step } from "../../src/middleware/chain";

// An app like createApp's: an outer middleware, the error handler, one chain and a handler.
function appWith(steps: Step[], seen: string[]) {
  const app = new Hono<{ Variables: { who?: string } }>();
  app.use("*", async (c, next) => {
    await next();
    seen.push(`outer saw ${c.res.status}`);
  });
  app.onError((err, c) => c.json({ error: err.message }, err instanceof HTTPException ? err.status : 500));
  app.use("/x", chain(...steps));
  app.get("/x", (c) => (seen.push("handler"), c.text(c.get("who") ?? "nobody")));
  return app;
}

const step = (name: string, seen: string[], before?: Step["before"]): Step => ({
  before: (c) => (seen.push(`${name} before`), before?.(c)),
  after: (c) => void seen.push(`${name} after ${c.res.status}`),
});

describe("chain", () => {
  it("runs the befores in order, the handler, then the afters in reverse", async () => {
    const seen: string[] = [];
    const app = appWith([step("a", seen, (c) => void c.set("who", "a")), step("b", seen)], seen);
    const res = await app.request("/x");
    expect(await res.text()).toBe("a");
    expect(seen).toEqual(["a before", "b before", "handler", "b after 200", "a after 200", "outer saw 200"]);
  });

  it("awaits a before that returns a promise", async () => {
    const seen: string[] = [];
    const slow: Step = { before: async (c) => (await new Promise((r) => setTimeout(r, 1)), c.set("who", "slow")) };
    const res = await appWith([slow, step("b", seen)], seen).request("/x");
    expect(await res.text()).toBe("slow");
    expect(seen).toEqual(["b before", "handler", "b after 200", "outer saw 200"]);
  });

  it("stops at a step that answers: later steps and the handler do not run, earlier afters see the answer", async () => {
    const seen: string[] = [];
    const answering = step("b", seen, () => new Response(null, { status: 204 }));
    const res = await appWith([step("a", seen), answering, step("c", seen)], seen).request("/x");
    expect(res.status).toBe(204);
    expect(seen).toEqual(["a before", "b before", "a after 204", "outer saw 204"]);
  });

  it("leaves a refusal to the app's error handler, keeping headers already on c.res", async () => {
    const seen: string[] = [];
    const header: Step = { before: (c) => void c.res.headers.set("x-early", "yes") };
    const refusing = step("b", seen, () => {
      throw new HTTPException(401, { message: "no" });
    });
    const res = await appWith([header, step("a", seen), refusing, step("c", seen)], seen).request("/x");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "no" });
    expect(res.headers.get("x-early")).toBe("yes");
    // The outer middleware still sees the error answer; the chain's earlier afters do not run.
    expect(seen).toEqual(["a before", "b before", "outer saw 401"]);
  });

  it("lets an after replace the answer", async () => {
    const seen: string[] = [];
    const replacing: Step = { after: (c) => void (c.res = new Response("replaced", { status: 500 })) };
    const res = await appWith([step("a", seen), replacing], seen).request("/x");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("replaced");
    expect(seen).toEqual(["a before", "handler", "a after 500", "outer saw 500"]);
  });
});
