import type { LogEntry } from "./context";

export interface LogLimits {
  readonly logLines: number;
  readonly logBytes: number;
}

// UTF-8 length without encoding: surrogate pairs are 4 bytes, other units up to 3.
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The log lines of one call, bounded: once the call has written `logLines`
 * lines or `logBytes` bytes, later lines are dropped and only counted, and
 * reading the lines ends with one that says how many were dropped. The
 * fatal line (an abort's message) is always kept: it is the call's error.
 *
 * @example
 *   const logs = new CallLogs({ logLines: 2, logBytes: 1000 });
 *   logs.push(a); logs.push(b); logs.push(c);
 *   [...logs] // [a, b, { level: "warning", message: "1 more log line was dropped: …" }]
 */
export class CallLogs implements Iterable<LogEntry> {
  readonly #lines: LogEntry[] = [];
  readonly #limits: LogLimits;
  #bytes = 0;
  #dropped = 0;
  #fatal?: LogEntry;

  constructor(limits: LogLimits) {
    this.#limits = limits;
  }

  push(entry: LogEntry): void {
    if (entry.level === "fatal") this.#fatal = entry;
    if (this.#dropped === 0 && this.#lines.length < this.#limits.logLines) {
      const bytes = utf8Length(entry.message);
      if (this.#bytes + bytes <= this.#limits.logBytes) {
        this.#bytes += bytes;
        this.#lines.push(entry);
        return;
      }
    }
    this.#dropped++;
  }

  /** Lines dropped for being over a limit. */
  get dropped(): number {
    return this.#dropped;
  }

  /** The last fatal line, kept even when it came after the limits. */
  get fatal(): LogEntry | undefined {
    return this.#fatal;
  }

  *[Symbol.iterator](): Iterator<LogEntry> {
    yield* this.#lines;
    if (this.#fatal && !this.#lines.includes(this.#fatal)) yield this.#fatal;
    if (this.#dropped) {
      const { logLines, logBytes } = this.#limits;
      const n = this.#dropped;
      yield {
        level: "warning",
        message:
          `${n} more log ${n === 1 ? "line was" : "lines were"} dropped: a call may log ${logLines} lines ` +
          `or ${logBytes} bytes (MODUS_LOG_LINES_LIMIT, MODUS_LOG_BYTES_LIMIT)`,
      };
    }
  }
}
