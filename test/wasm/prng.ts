/**
 * A small seeded PRNG (mulberry32) and value generators for the property
 * tests: the same seed gives the same values on every machine.
 *
 * @example const rng = new Rng(42); rng.int(0, 9)
 */
export class Rng {
  #state: number;

  constructor(readonly seed: number) {
    this.#state = seed >>> 0;
  }

  /** A uniform unsigned 32-bit integer. */
  u32(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor((this.u32() / 2 ** 32) * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** An integer in [min, max], hitting the edges and zero more often than chance would. */
  edgy(min: number, max: number): number {
    return this.chance(0.1) ? this.pick([min, max, Math.max(min, Math.min(max, 0))]) : this.int(min, max);
  }

  /** 64 random bits, as a signed or unsigned bigint, edges favoured. */
  big(signed: boolean): bigint {
    const edges = signed ? [-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n] : [0n, 2n ** 64n - 1n, 2n ** 63n];
    if (this.chance(0.1)) return this.pick(edges);
    const bits = (BigInt(this.u32()) << 32n) | BigInt(this.u32());
    return signed ? BigInt.asIntN(64, bits) : bits;
  }

  /** Any finite f32 (random bit patterns, so subnormals and extremes appear). */
  f32(): number {
    const view = new DataView(new ArrayBuffer(4));
    for (;;) {
      view.setUint32(0, this.u32());
      const v = view.getFloat32(0);
      if (Number.isFinite(v)) return v;
    }
  }

  /** Any finite f64 (random bit patterns). */
  f64(): number {
    const view = new DataView(new ArrayBuffer(8));
    for (;;) {
      view.setUint32(0, this.u32());
      view.setUint32(4, this.u32());
      const v = view.getFloat64(0);
      if (Number.isFinite(v)) return v;
    }
  }

  /** A string of ASCII, BMP, astral characters and lone surrogates. */
  string(maxLength = 24): string {
    const length = this.int(0, maxLength);
    let s = "";
    while (s.length < length) {
      switch (this.int(0, 4)) {
        case 0:
          s += String.fromCharCode(this.int(0, 0x7f));
          break;
        case 1:
          s += String.fromCharCode(this.int(0x80, 0xd7ff));
          break;
        case 2:
          s += String.fromCodePoint(this.int(0x10000, 0x10ffff));
          break;
        case 3:
          s += String.fromCharCode(this.int(0xd800, 0xdfff)); // a lone surrogate
          break;
        default:
          s += String.fromCharCode(this.int(0xe000, 0xffff));
      }
    }
    return s;
  }

  bytes(maxLength = 48): Uint8Array {
    return Uint8Array.from({ length: this.int(0, maxLength) }, () => this.int(0, 255));
  }

  /** Epoch milliseconds anywhere in the range both JS and AssemblyScript dates cover. */
  dateMillis(): number {
    return this.chance(0.5) ? this.int(-8.64e15, 8.64e15) : this.int(-2e12, 4e12);
  }
}
