import { localtime } from "@hypermode/modus-sdk-as";

/** Never returns: a loop with nothing to wait for. */
export function spin(): i32 {
  let x: i32 = 1;
  while (x != 0) x = x * 1103515245 + 12345 | 1;
  return x;
}

/** `n` rounds of integer arithmetic: straight-line work, for calibrating the meter. */
export function work(n: i32): i32 {
  let x: i32 = 7;
  for (let i = 0; i < n; i++) x = (x ^ (x << 13)) + i * 31;
  return x;
}

/** Sums an array of `n` numbers `rounds` times: loads and stores, for calibrating the meter. */
export function memoryWork(n: i32, rounds: i32): i64 {
  const values = new Array<i64>(n);
  for (let i = 0; i < n; i++) values[i] = i;
  let sum: i64 = 0;
  for (let r = 0; r < rounds; r++) for (let i = 0; i < n; i++) sum += values[i] ^ r;
  return sum;
}

/** Builds a string of `n` characters one at a time: allocation and copying, for calibrating the meter. */
export function stringWork(n: i32): i32 {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (i % 26));
  return s.length;
}

/** Copies a `kib` KiB buffer onto itself `times` times: bulk memory work in one instruction each. */
export function copyWork(kib: i32, times: i32): i32 {
  const size = kib << 10;
  const buffer = heap.alloc(size * 2);
  for (let i = 0; i < times; i++) memory.copy(buffer, buffer + size, size);
  heap.free(buffer);
  return times;
}

/** Recurses `depth` levels: deep enough overflows the stack. */
export function recurse(depth: i32): i32 {
  if (depth <= 0) return 0;
  return recurse(depth - 1) + 1;
}

/** Asks the host for the local time `n` times: host results are lowered (by `__new`) all along the call. */
export function nowMany(n: i32): i32 {
  let total = 0;
  for (let i = 0; i < n; i++) total += localtime.now().length;
  return total;
}
