import { JSON } from "json-as";
import * as host from "./externals/graphql";
import { NamedParams as Variables } from "./database";
import { resultIsInvalid } from "./utils";

export { Variables };

/**
 * Runs a GraphQL operation against the `http` connection named in modus.json
 * and decodes its `data` into `TData`. Errors in the response are logged and
 * returned in `errors`.
 *
 * @example
 *   const vars = new graphql.Variables();
 *   vars.set("code", "JP");
 *   const r = graphql.execute<CountryResponse>("countries", "query($code: ID!){country(code:$code){name}}", vars);
 */
export function execute<TData>(connection: string, statement: string, variables: Variables = new Variables()): Response<TData> {
  const json = host.executeQuery(connection, statement, variables.toJSON());
  if (resultIsInvalid(json)) throw new Error("Error invoking GraphQL API.");
  const response = JSON.parse<Response<TData>>(json);
  const errors = response.errors;
  if (errors) console.error("GraphQL API Errors:" + JSON.stringify(errors));
  return response;
}

/** A GraphQL response: `data` and any `errors`. */
@json
export class Response<T> {
  errors: ErrorResult[] | null = null;
  data: T | null = null;
}

/** One GraphQL error. */
@json
class ErrorResult {
  message!: string;
  locations: CodeLocation[] | null = null;
  path: string[] | null = null;
}

/** Where in the operation text an error was found. */
@json
class CodeLocation {
  line!: u32;
  column!: u32;
}
