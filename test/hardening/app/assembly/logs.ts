/** Logs `lines` lines through the SDK's console (the modus_system.logMessage import). */
export function flood(lines: i32): i32 {
  for (let i = 0; i < lines; i++) console.log(`line ${i} of a flood`);
  return lines;
}

/** Writes `lines` lines to stdout (WASI fd_write), in one write. */
export function floodStdout(lines: i32): i32 {
  const parts = new Array<string>(lines);
  for (let i = 0; i < lines; i++) parts[i] = `stdout line ${i}`;
  process.stdout.write(parts.join("\n") + "\n");
  return lines;
}

/** Logs one line of `kib` KiB. */
export function bigLine(kib: i32): i32 {
  console.log("x".repeat(kib << 10));
  return kib;
}

/** Logs `lines` lines, then aborts: the abort's message must survive the flood. */
export function floodThenAbort(lines: i32): i32 {
  flood(lines);
  abort("gave up after the flood");
  return 0;
}
