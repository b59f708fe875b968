/**
 * A small Prometheus registry: counters and histograms with labels, rendered in the text
 * exposition format (version 0.0.4). Hand-written because the common client library
 * depends on Node's process and cluster APIs, which the edge runtime does not have.
 */

type Labels = Record<string, string>;

const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());

export class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = keyOf(labels);
    const entry = this.#values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.#values.set(key, entry);
  }

  get(labels: Labels = {}): number {
    return this.#values.get(keyOf(labels))?.value ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const { labels, value } of this.#values.values())
      lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Gauge {
  readonly #read: () => Array<{ labels: Labels; value: number }>;

  constructor(
    readonly name: string,
    readonly help: string,
    read: () => Array<{ labels: Labels; value: number }>,
  ) {
    this.#read = read;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`];
    for (const { labels, value } of this.#read())
      lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines.join('\n');
  }
}

export class Histogram {
  readonly #series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.#series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, s);
    }
    this.buckets.forEach((b, i) => {
      if (value <= b) s.counts[i]! += 1;
    });
    s.sum += value;
    s.count += 1;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.#series.values()) {
      this.buckets.forEach((b, i) =>
        lines.push(`${this.name}_bucket${labelText(s.labels, ['le', String(b)])} ${s.counts[i]}`),
      );
      lines.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/** Every metric ERP Lens exports, in one place so names stay consistent. */
export class Metrics {
  readonly lookupSeconds = new Histogram(
    'erp_lens_lookup_duration_seconds',
    'Time to answer a lookup, measured at the server.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5],
  );
  readonly cacheRequests = new Counter(
    'erp_lens_cache_requests_total',
    'Cache asks by data kind and result (hit, stale, miss).',
  );
  readonly erpCalls = new Counter(
    'erp_lens_erp_calls_total',
    'Calls to the ERP adapter by operation.',
  );
  readonly erpErrors = new Counter(
    'erp_lens_erp_errors_total',
    'Failed calls to the ERP adapter by operation and error.',
  );
  readonly erpSeconds = new Histogram(
    'erp_lens_erp_call_duration_seconds',
    'Duration of calls to the ERP adapter by operation.',
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
  );
  readonly answerMemo = new Counter(
    'erp_lens_answer_memo_total',
    'Whole deal answers served from memory (hit) or composed (miss).',
  );
  readonly conversions = new Counter(
    'erp_lens_conversions_total',
    'Conversion runs by outcome (done, retrying, failed, dead) and error code.',
  );
  readonly conversionRetries = new Counter(
    'erp_lens_conversion_retries_total',
    'Conversion attempts scheduled after a transient failure.',
  );
  readonly conversionSeconds = new Histogram(
    'erp_lens_conversion_duration_seconds',
    'Time one conversion run took, by outcome.',
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  readonly #gauges: Gauge[] = [];

  gauge(name: string, help: string, read: () => Array<{ labels: Labels; value: number }>): void {
    this.#gauges.push(new Gauge(name, help, read));
  }

  render(): string {
    const all = [
      this.lookupSeconds,
      this.cacheRequests,
      this.answerMemo,
      this.erpCalls,
      this.erpErrors,
      this.erpSeconds,
      this.conversions,
      this.conversionRetries,
      this.conversionSeconds,
      ...this.#gauges,
    ];
    return `${all.map((m) => m.render()).join('\n')}\n`;
  }
}
