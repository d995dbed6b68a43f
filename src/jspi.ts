/** The two JSPI entry points modus-edge calls functions through. */
export interface JspiApi {
  readonly Suspending?: unknown;
  readonly promising?: unknown;
}

/**
 * Why this runtime cannot run functions, or undefined when it can: every call
 * goes through `WebAssembly.promising`, and every async host function is a
 * `WebAssembly.Suspending` (JSPI).
 *
 * @example missingJspi(WebAssembly) // undefined on current workerd
 */
export function missingJspi(api: JspiApi): string | undefined {
  const absent = (["Suspending", "promising"] as const).filter((name) => typeof api[name] !== "function");
  if (!absent.length) return undefined;
  return (
    `this runtime lacks WebAssembly JSPI (${absent.map((n) => `WebAssembly.${n}`).join(" and ")}), ` +
    "which modus-edge needs to call functions: use a workerd or compatibility date that ships it"
  );
}
