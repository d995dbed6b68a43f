/**
 * A span of time in nanoseconds (Go's `time.Duration`), with named units.
 *
 * @example const timeout: Duration = 5 * Duration.second;
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace Duration {
  export const zero = 0;
  export const nanosecond = 1;
  export const microsecond = 1_000;
  export const millisecond = 1_000_000;
  export const second = 1_000_000_000;
  export const minute = 60 * Duration.second;
  export const hour = 60 * Duration.minute;
  export const maxValue = i64.MAX_VALUE;
}
export type Duration = i64;

/**
 * The lifecycle state of an agent, as the host reports it in `AgentInfo.status`.
 *
 * @example if (info.status == AgentStatus.Running) { ... }
 */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace AgentStatus {
  export const Starting = "starting";
  export const Running = "running";
  export const Suspending = "suspending";
  export const Suspended = "suspended";
  export const Resuming = "resuming";
  export const Stopping = "stopping";
  export const Terminated = "terminated";
}
export type AgentStatus = string;
