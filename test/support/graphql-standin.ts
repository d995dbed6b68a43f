// A GraphQL API on 127.0.0.1 (a countries service, like the one Modus's
// graphql example calls), executed by the graphql package: real GraphQL over
// HTTP. It insists on a bearer key; POST /fail answers 500 and /not-json a
// body that is not JSON.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSchema, graphql } from "graphql";

const schema = buildSchema(`
  type Country { code: ID!, name: String!, capital: String }
  type Query { countries: [Country!]!, country(code: ID!): Country }
`);

const COUNTRIES = [
  { code: "JP", name: "Japan", capital: "Tokyo" },
  { code: "FR", name: "France", capital: "Paris" },
  { code: "AQ", name: "Antarctica", capital: null },
];

const root = {
  countries: () => COUNTRIES,
  country: ({ code }: { code: string }) => COUNTRIES.find((c) => c.code === code) ?? null,
};

export interface GraphqlStandin {
  url: string;
  /** The last request's headers and body, for checking what was sent. */
  last: { headers: Record<string, string | string[] | undefined>; body: string } | null;
  close(): Promise<void>;
}

export async function startGraphqlStandin(apiKey: string): Promise<GraphqlStandin> {
  const standin: GraphqlStandin = { url: "", last: null, close: async () => {} };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    if (req.url === "/__last") return void res.end(JSON.stringify(standin.last));
    standin.last = { headers: req.headers, body };
    const reply = (status: number, payload: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(payload);
    };
    if (req.url === "/fail") return reply(500, '{"message":"upstream exploded"}');
    if (req.url === "/not-json") return reply(200, "<html>maintenance</html>");
    if (req.headers.authorization !== `Bearer ${apiKey}`) return reply(401, '{"errors":[{"message":"bad credentials"}]}');
    const { query, variables } = JSON.parse(body);
    const result = await graphql({ schema, source: query, rootValue: root, variableValues: variables });
    reply(200, JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  standin.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standin.close = () => new Promise((resolve) => server.close(() => resolve()));
  return standin;
}
