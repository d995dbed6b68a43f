// A stand-in for Neo4j's HTTP Query API on 127.0.0.1 (Neo4j cannot be
// installed here): POST /db/{db}/query/v2 with {statement, parameters}, Basic
// auth, answering typed JSON (Accept: application/vnd.neo4j.query.v1.1) in the
// documented shape {data: {fields, values}} or {errors: [{code, message}]}.
// Its graph lives in memory and understands the Cypher this project's tests
// send: CREATE / MERGE of a node, MATCH of two nodes then CREATE of a
// relationship, MATCH [p =] (a)-[r:T]->(b) [WHERE b.k < $x] RETURN …, MATCH (n)
// DETACH DELETE n, and RETURN of parameters, literals, point(), date(),
// datetime() and duration(). Anything else is a Neo.ClientError.Statement.SyntaxError.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

interface Typed {
  $type: string;
  _value: unknown;
}
interface GNode {
  id: string;
  labels: string[];
  props: Record<string, Typed>;
}
interface GRel {
  id: string;
  start: string;
  end: string;
  type: string;
  props: Record<string, Typed>;
}

class CypherError extends Error {}

const DB_ID = "5b2e6f1c-0d7a-4c1e-9f4b-2a8d3c6e7f10";

/** Typed JSON of a parameter from plain JSON, as the Query API reads application/json. */
function typed(v: unknown): Typed {
  if (v === null || v === undefined) return { $type: "Null", _value: null };
  if (typeof v === "boolean") return { $type: "Boolean", _value: v };
  if (typeof v === "number") return Number.isInteger(v) ? { $type: "Integer", _value: String(v) } : { $type: "Float", _value: String(v) };
  if (typeof v === "string") return { $type: "String", _value: v };
  if (Array.isArray(v)) return { $type: "List", _value: v.map(typed) };
  return { $type: "Map", _value: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)])) };
}

export interface Neo4jStandin {
  url: string;
  close(): Promise<void>;
}

