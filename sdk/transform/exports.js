// @ts-check
import { parse } from "assemblyscript";

/** The SDK file whose exports the host calls (the agent entry points). */
export const SDK_EXPORTS_MODULE = "@hypermode/modus-sdk-as/assembly/exports";

/**
 * Makes the SDK's own exports (`_modus_agent_activate`, ...) exports of the
 * module, whatever the app imports: the source is parsed as one more entry
 * file, and the compiler then loads the SDK file it re-exports.
 *
 * @example injectSdkExports(this.program) // in a transform's afterParse
 * @param {any} program the AssemblyScript Program
 */
export function injectSdkExports(program) {
  parse(program, `export * from "${SDK_EXPORTS_MODULE}";`, "~modus-edge/sdk-exports.ts", true);
}
