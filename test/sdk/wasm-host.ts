// A minimal Node host for the SDK test app: enough of the Modus ABI (strings,
// arrays of numbers and strings, ModelInfo) to call the app's pure functions
// and check the exact JSON the SDK produces. The real host lives in src/.
import { WASI } from "node:wasi";

type Metadata = {
  fnExports: Record<string, { parameters?: { name: string; type: string }[]; results?: { type: string }[] }>;
  types: Record<string, { id: number }>;
};

export type HostOptions = {
  models?: Record<string, string>;
  invoke?: (model: string, input: string) => string | null;
  env?: Record<string, string>;
};

const SIZES: Record<string, number> = { f64: 8, i64: 8, u64: 8 };

/** Instantiates `wasm` and returns `call(name, ...args)`, which returns the result and the log lines. */
export function loadApp(wasm: Uint8Array<ArrayBuffer>, opts: HostOptions = {}) {
  const module = new WebAssembly.Module(wasm);
  const section = WebAssembly.Module.customSections(module, "modus_metadata")[0]!;
  const md = JSON.parse(Buffer.from(section).toString("utf8")) as Metadata;
  const logs: [string, string][] = [];
  const pins: number[] = [];
  let ex: any;
  const view = () => new DataView(ex.memory.buffer as ArrayBuffer);

  const readString = (p: number): string | null => {
    if (!p) return null;
    const len = view().getUint32(p - 4, true);
    return Buffer.from(ex.memory.buffer, p, len).toString("utf16le");
  };
  const alloc = (size: number, id: number): number => {
    const p = ex.__new(size, id);
    ex.__pin(p);
    pins.push(p);
    return p;
  };
  const newString = (s: string): number => {
    const bytes = Buffer.from(s, "utf16le");
    const p = alloc(bytes.length, 2);
    new Uint8Array(ex.memory.buffer, p, bytes.length).set(bytes);
    return p;
  };
  const elementOf = (type: string) => /^~lib\/array\/Array<(.*)>$/.exec(type)![1]!;
  const newArray = (type: string, values: unknown[]): number => {
    const elem = elementOf(type);
    const size = SIZES[elem] ?? 4;
    const items = values.map((v) =>
      elem.startsWith("~lib/string") ? newString(v as string) : elem.startsWith("~lib/array") ? newArray(elem, v as unknown[]) : v,
    );
    const buffer = alloc(values.length * size, 1);
    items.forEach((v, i) => {
      const at = buffer + i * size;
      if (elem === "f64") view().setFloat64(at, v as number, true);
      else if (elem === "f32") view().setFloat32(at, v as number, true);
      else view().setInt32(at, v as number, true);
    });
    const arr = alloc(16, md.types[type]!.id);
    const dv = view();
    dv.setUint32(arr, buffer, true);
    dv.setUint32(arr + 4, buffer, true);
    dv.setInt32(arr + 8, values.length * size, true);
    dv.setInt32(arr + 12, values.length, true);
    return arr;
  };
  const readArray = (type: string, p: number): unknown[] | null => {
    if (!p) return null;
    const elem = elementOf(type);
    const size = SIZES[elem] ?? 4;
    const data = view().getUint32(p + 4, true);
    const out: unknown[] = [];
    for (let i = 0; i < view().getInt32(p + 12, true); i++) {
      const at = data + i * size;
      if (elem === "f64") out.push(view().getFloat64(at, true));
      else if (elem === "f32") out.push(view().getFloat32(at, true));
      else if (elem === "i32") out.push(view().getInt32(at, true));
      else if (elem.startsWith("~lib/string")) out.push(readString(view().getUint32(at, true)));
      else out.push(readArray(elem, view().getUint32(at, true)));
    }
    return out;
  };

  class Exit extends Error {}
  // Modus always sets TZ and CLAIMS; an empty environment also trips uvwasi (EINVAL).
  const env = { TZ: "UTC", CLAIMS: "", ...opts.env };
  const wasi = new WASI({ version: "preview1", env, returnOnExit: true });
  const imports = {
    wasi_snapshot_preview1: {
      ...(wasi.getImportObject() as any).wasi_snapshot_preview1,
      proc_exit: (code: number) => {
        throw new Exit(`exit ${code}`);
      },
    },
    modus_system: {
      logMessage: (level: number, message: number) => void logs.push([readString(level)!, readString(message)!]),
      getTimeInZone: (tz: number) => (readString(tz) === "Nowhere/Land" ? 0 : newString("2025-01-02T03:04:05.000Z")),
    },
    modus_models: {
      getModelInfo: (name: number) => {
        const n = readString(name)!;
        const full = opts.models?.[n];
        if (!full) return 0;
        const [a, b] = [newString(n), newString(full)];
        const info = alloc(8, md.types["~lib/@hypermode/modus-sdk-as/assembly/models/ModelInfo"]!.id);
        view().setUint32(info, a, true);
        view().setUint32(info + 4, b, true);
        return info;
      },
      invokeModel: (name: number, input: number) => {
        const out = opts.invoke?.(readString(name)!, readString(input)!);
        return out == null ? 0 : newString(out);
      },
    },
    modus_secrets: { getSecretValue: () => 0 },
    modus_http_client: { fetch: () => 0 },
    // The metering modus-edge build adds (cli/meter.mjs): unlimited here.
    modus_edge: { refuel: () => 1 << 30, pause: () => 1 << 30, grow: (pages: number, _fuel: number) => pages },
  };
  const instance = new WebAssembly.Instance(module, imports);
  ex = instance.exports;
  try {
    wasi.initialize(instance);
  } catch (err) {
    throw new Error(`_initialize failed: ${(err as Error).message} ${JSON.stringify(logs)}`);
  }

  return function call(name: string, ...args: unknown[]): { value?: unknown; error?: string; logs: [string, string][] } {
    const sig = md.fnExports[name];
    if (!sig) throw new Error(`no export ${name}`);
    logs.length = 0;
    try {
      const raw = (sig.parameters ?? []).map((p, i) => {
        const type = p.type.replace(/ \| null$/, "");
        if (type.startsWith("~lib/string")) return newString(args[i] as string);
        if (type.startsWith("~lib/array")) return newArray(type, args[i] as unknown[]);
        return type === "i64" ? BigInt(args[i] as number) : args[i];
      });
      const result = ex[name](...raw);
      const type = sig.results?.[0]?.type.replace(/ \| null$/, "");
      if (type?.startsWith("~lib/string")) return { value: readString(result), logs: [...logs] };
      if (type?.startsWith("~lib/array")) return { value: readArray(type, result), logs: [...logs] };
      return { value: result, logs: [...logs] };
    } catch (err) {
      return { error: (err as Error).message, logs: [...logs] };
    } finally {
      while (pins.length) ex.__unpin(pins.pop());
    }
  };
}
