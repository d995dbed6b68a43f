// cli/meter.mjs, the build step the compute and memory budgets rest on: run
// on small modules in Node with a host that keeps the books.
import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import binaryen from "binaryen";
import { isMetered, meterWasm, MeterError } from "../../cli/meter.mjs";
import { modusEdge } from "./run-cli";

function wat(text: string, features = binaryen.Features.BulkMemory | binaryen.Features.BulkMemoryOpt): Uint8Array {
  const module = binaryen.parseText(text);
  module.setFeatures(features);
  const bytes = module.emitBinary();
  module.dispose();
  return bytes;
}

const LOOP = wat(`(module
  (memory (export "memory") 1)
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $i))
  (func (export "copy") (param $bytes i32) (memory.copy (i32.const 0) (i32.const 8) (local.get $bytes)))
  (func (export "grow") (param $pages i32) (result i32) (memory.grow (local.get $pages)))
)`);

/** Instantiates a metered module with a host that hands out `slice` fuel at a time and stops at `budget`. */
function host(bytes: Uint8Array, { slice = 50, budget = Infinity, allowPages = Infinity } = {}) {
  const books = { handed: 0, used: 0, refuels: 0, grows: [] as [number, number][] };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), {
    modus_edge: {
      refuel: (left: number) => {
        books.refuels++;
        books.used = books.handed - left;
        if (books.used >= budget) throw new Error("budget spent");
        books.handed = books.used + slice;
        return slice;
      },
      pause: () => slice,
      grow: (pages: number, left: number) => (books.grows.push([pages, left]), pages <= allowPages ? pages : -1),
    },
  });
  const exports = instance.exports as Record<string, any>;
  const used = () => books.handed - exports.__modus_fuel_left();
  return { exports, books, used };
}

