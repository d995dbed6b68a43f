import { localtime } from "@hypermode/modus-sdk-as";

// Three blocks of almost 1 GiB each, never touched (the machine commits no
// memory for them), then every small free block below them: what the
// allocator hands out next lies past 2 GiB.
function fillLowMemory(): void {
  for (let i = 0; i < 3; i++) heap.alloc(0x3fff0000);
  for (let i = 0; i < 100000; i++) heap.alloc(16);
}

/** Keeps `mib` buffers of 1 MiB alive at once. */
export function grow(mib: i32): i32 {
  const buffers = new Array<ArrayBuffer>(0);
  for (let i = 0; i < mib; i++) buffers.push(new ArrayBuffer(1 << 20));
  return buffers.length;
}

/**
 * Makes the host write and read strings past 2 GiB: the local time it lowers,
 * a log line it lifts, and the result, "<address of the time>|<time>".
 */
export function highPointers(): string {
  fillLowMemory();
  const now = localtime.now();
  console.log(`high ${now}`);
  return `${changetype<usize>(now)}|${now}`;
}

/** A string placed at exactly 2 GiB (header written by hand), returned to the host. */
export function stringAtTwoGiB(): string {
  fillLowMemory();
  const at: usize = 0x80000000;
  const text = "at two GiB";
  store<u32>(at - 8, idof<string>());
  store<u32>(at - 4, text.length << 1);
  memory.copy(at, changetype<usize>(text), text.length << 1);
  return changetype<string>(at);
}
