/** Keeps `mib` buffers of 1 MiB alive at once. */
export function grow(mib: i32): i32 {
  const buffers = new Array<ArrayBuffer>(0);
  for (let i = 0; i < mib; i++) buffers.push(new ArrayBuffer(1 << 20));
  return buffers.length;
}

/**
 * Reserves two blocks of almost 1 GiB each (never touched, so the machine
 * commits no memory for them), then makes the host write and read strings
 * placed past 2 GiB: the local time the host lowers, a log line it lifts, and
 * the result. Returns where the host's string landed and the string itself.
 */
export function highPointers(): string {
  heap.alloc(0x3fff0000);
  heap.alloc(0x3fff0000);
  const zone = process.env.get("TZ");
  console.log(`high ${zone}`);
  return `${changetype<usize>(zone)}: ${zone}`;
}
