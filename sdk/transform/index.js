// @ts-check
/**
 * modus-edge's AssemblyScript transform: after parsing it adds the SDK's
 * agent entry points to the program's exports, as Modus's transform does;
 * after compilation it writes the `modus_metadata_version` and
 * `modus_metadata` custom sections (Modus's metadata version 2) into the module.
 *
 * @example asconfig.json
 *   { "options": { "transform": ["@hypermode/modus-sdk-as/transform"] } }
 */
import { Transform } from "assemblyscript/transform";
import { extractProgramInfo } from "./extractor.js";
import { buildMetadata, METADATA_VERSION } from "./metadata.js";
import { injectSdkExports } from "./exports.js";

export default class ModusEdgeTransform extends Transform {
  afterParse() {
    injectSdkExports(this.program);
  }

  /** @param {any} module */
  afterCompile(module) {
    const info = extractProgramInfo(this.program, this.binaryen, module);
    // modus-edge compiles a staged copy of the app; name and git info come from the original.
    const metadata = buildMetadata(info, process.env.MODUS_EDGE_APP_DIR ?? this.baseDir);
    module.addCustomSection("modus_metadata_version", Uint8Array.of(METADATA_VERSION));
    module.addCustomSection("modus_metadata", new TextEncoder().encode(JSON.stringify(metadata)));
  }
}
