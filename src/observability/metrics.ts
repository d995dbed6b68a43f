/** Histogram bucket bounds in seconds, for request and call durations. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

type Labels = Readonly<Record<string, string>>;

const labelKey = (labels: Labels) =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}="${labels[k]!.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`)
    .join(",");

interface Histogram {
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * The isolate's counters and histograms, rendered as Prometheus text. One is
 * made per app (not per module import) and handed to whatever records.
 *
 * @example
 *   metrics.count("modus_requests_total", { status: "200" });
 *   metrics.observe("modus_request_duration_seconds", {}, 0.012);
 */
export class Metrics {
  readonly #counters = new Map<string, Map<string, number>>();
  readonly #histograms = new Map<string, Map<string, Histogram>>();
  readonly #help: Record<string, string>;

  constructor(help: Record<string, string>) {
    this.#help = help;
  }

  count(name: string, labels: Labels = {}, by = 1): void {
    const series = this.#counters.get(name) ?? new Map<string, number>();
    this.#counters.set(name, series);
    const key = labelKey(labels);
    series.set(key, (series.get(key) ?? 0) + by);
  }

  observe(name: string, labels: Labels, seconds: number): void {
    const series = this.#histograms.get(name) ?? new Map<string, Histogram>();
    this.#histograms.set(name, series);
    const key = labelKey(labels);
    const h = series.get(key) ?? { buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
    series.set(key, h);
    DURATION_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) h.buckets[i]!++;
    });
    h.sum += seconds;
    h.count++;
  }

  /** The Prometheus text exposition (version 0.0.4). */
  render(): string {
    const lines: string[] = [];
    const header = (name: string, type: string) => {
      if (this.#help[name]) lines.push(`# HELP ${name} ${this.#help[name]}`);
      lines.push(`# TYPE ${name} ${type}`);
    };
    const withLabels = (name: string, key: string, extra = "") => {
      const all = [key, extra].filter(Boolean).join(",");
      return all ? `${name}{${all}}` : name;
    };
    for (const [name, series] of [...this.#counters].sort(([a], [b]) => a.localeCompare(b))) {
      header(name, "counter");
      for (const [key, value] of series) lines.push(`${withLabels(name, key)} ${value}`);
    }
    for (const [name, series] of [...this.#histograms].sort(([a], [b]) => a.localeCompare(b))) {
      header(name, "histogram");
      for (const [key, h] of series) {
        DURATION_BUCKETS.forEach((bound, i) => lines.push(`${withLabels(`${name}_bucket`, key, `le="${bound}"`)} ${h.buckets[i]}`));
        lines.push(`${withLabels(`${name}_bucket`, key, 'le="+Inf"')} ${h.count}`);
        lines.push(`${withLabels(`${name}_sum`, key)} ${h.sum}`);
        lines.push(`${withLabels(`${name}_count`, key)} ${h.count}`);
      }
    }
    return lines.join("\n") + "\n";
  }
}

/** The metrics modus-edge records, with their help text. */
export const MODUS_METRICS = {
  modus_requests_total: "HTTP requests, by path and status",
  modus_request_duration_seconds: "HTTP request duration",
  modus_function_calls_total: "Function calls, by function and outcome",
  modus_function_duration_seconds: "Function call duration (instantiate to result)",
  modus_model_calls_total: "Model calls, by model and status",
  modus_model_duration_seconds: "Model call duration",
  modus_errors_total: "Errors returned to clients, by kind",
  modus_limits_total: "Function calls a limit stopped or trimmed, by limit (time, memory, logs)",
} as const;

export const createMetrics = (): Metrics => new Metrics(MODUS_METRICS);
