import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { chain, type Step } from "../chain";

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

export interface JsonPostsOptions {
  /** The content types a POST may have. */
  types?: readonly string[];
}

/**
 * {@link jsonPostsOnly} as a {@link Step}, to run with others in one middleware.
 *
 * @example app.use("/graphql", chain(corsStep(), jsonPostsStep()));
 */
export const jsonPostsStep = ({ types = JSON_TYPES }: JsonPostsOptions = {}): Step => {
  const json = types.includes("application/json");
  return {
    before(c) {
      if (c.req.method !== "POST") return;
      const given = c.req.header("content-type");
      // What nearly every client sends, settled without splitting it.
      if (given === "application/json" && json) return;
      const type = given?.split(";")[0]!.trim().toLowerCase();
      if (!type || !types.includes(type)) {
        const what = given ? `Content-Type ${given.split(";")[0]!.trim()}` : "no Content-Type";
        throw new HTTPException(415, { message: `a POST to ${c.req.path} must be ${types.join(" or ")}, not ${what}` });
      }
      if (type !== "application/json") {
        const headers = new Headers(c.req.raw.headers);
        headers.set("content-type", "application/json");
        c.req.raw = new Request(c.req.raw, { headers });
      }
    },
  };
};

/**
 * Lets a POST through only with a JSON content type. Forms (urlencoded,
 * multipart) and text/plain are what a page on another site can post without
 * a preflight; refusing them (415) keeps cross-site requests from running
 * mutations with the user's cookies or network position. GET is left to the
 * GraphQL server, which runs only queries over it. A body sent as
 * `application/graphql-response+json` is handed on as `application/json`,
 * the one JSON type the server parses.
 *
 * @example app.use("/graphql", jsonPostsOnly());
 */
export const jsonPostsOnly = (options: JsonPostsOptions = {}): MiddlewareHandler => chain(jsonPostsStep(options));
