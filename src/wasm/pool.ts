const PAGE = 65_536;

/** The import a module built by modus-edge names its memory by (cli/memory-import.mjs). */
export const MEMORY_IMPORT = { module: "modus_edge", name: "memory" } as const;
const MEMORY_SECTION = "modus_edge_memory";

/** How many idle memories a pool keeps by default. */
export const POOL_CAPACITY = 8;

/**
 * Linear memories for the instances of one module that imports its memory,
 * reused across calls: making a fresh memory per instance costs system calls
 * (the reservation and guard region of each), reusing one costs a zero-fill.
 *
 * The guarantee is the same as a fresh instance's: {@link acquire} hands out a
 * memory no live call holds, with every byte zero, so instantiation (which
 * writes the module's data segments) leaves it exactly as a new instance's
 * own memory would start. A memory comes back by {@link release} only once its
 * call is over (no frame of it, suspended or not, remains); one that grew is
 * dropped, and at most `capacity` idle memories are kept.
 *
 * @example
 *   const pool = MemoryPool.forModule(module); // undefined: the module declares its own memory
 *   const memory = pool.acquire(); ...; pool.release(memory);
 */
export class MemoryPool {
  readonly #idle: WebAssembly.Memory[] = [];
  readonly #descriptor: WebAssembly.MemoryDescriptor;
  readonly #bytes: number;

  constructor(
    initialPages: number,
    maximumPages?: number,
    readonly capacity = POOL_CAPACITY,
  ) {
    this.#descriptor = { initial: initialPages, ...(maximumPages !== undefined ? { maximum: maximumPages } : {}) };
    this.#bytes = initialPages * PAGE;
  }

  /** The pool for `module`'s instances, or undefined when it declares its own memory (the slower path). */
  static forModule(module: WebAssembly.Module, capacity = POOL_CAPACITY): MemoryPool | undefined {
    const imported = WebAssembly.Module.imports(module).find((i) => i.kind === "memory");
    if (!imported) return undefined;
    if (imported.module !== MEMORY_IMPORT.module || imported.name !== MEMORY_IMPORT.name) {
      throw new Error(`the module imports a memory ${imported.module}.${imported.name}; only ${MEMORY_IMPORT.module}.${MEMORY_IMPORT.name} is provided`);
    }
    const section = WebAssembly.Module.customSections(module, MEMORY_SECTION)[0];
    if (!section) throw new Error(`the module imports its memory but has no ${MEMORY_SECTION} section giving its size`);
    const limits = JSON.parse(new TextDecoder().decode(section)) as { initial: number; maximum?: number };
    return new MemoryPool(limits.initial, limits.maximum, capacity);
  }

  /** Idle memories held now. */
  get idle(): number {
    return this.#idle.length;
  }

  /** A zero-filled memory of the module's initial size that no live call holds. */
  acquire(): WebAssembly.Memory {
    const memory = this.#idle.pop();
    if (!memory) return new WebAssembly.Memory(this.#descriptor);
    new Uint8Array(memory.buffer).fill(0);
    return memory;
  }

  /** Takes back the memory of a call that is over; one that grew (or a full pool) lets it go. */
  release(memory: WebAssembly.Memory): void {
    if (memory.buffer.byteLength !== this.#bytes || this.#idle.length >= this.capacity) return;
    this.#idle.push(memory);
  }
}
