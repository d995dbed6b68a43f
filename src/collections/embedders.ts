import type { ImportsFactory } from "../hostfns";
import { embedderNames, embedderProblems, ManifestError } from "../manifest";
import type { Manifest } from "../manifest/types";
import type { Metadata } from "../metadata/types";
import type { TypePlanner } from "../wasm/abi/plan";
import type { CallContext, Embedders } from "../wasm/context";
import { FunctionError, invoke, planFunction, type FunctionPlan } from "../wasm/invoke";

/** An embedder failed, or answered something other than one vector per text. */
export class EmbedderError extends Error {
  override name = "EmbedderError";
}

/**
 * The app's embedder functions, checked and planned once: each search method
 * of the manifest must name an export taking `string[]` and returning
 * `f32[][]`, or this throws a {@link ManifestError} naming the JSON path.
 *
 * @example const embedders = createEmbedders({ module, imports, metadata, planner, manifest });
 */
export function createEmbedders(app: {
  module: WebAssembly.Module;
  imports: ImportsFactory;
  metadata: Metadata;
  planner: TypePlanner;
  manifest: Manifest;
}): Embedders {
  const problems = embedderProblems(app.manifest, app.metadata.fnExports);
  if (problems.length) throw new ManifestError(problems);
  const plans = new Map<string, FunctionPlan>();
  for (const name of embedderNames(app.manifest)) plans.set(name, planFunction(app.metadata.fnExports[name]!, app.planner));
  return {
    embed: (parent, functionName, texts) => {
      const plan = plans.get(functionName);
      if (!plan) throw new EmbedderError(`"${functionName}" is not an embedder of this app's collections`);
      return embed(app.module, app.imports, plan, parent, texts);
    },
  };
}

/**
 * One embedder call, as Modus makes it: a call of its own (fresh instance,
 * execution id, logs) on behalf of the function that asked.
 */
async function embed(module: WebAssembly.Module, imports: ImportsFactory, plan: FunctionPlan, parent: CallContext, texts: string[]) {
  const name = plan.signature.name;
  const ctx: CallContext = {
    executionId: crypto.randomUUID(),
    functionName: name,
    env: parent.env,
    manifest: parent.manifest,
    services: parent.services,
    ...(parent.timeZone ? { timeZone: parent.timeZone } : {}),
    ...(parent.claims ? { claims: parent.claims } : {}),
    logs: [],
  };
  const started = performance.now();
  let outcome = "ok";
  try {
    const rows = await invoke(module, imports, plan, { [plan.params[0]!.name]: texts }, ctx);
    return toVectors(name, rows, texts.length);
  } catch (err) {
    outcome = "error";
    if (err instanceof FunctionError) throw new EmbedderError(`embedder "${name}" failed: ${err.message}`);
    throw err;
  } finally {
    const { log } = parent.services;
    const ids = { function: name, executionId: ctx.executionId, parentExecutionId: parent.executionId };
    for (const l of ctx.logs) log({ msg: l.message, level: logLevel(l.level), source: "function", ...ids });
    log({ msg: "embedder call", ...ids, outcome, texts: texts.length, durationMs: Math.round(performance.now() - started) });
  }
}

function toVectors(name: string, rows: unknown, count: number): Float32Array[] {
  if (!Array.isArray(rows) || rows.length !== count) {
    throw new EmbedderError(`embedder "${name}" returned ${Array.isArray(rows) ? rows.length : "no"} vectors for ${count} texts`);
  }
  const vectors = rows.map((row, i) => {
    if (!Array.isArray(row) || row.length === 0) throw new EmbedderError(`embedder "${name}" returned an empty vector for text ${i}`);
    return Float32Array.from(row as number[]);
  });
  const dim = vectors[0]?.length;
  const odd = vectors.findIndex((v) => v.length !== dim);
  if (odd >= 0) throw new EmbedderError(`embedder "${name}" returned vectors of ${dim} and ${vectors[odd]!.length} dimensions in one call`);
  return vectors;
}

const logLevel = (level: string) =>
  level === "warning" ? "warn" : level === "error" || level === "fatal" || level === "debug" ? level : "info";
