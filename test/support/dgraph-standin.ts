// A stand-in for Dgraph's HTTP API on 127.0.0.1 (Dgraph cannot be installed
// here): POST /query (JSON {query, variables}), /mutate?commitNow=true (JSON
// {query, mutations:[{set, delete, cond}]} or RDF upsert / set / delete
// blocks) and /alter (schema text, {"drop_attr"}, {"drop_all"}), answering in
// Dgraph's documented shapes ({data, extensions} or {errors}). Its graph lives
// in memory and understands the DQL this project's tests send: blocks with
// func: type(), eq(), has(), uid(); @filter with and; `v as` variables; uid(v)
// and blank nodes in N-Quads and JSON; @if(eq|gt|lt(len(v), n)) conditions.
// Anything else is refused with an error, as Dgraph refuses what it cannot parse.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Value = string | number | boolean;
type Node = Map<string, Value | Value[]>;

class DqlError extends Error {}

export interface DgraphStandin {
  url: string;
  requests: { path: string; contentType: string; body: string }[];
  close(): Promise<void>;
}

/** Starts the stand-in; every request must carry `Authorization: Bearer <token>`. */
export async function startDgraphStandin(token: string): Promise<DgraphStandin> {
  const nodes = new Map<string, Node>();
  let next = 1;
  const requests: DgraphStandin["requests"] = [];
  const newUid = () => "0x" + (next++).toString(16);

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const contentType = String(req.headers["content-type"] ?? "");
    requests.push({ path: url.pathname + url.search, contentType, body });
    const send = (payload: unknown) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const fail = (message: string) => send({ errors: [{ message, extensions: { code: "ErrorInvalidRequest" } }], data: null });
    // What the runtime sent, for tests inside workerd to check the wire format.
    if (url.pathname === "/__requests") return send(requests.slice(0, -1));
    if (req.headers.authorization !== `Bearer ${token}`) return fail("Invalid bearer token");
    try {
      if (url.pathname === "/query") {
        const { query, variables } = contentType.startsWith("application/json") ? JSON.parse(body) : { query: body, variables: {} };
        const { results } = runQuery(query, variables ?? {});
        return send({ data: results, extensions: { txn: { start_ts: next } } });
      }
      if (url.pathname === "/mutate") {
        if (url.searchParams.get("commitNow") !== "true") return fail("this stand-in only commits at once (commitNow=true)");
        return send({ data: { code: "Success", message: "Done", ...mutate(contentType, body) }, extensions: { txn: { start_ts: next } } });
      }
      if (url.pathname === "/alter") {
        alter(body);
        return send({ data: { code: "Success", message: "Done" } });
      }
      return fail(`unknown endpoint ${url.pathname}`);
    } catch (err) {
      if (err instanceof DqlError || err instanceof SyntaxError) return fail(err.message);
      throw err;
    }
  });

  // ---- queries -------------------------------------------------------------
  function tokens(text: string): string[] {
    const out: string[] = [];
    const re = /\s*(?:("(?:[^"\\]|\\.)*")|([A-Za-z_][\w.]*|\$\w+|-?\d+(?:\.\d+)?)|(@\w+)|([(){}:,]))/y;
    let m: RegExpExecArray | null;
    let at = 0;
    while (at < text.length) {
      re.lastIndex = at;
      if (/^\s*$/.test(text.slice(at))) break;
      m = re.exec(text);
      if (!m) throw new DqlError(`while lexing ${text.trim()} at position ${at}: unexpected character`);
      out.push(m[0].trim());
      at = re.lastIndex;
    }
    return out;
  }

  function runQuery(query: string, variables: Record<string, string>) {
    const t = tokens(query);
    let i = 0;
    const peek = () => t[i];
    const take = (want?: string) => {
      const tok = t[i++];
      if (tok === undefined || (want !== undefined && tok !== want)) throw new DqlError(`while parsing query: expected ${want ?? "more"}, got ${tok ?? "end of query"}`);
      return tok;
    };
    const literal = (tok: string): Value => {
      if (tok.startsWith("$")) {
        if (!(tok in variables)) throw new DqlError(`variable ${tok} not defined`);
        return variables[tok]!;
      }
      if (tok.startsWith('"')) return JSON.parse(tok);
      if (/^-?\d/.test(tok)) return Number(tok);
      throw new DqlError(`while parsing query: unexpected ${tok}`);
    };
    const vars = new Map<string, string[]>();
    const matches = (uid: string, fn: string, args: string[]): boolean => {
      const n = nodes.get(uid)!;
      const has = (p: string, v: Value) => [n.get(p)].flat().some((x) => x === v || String(x) === String(v));
      if (fn === "type") return has("dgraph.type", literal(args[0]!.startsWith('"') ? args[0]! : JSON.stringify(args[0])));
      if (fn === "eq") return has(args[0]!, literal(args[1]!));
      if (fn === "has") return n.has(args[0]!);
      if (fn === "uid") return args.some((a) => (vars.get(a) ?? [a]).includes(uid));
      throw new DqlError(`while parsing query: function ${fn} is not supported`);
    };
    const call = () => {
      const fn = take();
      take("(");
      const args: string[] = [];
      while (peek() !== ")") {
        args.push(take());
        if (peek() === ",") take(",");
      }
      take(")");
      return { fn, args };
    };
    if (peek() === "query") {
      take("query");
      if (peek() !== "{" && peek() !== "(") take();
      if (peek() === "(") while (take() !== ")");
    }
    take("{");
    const results: Record<string, unknown[]> = {};
    while (peek() !== "}") {
      let bindTo: string | undefined;
      let name = take();
      if (peek() === "as") {
        take("as");
        bindTo = name;
        name = take();
      }
      take("(");
      take("func");
      take(":");
      const root = call();
      take(")");
      const filters: { fn: string; args: string[] }[] = [];
      if (peek() === "@filter") {
        take("@filter");
        take("(");
        filters.push(call());
        while (peek() === "and") (take("and"), filters.push(call()));
        take(")");
      }
      const fields: string[] = [];
      if (peek() === "{") {
        take("{");
        while (peek() !== "}") fields.push(take());
        take("}");
      }
      const uids = [...nodes.keys()].filter((u) => matches(u, root.fn, root.args) && filters.every((f) => matches(u, f.fn, f.args)));
      if (bindTo) vars.set(bindTo, uids);
      if (name !== "var") {
        results[name] = uids.map((u) => {
          const row: Record<string, unknown> = {};
          for (const f of fields) {
            if (f === "uid") row.uid = u;
            else if (nodes.get(u)!.has(f)) row[f] = nodes.get(u)!.get(f);
          }
          return row;
        });
      }
    }
    take("}");
    return { results, vars };
  }

  // ---- mutations -----------------------------------------------------------
  interface Mutation {
    set: Triple[];
    del: Triple[];
    cond?: string;
  }
  type Triple = [subject: string, predicate: string, object: Value | "*" | { uid: string }];

  function mutate(contentType: string, body: string) {
    let query = "";
    const mutations: Mutation[] = [];
    if (contentType.startsWith("application/json")) {
      const doc = JSON.parse(body);
      query = doc.query ?? "";
      for (const m of doc.mutations ?? [doc]) {
        mutations.push({ set: jsonTriples(m.set), del: jsonTriples(m.delete, true), ...(m.cond ? { cond: m.cond } : {}) });
      }
    } else if (contentType.startsWith("application/rdf")) {
      const text = body.trim();
      const upsert = /^upsert\s*\{([\s\S]*)\}$/.exec(text);
      if (upsert) {
        const inner = upsert[1]!;
        const q = /query\s*(\{[\s\S]*?\})\s*mutation/.exec(inner);
        if (!q) throw new DqlError("Query block not found in upsert block");
        query = q[1]!;
        for (const m of inner.slice(inner.indexOf(q[1]!) + q[1]!.length).matchAll(/mutation\s*(@if\([^{]*\))?\s*\{([\s\S]*?\})\s*\}/g)) {
          mutations.push({ ...rdfBlocks(m[2]!), ...(m[1] ? { cond: m[1].trim() } : {}) });
        }
      } else {
        const plain = /^\{([\s\S]*)\}$/.exec(text);
        if (!plain) throw new DqlError("Invalid block: expected { set {...} } or upsert {...}");
        mutations.push(rdfBlocks(plain[1]! + "}"));
      }
    } else {
      throw new DqlError("Unsupported Content-Type. Supported content types are application/json, application/rdf");
    }
    const { results, vars } = query ? runQuery(query, {}) : { results: {}, vars: new Map<string, string[]>() };
    const blanks: Record<string, string> = {};
    for (const m of mutations) {
      if (m.cond && !holds(m.cond, vars)) continue;
      const subjects = (s: string): string[] => {
        if (s.startsWith("_:")) return [(blanks[s.slice(2)] ??= newUid())];
        const v = /^uid\((\w+)\)$/.exec(s);
        if (v) {
          const bound = vars.get(v[1]!) ?? [];
          return bound.length ? bound : [(blanks[`uid(${v[1]})`] ??= newUid())];
        }
        return [s.replace(/^<|>$/g, "")];
      };
      for (const [s, p, o] of m.del) {
        for (const uid of subjects(s)) {
          const n = nodes.get(uid);
          if (!n) continue;
          if (p === "*") nodes.delete(uid);
          else if (o === "*") n.delete(p);
          else n.set(p, [n.get(p)].flat().filter((x) => x !== o) as Value[]);
        }
      }
      for (const [s, p, o] of m.set) {
        for (const uid of subjects(s)) {
          const n = nodes.get(uid) ?? new Map();
          nodes.set(uid, n);
          const value = typeof o === "object" ? subjects(o.uid)[0]! : (o as Value);
          if (p === "dgraph.type") n.set(p, [...new Set([...[n.get(p) ?? []].flat(), value])] as Value[]);
          else n.set(p, value);
        }
      }
    }
    const uids = Object.fromEntries(Object.entries(blanks).filter(([k]) => !k.startsWith("uid(")));
    return { queries: results, uids };
  }

  function holds(cond: string, vars: Map<string, string[]>): boolean {
    const m = /^@if\(\s*(eq|gt|lt)\(\s*len\(\s*(\w+)\s*\)\s*,\s*(\d+)\s*\)\s*\)$/.exec(cond);
    if (!m) throw new DqlError(`while parsing condition ${cond}: only eq/gt/lt(len(v), n) is supported here`);
    const len = (vars.get(m[2]!) ?? []).length;
    const n = Number(m[3]);
    return m[1] === "eq" ? len === n : m[1] === "gt" ? len > n : len < n;
  }

  function rdfBlocks(text: string): Mutation {
    const block = (kind: string) => new RegExp(`${kind}\\s*\\{([\\s\\S]*?)\\}`).exec(text)?.[1] ?? "";
    return { set: nquads(block("set")), del: nquads(block("delete")) };
  }

  function nquads(text: string): Triple[] {
    const out: Triple[] = [];
    for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
      const m = /^(_:\w+|<[^>]+>|uid\(\w+\))\s+(<[^>]+>|\*)\s+("(?:[^"\\]|\\.)*"|<[^>]+>|_:\w+|uid\(\w+\)|\*)\s*\.$/.exec(line);
      if (!m) throw new DqlError(`while parsing N-Quad: ${line}`);
      const [, s, p, o] = m;
      const object = o === "*" ? "*" : o!.startsWith('"') ? (JSON.parse(o!) as string) : { uid: o! };
      out.push([s!, p === "*" ? "*" : p!.slice(1, -1), object]);
    }
    return out;
  }

  function jsonTriples(value: unknown, deleting = false): Triple[] {
    const out: Triple[] = [];
    for (const obj of [value ?? []].flat() as Record<string, unknown>[]) {
      const uid = String(obj.uid ?? `_:auto${next}`);
      const subject = uid.startsWith("0x") ? `<${uid}>` : uid;
      const keys = Object.keys(obj).filter((k) => k !== "uid");
      if (deleting && !keys.length) out.push([subject, "*", "*"]);
      for (const k of keys) for (const v of [obj[k]].flat()) out.push([subject, k, deleting && v === null ? "*" : (v as Value)]);
    }
    return out;
  }

  function alter(body: string) {
    let op: Record<string, unknown> | undefined;
    try {
      op = JSON.parse(body);
    } catch {
      op = undefined;
    }
    if (op && op.drop_all === true) return void nodes.clear();
    if (op && typeof op.drop_attr === "string") return void nodes.forEach((n) => n.delete(op!.drop_attr as string));
    const lines = body.split("\n").map((l) => l.trim()).filter(Boolean);
    let inType = false;
    lines.forEach((line, i) => {
      if (inType) return void (line === "}" && (inType = false));
      if (/^type\s+\w+\s*\{$/.test(line)) return void (inType = true);
      if (!/^[\w.]+\s*:\s*\[?\w+\]?(\s+@\w+(\([^)]*\))?)*\s*\.$/.test(line)) throw new DqlError(`line ${i + 1} column 0: Invalid ending`);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
