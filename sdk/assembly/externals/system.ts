// Raw host imports of the `modus_system` module. The public API wraps these.

// @ts-expect-error: decorator
@external("modus_system", "logMessage")
export declare function logMessage(level: string, message: string): void;

// @ts-expect-error: decorator
@external("modus_system", "getTimeInZone")
export declare function getTimeInZone(tz: string | null): string | null;

// @ts-expect-error: decorator
@unsafe @external("wasi_snapshot_preview1", "proc_exit")
export declare function procExit(code: u32): void;
