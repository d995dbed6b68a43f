import { http } from "@hypermode/modus-sdk-as";

// Raw heap blocks (heap.alloc) are not zeroed by the allocator: in a fresh
// instance they read as the zeroes of a new memory, so any byte a guest finds
// in one came from an earlier call that shared the memory.

/** Fills `secret` (its UTF-16 units) into a `kib` KiB block at `at`, over and over. */
function fill(at: usize, kib: i32, secret: string): void {
  const len = <usize>(secret.length << 1);
  const end = at + (<usize>kib << 10);
  for (let p = at; p + len <= end; p += len) memory.copy(p, changetype<usize>(secret), len);
}

/** Whether the block at `at` holds only `secret`, repeated, as {@link fill} left it. */
function holds(at: usize, kib: i32, secret: string): bool {
  const len = <usize>(secret.length << 1);
  const end = at + (<usize>kib << 10);
  for (let p = at; p + len <= end; p += len) if (memory.compare(p, changetype<usize>(secret), len) != 0) return false;
  return true;
}

/** Leaves `secret` in a `kib` KiB heap block for whoever gets this memory next. */
export function scribble(secret: string, kib: i32): i32 {
  fill(heap.alloc(<usize>kib << 10), kib, secret);
  return kib;
}

/** The non-zero bytes of a fresh `kib` KiB heap block, as Latin-1 text ("" in a fresh instance). */
export function peekUninitialised(kib: i32): string {
  const at = heap.alloc(<usize>kib << 10);
  let out = "";
  for (let i: usize = 0; i < (<usize>kib << 10); i++) {
    const b = load<u8>(at + i);
    if (b != 0) out += String.fromCharCode(b);
  }
  return out;
}

/**
 * Leaves `secret` in a `kib` KiB block, suspends in a POST of `body` to `url`
 * (while other calls run), then reports "<intact|overwritten> <uninitialised
 * bytes seen after the wait>": whether the block still holds only the secret,
 * and what a fresh block reads.
 */
export function holdSecret(secret: string, kib: i32, url: string, body: string): string {
  const at = heap.alloc(<usize>kib << 10);
  fill(at, kib, secret);
  const options = new http.RequestOptions();
  options.method = "POST";
  options.headers = http.Headers.from([["Content-Type", "application/json"]]);
  options.body = http.Content.from(body);
  http.fetch(url, options);
  return `${holds(at, kib, secret) ? "intact" : "overwritten"} ${peekUninitialised(kib)}`;
}

/** Logs one line, then loops `n` times (a call that reaches no asynchronous host function). */
export function logThenWork(n: i32): i32 {
  console.log("before the work");
  let x: i32 = 0;
  for (let i = 0; i < n; i++) x = (x * 31 + i) ^ (x >>> 3);
  return x;
}
