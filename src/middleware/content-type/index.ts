import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

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
export const jsonPostsOnly = ({ types = JSON_TYPES }: { types?: readonly string[] } = {}): MiddlewareHandler =>
  async function jsonPostsOnly(c, next) {
    if (c.req.method === "POST") {
      const given = c.req.header("content-type");
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
    }
    await next();
  };
