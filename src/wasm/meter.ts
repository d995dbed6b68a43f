import type { Limits } from "../limits";

/**
 * Fuel units (one per Wasm expression, see cli/meter.mjs) per millisecond of
 * budget. Measured by workerd's CPU time on the reference machine
 * (BENCHMARKS.md, "Metering"): a tight loop burns 7.2 M units per CPU ms,
 * integer, array and string code 19–28 M, bulk copies 30 M; so the slowest
 * burner overruns a budget by about a tenth, and most code stops well inside it.
 */
export const FUEL_PER_MS = 8_000_000;

/**
 * Fuel charged for each 64 KiB page `memory.grow` adds: first touching fresh
 * memory costs about 0.15 ms a page on the reference machine (page faults and
 * zeroing), work the instruction count never sees.
 */
export const FUEL_PER_PAGE = 1_200_000;

/** How much compute runs between two chances for other requests to run. */
const SLICE_MS = 1;

const WASM_PAGE = 65_536;

/**
 * Whether `modus-edge build` metered the module (it imports `modus_edge.refuel`):
 * without metering no budget holds, so such a module is not served.
 *
 * @example isMetered(wasm) // true for anything modus-edge build wrote
 */
export function isMetered(module: WebAssembly.Module): boolean {
  return WebAssembly.Module.imports(module).some((i) => i.module === "modus_edge" && i.name === "refuel");
}

/** All calls of one request draw their fuel from this. */
export interface FuelPool {
  left: number;
}

/** A call used up its (or its request's) compute budget; thrown through the guest to stop it. */
export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
  constructor(readonly scope: "call" | "request") {
    super(`compute budget of the ${scope} used up`);
  }
}

/**
 * One instance's metering state: hands fuel to the guest a slice at a time
 * (`modus_edge.refuel`), charges what it used to the request's pool, lets
 * other requests run between slices once the call is suspendable (inside
 * `WebAssembly.promising`), and stops the call by throwing through it when a
 * budget is used up. It also decides each `memory.grow`.
 *
 * @example const meter = new Meter(limits, pool); // then refuel/pause/grow from the host imports
 */
export class Meter {
  readonly callFuel: number;
  readonly maxBytes: number;
  /** Set while the guest runs inside `WebAssembly.promising`, where it may pause. */
  suspendable = false;
  /** Which budget stopped the call, once one did. */
  exceeded?: BudgetExceeded;
  /** The last growth refused, in bytes asked for: the likely cause if the call then fails. */
  refusedGrowth?: number;
  readonly #pool?: FuelPool;
  readonly #slice: number;
  #handed = 0;
  #extra = 0;
  #charged = 0;
  #pausedAt = 0;
  #pending = 0;

  constructor(
    readonly limits: Pick<Limits, "callTimeMs" | "callMemoryMiB">,
    pool?: FuelPool,
  ) {
    this.callFuel = limits.callTimeMs * FUEL_PER_MS;
    this.maxBytes = limits.callMemoryMiB * 1024 * 1024;
    this.#slice = Math.min(SLICE_MS * FUEL_PER_MS, this.callFuel);
    if (pool) this.#pool = pool;
  }

  /**
   * Starts a call on an instance that already ran one (an agent keeps its
   * instance for many): the budgets count from here, with `left` the fuel
   * the guest still holds. A fresh instance's first call also pays for its
   * start, so it is not begun again.
   */
  begin(left: number): void {
    this.#handed = left;
    this.#extra = 0;
    this.#charged = 0;
    this.#pausedAt = 0;
    delete this.exceeded;
    delete this.refusedGrowth;
  }

  /** Calls run on this instance so far (see {@link begin}). */
  calls = 0;

  /** Fuel used so far, given what the guest has left in its global. */
  used(left: number): number {
    return this.#handed - left + this.#extra;
  }

  /**
   * The guest ran out of its slice with `left` (zero or less) in hand: the
   * next slice, or 0 to ask for a pause first, or a throw when a budget is spent.
   */
  refuel(left: number): number {
    if (this.exceeded) throw this.exceeded;
    const spent = this.settle(left);
    if (spent >= this.callFuel) throw (this.exceeded = new BudgetExceeded("call"));
    if (this.#pool && this.#pool.left <= 0) throw (this.exceeded = new BudgetExceeded("request"));
    const next = Math.max(1, Math.min(this.#slice, this.callFuel - spent, this.#pool?.left ?? Infinity));
    this.#handed = spent - this.#extra + next;
    if (this.suspendable && spent - this.#pausedAt >= this.#slice) {
      this.#pausedAt = spent;
      this.#pending = next;
      return 0;
    }
    return next;
  }

  /** Lets other requests run (a macrotask turn), then hands over the slice refuel held back. */
  async pause(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.exceeded) throw this.exceeded;
    return this.#pending;
  }

  /** Charges the request's pool for the fuel used up to now; returns that total. */
  settle(left: number): number {
    const spent = this.used(left);
    if (this.#pool) this.#pool.left -= spent - this.#charged;
    this.#charged = spent;
    return spent;
  }

  /**
   * The pages `memory.grow` may add: `delta`, charged {@link FUEL_PER_PAGE}
   * each (a throw when that spends the budget: `left` is the guest's fuel
   * now), or an impossible count (-1 as i32) when over the memory budget.
   */
  grow(delta: number, currentBytes: number, left: number): number {
    const pages = delta >>> 0;
    if (currentBytes + pages * WASM_PAGE > this.maxBytes) {
      this.refusedGrowth = currentBytes + pages * WASM_PAGE;
      return -1;
    }
    this.#extra += pages * FUEL_PER_PAGE;
    if (this.settle(left) >= this.callFuel) throw (this.exceeded = new BudgetExceeded("call"));
    return pages;
  }
}
