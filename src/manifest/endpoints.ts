import type { Manifest } from "./types";

const DEFAULT_ENDPOINT = { name: "default", path: "/graphql", auth: "bearer-token" as const };

/**
 * The GraphQL endpoints the manifest declares; Modus serves `/graphql` when
 * it declares none.
 */
export function graphqlEndpoints(manifest: Manifest): { name: string; path: string; auth: "bearer-token" | "none" }[] {
  const declared = Object.entries(manifest.endpoints ?? {}).filter(([, e]) => e.type === "graphql");
  if (!declared.length) return [DEFAULT_ENDPOINT];
  return declared.map(([name, e]) => ({ name, path: e.path, auth: e.auth }));
}
