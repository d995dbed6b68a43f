import { AbiError } from "./errors";

/** The AssemblyScript runtime exports the host needs (`--exportRuntime`). */
export interface RuntimeExports {
  memory: WebAssembly.Memory;
  __new(size: number, classId: number): number;
  __pin(ptr: number): number;
  __unpin(ptr: number): void;
  __collect(): void;
  __setArgumentsLength?(count: number): void;
  _initialize?(): void;
}

/** Built-in AssemblyScript class ids. */
export const ARRAY_BUFFER_ID = 1;
export const STRING_ID = 2;

const HEADER = 8;
const CHUNK = 0x2000;
// Deep enough for real documents, shallow enough to fail before workerd's JS
// stack does (about 1,200 levels of class lowering there).
const MAX_DEPTH = 1000;

/**
 * One instance's linear memory, seen through the AssemblyScript object model.
 * Views are re-read on every access because any call into the guest may grow
 * (and so detach) the buffer. Objects the host allocates stay pinned until
 * {@link release}, so a GC step inside a later `__new` cannot free them.
 */
export class GuestMemory {
  readonly #exports: RuntimeExports;
  readonly #pins: number[] = [];
  readonly #path = new Set<unknown>();
  #view: DataView;

  constructor(exports: RuntimeExports) {
    this.#exports = exports;
    this.#view = new DataView(exports.memory.buffer);
  }

  /** A view of the current buffer; a new one after the memory grew. */
  get view(): DataView {
    const buffer = this.#exports.memory.buffer;
    if (this.#view.buffer !== buffer) this.#view = new DataView(buffer);
    return this.#view;
  }

  get buffer(): ArrayBuffer {
    return this.#exports.memory.buffer;
  }

  get size(): number {
    return this.#exports.memory.buffer.byteLength;
  }

  /** Checks the object header at `ptr` and returns the payload size in bytes. */
  expect(ptr: number, classId: number, typeName: string): number {
    const size = this.payloadSize(ptr, typeName);
    const id = this.view.getUint32(ptr - HEADER, true);
    if (id !== classId) {
      throw new AbiError(`pointer ${ptr} holds class id ${id}, not ${typeName} (class id ${classId})`);
    }
    return size;
  }

  /** The payload size recorded in the header at `ptr`, checked against memory bounds. */
  payloadSize(ptr: number, typeName: string): number {
    if (ptr < HEADER || ptr % 4 !== 0 || ptr > this.size) {
      throw new AbiError(`invalid pointer ${ptr} for ${typeName}`);
    }
    const size = this.view.getUint32(ptr - 4, true);
    if (ptr + size > this.size) {
      throw new AbiError(`${typeName} at ${ptr} claims ${size} bytes, past the end of memory (${this.size})`);
    }
    return size;
  }

  /**
   * Runs `step` with `node` (a guest pointer being lifted, or a JS object being
   * lowered) marked as on the current path, so a value that contains itself
   * fails with an {@link AbiError} naming the type instead of recursing forever.
   * A node reached twice along different paths (a DAG) is fine. Nesting past
   * {@link MAX_DEPTH}, or deep enough to exhaust the stack, is an AbiError too.
   *
   * @example memory.visit(ptr, "assembly/Node", () => liftFields(ptr))
   */
  visit<T>(node: unknown, typeName: string, step: () => T): T {
    if (this.#path.has(node)) throw new AbiError(`cyclic value: a ${typeName} contains itself`);
    if (this.#path.size >= MAX_DEPTH) throw new AbiError(`${typeName} is nested more than ${MAX_DEPTH} levels deep`);
    const outermost = this.#path.size === 0;
    this.#path.add(node);
    try {
      return step();
    } catch (err) {
      // Only the outermost value turns a stack overflow into a typed error: by then the stack has unwound.
      if (outermost && err instanceof RangeError && /call stack/i.test(err.message)) {
        throw new AbiError(`${typeName} is nested too deeply to cross the boundary`);
      }
      throw err;
    } finally {
      this.#path.delete(node);
    }
  }

  /** Allocates a managed object and pins it until {@link release}. */
  allocate(size: number, classId: number): number {
    // Unsigned: an address past 2 GiB comes back from the guest as a negative i32.
    const ptr = this.#exports.__new(size, classId) >>> 0;
    this.#exports.__pin(ptr);
    this.#pins.push(ptr);
    return ptr;
  }

  /** Unpins everything this call allocated. */
  release(): void {
    while (this.#pins.length) this.#exports.__unpin(this.#pins.pop()!);
  }

  readString(ptr: number, typeName = "string"): string {
    const bytes = this.expect(ptr, STRING_ID, typeName);
    const units = new Uint16Array(this.#exports.memory.buffer, ptr, bytes >>> 1);
    // fromCharCode keeps lone surrogates, which a UTF-16 TextDecoder would replace.
    let out = "";
    for (let i = 0; i < units.length; i += CHUNK) {
      out += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[]);
    }
    return out;
  }

  writeString(value: string): number {
    const ptr = this.allocate(value.length << 1, STRING_ID);
    const units = new Uint16Array(this.#exports.memory.buffer, ptr, value.length);
    for (let i = 0; i < value.length; i++) units[i] = value.charCodeAt(i);
    return ptr;
  }
}
