// Finds the Chromium the browser tests drive: the first `chromium` or
// `chromium-browser` on the PATH. .ci/run asks the same question by running
// this file (exit 0 and the path when found, exit 1 when not), so the test and
// CI never disagree about whether a browser is there.
import { statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const CHROMIUM_NAMES = ["chromium", "chromium-browser"];

/** The path of the first Chromium executable on `PATH`, or undefined. */
export function findChromium(pathVariable = process.env.PATH ?? "") {
  for (const dir of pathVariable.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of CHROMIUM_NAMES) {
      const file = path.join(dir, name);
      try {
        const stat = statSync(file);
        if (stat.isFile() && stat.mode & 0o111) return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const found = findChromium();
  if (found) console.log(found);
  process.exit(found ? 0 : 1);
}
