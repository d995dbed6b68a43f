import { buildRequestForConnection, ConnectionError } from "../manifest/connections";
import { connectionRedirects } from "../outbound/connection";
import { ModelError, resolveModel } from "../manifest/models";
import { SecretError } from "../manifest/secrets";
import { ModelCallError } from "../models/errors";
import { postToModel } from "../models/post";
import type { CallContext } from "../wasm/context";
import type { AbiHostFunction } from "./types";

const DEFAULT_TIMEOUT_MS = 60_000;

/** Errors a user can cause (manifest, secrets, provider): reported to the function, not masked. */
const isUserFacing = (err: unknown): err is Error =>
  err instanceof ModelError || err instanceof ModelCallError || err instanceof SecretError || err instanceof ConnectionError;

/** `MODUS_MODEL_TIMEOUT_MS` from the env, or 60 s. */
export function modelTimeout(env: Readonly<Record<string, unknown>>): number {
  const ms = Number(env.MODUS_MODEL_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

async function invokeModel(ctx: CallContext, name: string, input: string): Promise<string | null> {
  const { metrics, log } = ctx.services;
  const started = performance.now();
  let status = "error";
  try {
    const resolved = resolveModel(ctx.manifest, name);
    const first = { name: resolved.connectionName, connection: resolved.connection, url: resolved.url };
    const { url, headers } = buildRequestForConnection({ ...first, env: ctx.env });
    // A redirect is followed only where a connection allows, with that connection's own secrets.
    const next = connectionRedirects({ manifest: ctx.manifest, env: ctx.env, from: first });
    const text = await postToModel({ model: name, url, headers }, input, {
      timeoutMs: modelTimeout(ctx.env),
      log: (entry) => log({ msg: "model call", ...entry, executionId: ctx.executionId, function: ctx.functionName }),
      next,
    });
    status = "200";
    return text;
  } catch (err) {
    if (err instanceof ModelCallError && err.status) status = String(err.status);
    if (!isUserFacing(err)) throw err;
    ctx.logs.push({ level: "error", message: `Error invoking model ${name}: ${err.message}` });
    return null;
  } finally {
    metrics.count("modus_model_calls_total", { model: name, status });
    metrics.observe("modus_model_duration_seconds", { model: name }, (performance.now() - started) / 1000);
  }
}

/**
 * The `modus_models` import module: model info from the manifest, and model
 * calls forwarded with `fetch` to the model's connection (JSPI-suspended).
 * A failure is logged to the function as an error and answered with null,
 * which the SDK turns into an exception, as in Modus.
 */
export const modelFunctions: readonly AbiHostFunction[] = [
  {
    kind: "abi",
    module: "modus_models",
    name: "getModelInfo",
    params: ["string"],
    result: "ModelInfo",
    impl: (ctx, name: string) => {
      try {
        const { model } = resolveModel(ctx.manifest, name);
        return { name, fullName: model.sourceModel ?? name };
      } catch (err) {
        if (!isUserFacing(err)) throw err;
        ctx.logs.push({ level: "error", message: `Error getting model info: ${err.message}` });
        return null;
      }
    },
  },
  {
    kind: "abi",
    module: "modus_models",
    name: "invokeModel",
    params: ["string", "string"],
    result: "string | null",
    async: true,
    outbound: true,
    impl: invokeModel,
  },
];
