declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}

// JSPI, available in workerd without a flag (not yet in the TypeScript lib).
declare namespace WebAssembly {
  class Suspending {
    constructor(fn: (...args: any[]) => Promise<unknown>);
  }
  function promising<F extends (...args: any[]) => any>(fn: F): (...args: Parameters<F>) => Promise<ReturnType<F>>;
}
