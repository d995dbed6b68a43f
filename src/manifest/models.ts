import type { HttpConnection, Manifest, ModelManifest } from "./types";

/** A model that cannot be reached from the manifest. */
export class ModelError extends Error {
  override readonly name = "ModelError";
}

/** A model, its http connection and the URL to post to. */
export interface ResolvedModel {
  model: ModelManifest;
  connectionName: string;
  connection: HttpConnection;
  url: string;
}

/**
 * Looks a model up: the URL is the connection's `baseUrl` joined to the
 * model's `path` with one slash, or the connection's `endpoint` when the
 * connection has one (then the model has no path). Send it with
 * buildRequestForConnection, which adds headers, secrets and the origin override.
 *
 * @example resolveModel(manifest, "text-generator").url // "https://api.openai.com/v1/chat/completions"
 */
export function resolveModel(manifest: Manifest, name: string): ResolvedModel {
  const models = manifest.models ?? {};
  const model = Object.hasOwn(models, name) ? models[name] : undefined;
  if (!model) throw new ModelError(`model "${name}" is not declared in modus.json`);
  const connections = manifest.connections ?? {};
  const connectionName = model.connection;
  const connection = Object.hasOwn(connections, connectionName) ? connections[connectionName] : undefined;
  const uses = `model "${name}" uses connection "${connectionName}"`;
  if (!connection) throw new ModelError(`${uses}, which is not declared in modus.json`);
  if (connection.type !== "http") throw new ModelError(`${uses}, which is a ${connection.type} connection, not http`);
  if (connection.endpoint !== undefined) {
    if (model.path !== undefined) throw new ModelError(`${uses}, which has an endpoint (a full URL), so the model cannot have a path`);
    return { model, connectionName, connection, url: connection.endpoint };
  }
  if (connection.baseUrl === undefined) throw new ModelError(`${uses}, which has neither a baseUrl nor an endpoint`);
  if (model.path === undefined) throw new ModelError(`${uses}, which has a baseUrl, so the model needs a path`);
  const url = `${connection.baseUrl.replace(/\/+$/, "")}/${model.path.replace(/^\/+/, "")}`;
  return { model, connectionName, connection, url };
}
