import { JSON } from "json-as";
import * as host from "./externals/dgraph";
import { resultIsInvalid } from "./utils";

// Request, Query, Mutation and Response cross the ABI (modus_dgraph_client.executeQuery):
// keep their fields and field order.

/**
 * Runs a DQL query, with optional mutations in the same transaction.
 *
 * @example const r = dgraph.executeQuery("dgraph", new dgraph.Query("{ people(func: has(name)) { name } }"));
 */
export function executeQuery(connection: string, query: Query, ...mutations: Mutation[]): Response {
  return send(connection, new Request(query, mutations));
}

/**
 * Runs one or more mutations.
 *
 * @example dgraph.executeMutations("dgraph", new dgraph.Mutation().withSetJson(json));
 */
export function executeMutations(connection: string, ...mutations: Mutation[]): Response {
  return send(connection, new Request(null, mutations));
}

/** @deprecated Use `executeQuery` or `executeMutations`. */
export function execute(connection: string, request: Request): Response {
  return send(connection, request);
}

function send(connection: string, request: Request): Response {
  const response = host.executeQuery(connection, request);
  if (!response) throw new Error("Error executing DQL.");
  return response;
}

/**
 * Adds to or changes the schema.
 *
 * @example dgraph.alterSchema("dgraph", "name: string @index(term) .");
 */
export function alterSchema(connection: string, schema: string): string {
  return checked(host.alterSchema(connection, schema));
}

/** Drops one predicate and its data. @example dgraph.dropAttr("dgraph", "age"); */
export function dropAttr(connection: string, attr: string): string {
  return checked(host.dropAttribute(connection, attr));
}

/** Drops all data, keeping the schema. @example dgraph.dropAll("dgraph"); */
export function dropAll(connection: string): string {
  return checked(host.dropAllData(connection));
}

function checked(result: string): string {
  if (resultIsInvalid(result)) throw new Error("Error invoking DQL.");
  return result;
}

/** A query and the mutations to run with it. */
export class Request {
  query: Query = new Query();
  mutations: Mutation[] = [];

  constructor(query: Query | null = null, mutations: Mutation[] | null = null) {
    if (query) this.query = query;
    // Copied: an empty rest-parameter array is not of the Array<Mutation> class the
    // module's metadata describes, and the host checks class ids.
    if (mutations) {
      const list = new Array<Mutation>();
      for (let i = 0; i < mutations.length; i++) list.push(mutations[i]);
      this.mutations = list;
    }
  }
}

/**
 * A DQL query and its variables.
 *
 * @example new dgraph.Query("query q($n: string) { ... }").withVariable("$n", "Ann");
 */
export class Query {
  query: string = "";
  variables: Map<string, string> = new Map<string, string>();

  constructor(query: string = "", variables: Variables = new Variables()) {
    this.query = query;
    this.variables = variables.toMap();
  }

  withVariable<T>(name: string, value: T): this {
    this.variables.set(name, encodeVariable(value));
    return this;
  }
}

/**
 * One mutation: JSON or RDF N-Quads to set or delete, under an optional `@if` condition.
 *
 * @example new dgraph.Mutation().withSetNquads(`_:a <name> "${dgraph.escapeRDF(name)}" .`);
 */
export class Mutation {
  constructor(
    public setJson: string = "",
    public delJson: string = "",
    public setNquads: string = "",
    public delNquads: string = "",
    public condition: string = "",
  ) {}

  withSetJson(json: string): Mutation {
    this.setJson = json;
    return this;
  }

  withDelJson(json: string): Mutation {
    this.delJson = json;
    return this;
  }

  withSetNquads(nquads: string): Mutation {
    this.setNquads = nquads;
    return this;
  }

  withDelNquads(nquads: string): Mutation {
    this.delNquads = nquads;
    return this;
  }

  withCondition(cond: string): Mutation {
    this.condition = cond;
    return this;
  }
}

/** Dgraph's answer: the result JSON and the UIDs of new blank nodes. */
export class Response {
  Json: string = "";
  Uids: Map<string, string> | null = null;
}

/** Query variables; Dgraph takes every value as a string. */
export class Variables {
  private data: Map<string, string> = new Map<string, string>();

  set<T>(name: string, value: T): void {
    this.data.set(name, encodeVariable(value));
  }

  toMap(): Map<string, string> {
    return this.data;
  }
}

// Strings go as they are; numbers, booleans and f32 vectors as their JSON text.
function encodeVariable<T>(value: T): string {
  if (isString<T>()) return changetype<string>(value);
  if (isInteger<T>() || isFloat<T>() || isBoolean<T>()) return JSON.stringify(value);
  if (isReference<T>()) {
    if (idof<T>() == idof<f32[]>()) return JSON.stringify(value);
  }
  throw new Error("Unsupported DQL variable type. Must be string, integer, float, boolean, or f32[].");
}

/**
 * Escapes a value for use inside an RDF string literal.
 *
 * @example dgraph.escapeRDF('say "hi"'); // say \"hi\"
 */
export function escapeRDF(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c == 0x5c) out += "\\\\";
    else if (c == 0x22) out += '\\"';
    else if (c == 0x0a) out += "\\n";
    else if (c == 0x0d) out += "\\r";
    else if (c == 0x09) out += "\\t";
    else if (c < 0x20 || (c >= 0x7f && c < 0x9f)) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += value.charAt(i);
  }
  return out;
}
