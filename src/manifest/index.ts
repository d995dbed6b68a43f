// The public surface of src/manifest: parse and validate modus.json, then read it.
export { parseManifest, validateManifest } from "./parse";
export { ManifestError, formatPath, type ManifestProblem } from "./errors";
export { graphqlEndpoints } from "./endpoints";
export {
  SecretError,
  appSecret,
  assertSecrets,
  connectionEnvPrefix,
  requiredSecrets,
  resolveConnection,
  resolveTemplates,
  templateNames,
  type RequiredSecret,
} from "./secrets";
export {
  ConnectionError,
  buildRequestForConnection,
  hyperdriveBindingName,
  matchHttpConnection,
  originOverride,
  originOverrideName,
  type HttpConnectionMatch,
} from "./connections";
export { embedderNames, embedderProblems, isEmbedderSignature, searchMethods } from "./collections";
export { ModelError, resolveModel, type ResolvedModel } from "./models";
export type * from "./types";
