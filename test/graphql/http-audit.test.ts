// The GraphQL-over-HTTP conformance audit (graphql-http's serverAudits: every
// MUST, SHOULD and MAY of the spec), run against the Worker's own fetch handler.
import { describe, expect, it } from "vitest";
import { exports } from "cloudflare:workers";
import { serverAudits } from "graphql-http";

const self = (exports as unknown as { default: Fetcher }).default;
const audits = serverAudits({
  url: "http://localhost/graphql",
  fetchFn: (input: RequestInfo, init?: RequestInit) => self.fetch(input, init),
});

describe("GraphQL over HTTP", () => {
  it(`passes all ${audits.length} of graphql-http's server audits`, async () => {
    const failed: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status !== "ok") failed.push(`${audit.name}: ${result.reason}`);
    }
    expect(failed).toEqual([]);
    expect(audits.length).toBe(61);
  });
});