describe("meterWasm", () => {
  const metered = meterWasm(LOOP);

  it("adds the modus_edge imports and an export for the fuel left", () => {
    const module = new WebAssembly.Module(metered);
    expect(WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`)).toEqual([
      "modus_edge.refuel",
      "modus_edge.pause",
      "modus_edge.grow",
    ]);
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain("__modus_fuel_left");
    expect(isMetered(metered)).toBe(true);
    expect(isMetered(LOOP)).toBe(false);
  });

  it("charges every loop iteration the same, so work grows the bill linearly", () => {
    const bill = (n: number) => {
      const h = host(metered);
      expect(h.exports.count(n)).toBe(n);
      return h.used();
    };
    const [zero, thousand, twoThousand] = [bill(0), bill(1000), bill(2000)];
    const perIteration = (thousand - zero) / 1000;
    expect(perIteration).toBeGreaterThanOrEqual(5);
    expect(twoThousand - thousand).toBe(thousand - zero);
  });

  it("charges a small helper at its call sites instead of at its entry, unless the host can call it", () => {
    const leafy = meterWasm(
      wat(`(module
        (func $square (param $x i32) (result i32) (i32.mul (local.get $x) (local.get $x)))
        (func (export "exportedSquare") (param $x i32) (result i32) (i32.mul (local.get $x) (local.get $x)))
        (func (export "squares") (param $n i32) (result i32) (local $i i32) (local $sum i32)
          (block $done (loop $next
            (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $sum (i32.add (local.get $sum) (call $square (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
          (local.get $sum)))`),
    );
    const bill = (n: number) => {
      const h = host(leafy);
      h.exports.squares(n);
      return h.used();
    };
    // Each iteration pays for the helper's instructions too, in the loop's own charge.
    expect(bill(2000) - bill(1000)).toBe(bill(1000) - bill(0));
    const h = host(leafy);
    h.exports.exportedSquare(3);
    expect(h.used()).toBeGreaterThan(0);
  });

  it.each([
    ["br_if with a value", `(block $out (result i32) (loop $l (drop (br_if $out (local.get $i) (i32.ge_s (local.get $i) (local.get $n))))
        (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)) (unreachable))`],
    ["return with a value", `(loop $l (if (i32.ge_s (local.get $i) (local.get $n)) (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)) (unreachable)`],
    ["br_table", `(block $out (loop $l (br_table $l $out (i32.ge_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n)))))
        (local.get $i)`],
    ["a plain br out (the loop keeps the global)", `(block $out (loop $l (if (i32.ge_s (local.get $i) (local.get $n)) (then (br $out)))
        (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l))) (local.get $i)`],
  ])("charges a loop that leaves by %s, and hands back what it used", (_, body) => {
    const metered = meterWasm(wat(`(module (func (export "f") (param $n i32) (result i32) (local $i i32) ${body}))`));
    const bill = (n: number) => {
      const h = host(metered, { slice: 1000 });
      h.exports.f(n);
      return h.used();
    };
    const [a, b, c] = [bill(1000), bill(2000), bill(3000)];
    expect(b - a).toBeGreaterThanOrEqual(3000);
    expect(c - b).toBe(b - a);
  });

  it("folds helpers that call helpers, but never a recursive function", () => {
    const metered = meterWasm(
      wat(`(module
        (func $inc (param $x i32) (result i32) (i32.add (local.get $x) (i32.const 1)))
        (func $twice (param $x i32) (result i32) (call $inc (call $inc (local.get $x))))
        (func $down (param $n i32) (result i32)
          (if (result i32) (i32.eqz (local.get $n)) (then (i32.const 0)) (else (call $twice (call $down (i32.sub (local.get $n) (i32.const 1)))))))
        (func (export "down") (param $n i32) (result i32) (call $down (local.get $n))))`),
    );
    const bill = (n: number) => {
      const h = host(metered);
      expect(h.exports.down(n)).toBe(2 * n);
      return h.used();
    };
    // Each level of the recursion is charged, its helpers with it.
    const perLevel = bill(200) - bill(100);
    expect(perLevel).toBe(bill(300) - bill(200));
    expect(perLevel / 100).toBeGreaterThanOrEqual(10);
  });

  it("asks for fuel a slice at a time, and stops the module when the host refuses", () => {
    const h = host(metered, { slice: 100, budget: 10_000 });
    expect(() => h.exports.count(1_000_000)).toThrow("budget spent");
    expect(h.books.refuels).toBeGreaterThan(50);
    expect(h.books.used).toBeGreaterThanOrEqual(10_000);
    expect(h.books.used).toBeLessThan(10_100);
  });

  it("charges a bulk copy by its bytes, one unit per 4", () => {
    const h = host(metered);
    h.exports.copy(0);
    const base = h.used();
    const h2 = host(metered);
    h2.exports.copy(40_000);
    expect(h2.used() - base).toBe(10_000);
  });

  it("asks the host before memory.grow, with the fuel left, and honours a refusal", () => {
    const h = host(metered, { allowPages: 2 });
    expect(h.exports.grow(2)).toBe(1);
    expect(h.exports.grow(3)).toBe(-1);
    expect(h.books.grows.map(([pages]) => pages)).toEqual([2, 3]);
    expect((h.exports.memory as WebAssembly.Memory).buffer.byteLength).toBe(3 * 65536);
  });

  it("leaves a metered module as it is, and keeps custom sections", () => {
    expect(meterWasm(metered)).toBe(metered);
    const withSection = binaryen.parseText(`(module (func (export "f")))`);
    withSection.addCustomSection("modus_metadata", new TextEncoder().encode('{"x":1}'));
    const out = meterWasm(withSection.emitBinary());
    const section = WebAssembly.Module.customSections(new WebAssembly.Module(out), "modus_metadata")[0]!;
    expect(new TextDecoder().decode(section)).toBe('{"x":1}');
  });

  it("refuses a module with instructions it cannot meter, naming them", () => {
    const eh = wat(`(module (tag $e) (func (export "f") (try (do (throw $e)) (catch_all))))`, binaryen.Features.All);
    expect(() => meterWasm(eh)).toThrow(MeterError);
    expect(() => meterWasm(eh)).toThrow("the module uses Try instructions, which modus-edge cannot meter");
  });
});

describe("modus-edge build", () => {
  it("meters the module it writes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "modus-edge-meter-"));
    mkdirSync(path.join(dir, "assembly"));
    writeFileSync(path.join(dir, "modus.json"), JSON.stringify({ endpoints: { default: { type: "graphql", path: "/graphql", auth: "none" } } }));
    writeFileSync(path.join(dir, "assembly/index.ts"), "export function spin(): i32 { let x = 1; while (x != 0) x = x * 3 | 1; return x; }\n");
    const r = await modusEdge("build", dir, "--out", path.join(dir, "out"));
    expect(r.code).toBe(0);
    const bytes = readFileSync(path.join(dir, "out/app.wasm"));
    expect(isMetered(bytes)).toBe(true);
  });
});