export async function startNeo4jStandin(user: string, password: string): Promise<Neo4jStandin> {
  const nodes: GNode[] = [];
  const rels: GRel[] = [];
  let next = 0;

  const nodeValue = (n: GNode): Typed => ({ $type: "Node", _value: { _element_id: n.id, _labels: n.labels, _properties: n.props } });
  const relValue = (r: GRel): Typed => ({
    $type: "Relationship",
    _value: { _element_id: r.id, _start_node_element_id: r.start, _end_node_element_id: r.end, _type: r.type, _properties: r.props },
  });

  function run(statement: string, params: Record<string, unknown>): { fields: string[]; values: Typed[][] } {
    const s = statement.replace(/\s+/g, " ").trim();
    const param = (name: string): unknown => {
      const [root, ...path] = name.split(".");
      if (!(root! in params)) throw new CypherError(`Expected parameter(s): ${root}`);
      return path.reduce<any>((v, k) => v?.[k], params[root!]);
    };
    const expr = (e: string, row: Record<string, GNode | GRel | Typed[]>): Typed => {
      e = e.trim();
      let m: RegExpExecArray | null;
      if ((m = /^\$([\w.]+)$/.exec(e))) return typed(param(m[1]!));
      if ((m = /^'([^']*)'$/.exec(e))) return { $type: "String", _value: m[1] };
      if (/^-?\d+$/.test(e)) return { $type: "Integer", _value: e };
      if (/^-?\d+\.\d+$/.test(e)) return { $type: "Float", _value: e };
      if ((m = /^point\(\{ ?x: (-?[\d.]+), y: (-?[\d.]+)(?:, z: (-?[\d.]+))? ?\}\)$/.exec(e)))
        return { $type: "Point", _value: m[3] ? `SRID=9157;POINT Z (${m[1]} ${m[2]} ${m[3]})` : `SRID=7203;POINT (${m[1]} ${m[2]})` };
      if ((m = /^date\('([^']+)'\)$/.exec(e))) return { $type: "Date", _value: m[1] };
      if ((m = /^datetime\('([^']+)'\)$/.exec(e))) return { $type: "OffsetDateTime", _value: m[1] };
      if ((m = /^duration\('([^']+)'\)$/.exec(e))) return { $type: "Duration", _value: m[1] };
      if ((m = /^(\w+)\.(\w+)$/.exec(e))) {
        const v = row[m[1]!];
        if (!v || Array.isArray(v) || !("props" in v)) throw new CypherError(`Variable \`${m[1]}\` not defined`);
        return v.props[m[2]!] ?? { $type: "Null", _value: null };
      }
      if ((m = /^(\w+)$/.exec(e))) {
        const v = row[m[1]!];
        if (!v) throw new CypherError(`Variable \`${e}\` not defined`);
        if (Array.isArray(v)) return { $type: "Path", _value: v };
        return "labels" in v ? nodeValue(v) : relValue(v as GRel);
      }
      throw new CypherError(`Invalid input '${e}'`);
    };
    const props = (text: string | undefined, row: Record<string, GNode | GRel | Typed[]>): Record<string, Typed> => {
      if (!text) return {};
      const out: Record<string, Typed> = {};
      for (const part of text.replace(/^\{|\}$/g, "").split(",").map((p) => p.trim()).filter(Boolean)) {
        const [k, v] = part.split(":").map((x) => x.trim());
        out[k!] = expr(v!, row);
      }
      return out;
    };
    const nodePattern = /\((\w+)(?::(\w+))?(?: (\{[^}]*\}))?\)/;
    const matchesNode = (n: GNode, label: string | undefined, want: Record<string, Typed>) =>
      (!label || n.labels.includes(label)) && Object.entries(want).every(([k, v]) => JSON.stringify(n.props[k]) === JSON.stringify(v));
    const project = (items: string, rows: Record<string, GNode | GRel | Typed[]>[]) => {
      const parts = items.split(/,(?![^(]*\))/).map((p) => p.trim());
      const fields = parts.map((p) => / AS (\w+)$/i.exec(p)?.[1] ?? p);
      return { fields, values: rows.map((row) => parts.map((p) => expr(p.replace(/ AS \w+$/i, ""), row))) };
    };
    const create = (label: string | undefined, p: Record<string, Typed>) => {
      const n = { id: `4:${DB_ID}:${next++}`, labels: label ? [label] : [], props: p };
      nodes.push(n);
      return n;
    };
    let m: RegExpExecArray | null;

    if ((m = new RegExp(`^(CREATE|MERGE) ${nodePattern.source}(?: RETURN (.+))?$`, "i").exec(s))) {
      const [, verb, v, label, p, ret] = m;
      const want = props(p, {});
      const found = verb!.toUpperCase() === "MERGE" ? nodes.find((n) => matchesNode(n, label, want)) : undefined;
      const n = found ?? create(label, want);
      return ret ? project(ret, [{ [v!]: n }]) : { fields: [], values: [] };
    }
    if ((m = new RegExp(`^MATCH ${nodePattern.source}, ${nodePattern.source} CREATE \\((\\w+)\\)-\\[(\\w+):(\\w+)(?: (\\{[^}]*\\}))?\\]->\\((\\w+)\\)(?: RETURN (.+))?$`, "i").exec(s))) {
      const [, a, la, pa, b, lb, pb, from, r, type, pr, to, ret] = m;
      const rows: Record<string, GNode | GRel | Typed[]>[] = [];
      for (const x of nodes.filter((n) => matchesNode(n, la, props(pa, {}))))
        for (const y of nodes.filter((n) => matchesNode(n, lb, props(pb, {})))) {
          const row: Record<string, GNode | GRel | Typed[]> = { [a!]: x, [b!]: y };
          const rel = { id: `5:${DB_ID}:${next++}`, start: (row[from!] as GNode).id, end: (row[to!] as GNode).id, type: type!, props: props(pr, row) };
          rels.push(rel);
          rows.push({ ...row, [r!]: rel });
        }
      return ret ? project(ret, rows) : { fields: [], values: [] };
    }
    if ((m = new RegExp(`^MATCH (?:(\\w+) = )?${nodePattern.source}-\\[(\\w+):(\\w+)\\]->${nodePattern.source}(?: WHERE (\\w+)\\.(\\w+) (<|=|>) \\$(\\w+))? RETURN (.+)$`, "i").exec(s))) {
      const [, path, a, la, pa, r, type, b, lb, pb, wv, wk, op, wp, ret] = m;
      const rows: Record<string, GNode | GRel | Typed[]>[] = [];
      for (const rel of rels.filter((x) => x.type === type)) {
        const x = nodes.find((n) => n.id === rel.start)!;
        const y = nodes.find((n) => n.id === rel.end)!;
        if (!matchesNode(x, la, props(pa, {})) || !matchesNode(y, lb, props(pb, {}))) continue;
        const row: Record<string, GNode | GRel | Typed[]> = { [a!]: x, [r!]: rel, [b!]: y };
        if (wv) {
          const have = Number(((row[wv] as GNode).props[wk!]?._value as string) ?? NaN);
          const want = Number(param(wp!));
          if (!(op === "<" ? have < want : op === ">" ? have > want : have === want)) continue;
        }
        if (path) row[path] = [nodeValue(x), relValue(rel), nodeValue(y)];
        rows.push(row);
      }
      return project(ret!, rows);
    }
    if (/^MATCH \(n\) DETACH DELETE n$/i.test(s)) {
      nodes.length = 0;
      rels.length = 0;
      return { fields: [], values: [] };
    }
    if ((m = /^RETURN (.+)$/i.exec(s))) return project(m[1]!, [{}]);
    throw new CypherError(`Invalid input '${s.split(" ")[0]}': this stand-in does not understand the statement`);
  }

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": String(req.headers.accept ?? "application/json") });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string) => reply(status, { errors: [{ code, message }] });
    const route = /^\/db\/([^/]+)\/query\/v2$/.exec(req.url ?? "");
    if (req.method !== "POST" || !route) return error(404, "Neo.ClientError.Request.Invalid", `no such endpoint ${req.url}`);
    const expected = "Basic " + Buffer.from(`${user}:${password}`).toString("base64");
    if (!req.headers.authorization) return error(401, "Neo.ClientError.Security.Unauthorized", "No authentication header supplied.");
    if (req.headers.authorization !== expected) return error(401, "Neo.ClientError.Security.Unauthorized", "Invalid username or password.");
    if (route[1] !== "neo4j") return error(404, "Neo.ClientError.Database.DatabaseNotFound", `Database does not exist. Database name: '${route[1]}'.`);
    if (req.headers.accept !== "application/vnd.neo4j.query.v1.1") return error(406, "Neo.ClientError.Request.Invalid", "this stand-in answers typed JSON only");
    try {
      const { statement, parameters } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      reply(202, { data: run(statement, parameters ?? {}), bookmarks: [`FB:${next}`] });
    } catch (err) {
      if (err instanceof CypherError) return error(400, "Neo.ClientError.Statement.SyntaxError", err.message);
      throw err;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
