/**
 * Prometheus text exposition (format 0.0.4) of the server's own figures: requests, latency,
 * feed pages served, intake runs, the database pool. Hand-written because it is a few counters and
 * one histogram; label values are escaped as the format requires.
 */
import type { PoolStats } from '../db/database';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labels(pairs: Record<string, string>): string {
  const entries = Object.entries(pairs);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
}

class Counter {
  private readonly values = new Map<string, { labels: Record<string, string>; value: number }>();
  inc(pairs: Record<string, string>, by = 1): void {
    const key = JSON.stringify(pairs);
    const entry = this.values.get(key) ?? { labels: pairs, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }
  lines(name: string): string[] {
    return [...this.values.values()].map((e) => `${name}${labels(e.labels)} ${e.value}`);
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Record<string, string>; counts: number[]; sum: number; count: number }>();
  observe(pairs: Record<string, string>, seconds: number): void {
    const key = JSON.stringify(pairs);
    const entry = this.series.get(key) ?? { labels: pairs, counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) entry.counts[i]!++;
    });
    entry.sum += seconds;
    entry.count++;
    this.series.set(key, entry);
  }
  lines(name: string): string[] {
    const out: string[] = [];
    for (const e of this.series.values()) {
      LATENCY_BUCKETS.forEach((bound, i) => out.push(`${name}_bucket${labels({ ...e.labels, le: String(bound) })} ${e.counts[i]}`));
      out.push(`${name}_bucket${labels({ ...e.labels, le: '+Inf' })} ${e.count}`);
      out.push(`${name}_sum${labels(e.labels)} ${e.sum}`);
      out.push(`${name}_count${labels(e.labels)} ${e.count}`);
    }
    return out;
  }
}

export class ServerMetrics {
  readonly requests = new Counter();
  readonly latency = new Histogram();
  readonly pagesServed = new Counter();
  readonly itemsServed = new Counter();
  readonly intakeRuns = new Counter();
  readonly intakeRows = new Counter();
  readonly recordPushes = new Counter();
  /** Change notices answered (long polls), by whether something had changed. */
  readonly notices = new Counter();

  constructor(private readonly pool: () => PoolStats) {}

  /** `route` is the route pattern (never the raw URL, which would explode the label space). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ route }, seconds);
  }

  render(): string {
    const pool = this.pool();
    const memory = process.memoryUsage();
    const blocks: [string, string, string, string[]][] = [
      ['cur_http_requests_total', 'counter', 'HTTP requests by route and status.', this.requests.lines('cur_http_requests_total')],
      ['cur_http_request_duration_seconds', 'histogram', 'HTTP request latency by route.', this.latency.lines('cur_http_request_duration_seconds')],
      ['cur_feed_pages_served_total', 'counter', 'cur-feed pages served (feed and shared records).', this.pagesServed.lines('cur_feed_pages_served_total')],
      ['cur_feed_items_served_total', 'counter', 'Items in the pages served.', this.itemsServed.lines('cur_feed_items_served_total')],
      ['cur_intake_runs_total', 'counter', 'Intake runs by kind and outcome.', this.intakeRuns.lines('cur_intake_runs_total')],
      ['cur_intake_rows_total', 'counter', 'Rows taken in by kind and result.', this.intakeRows.lines('cur_intake_rows_total')],
      ['cur_record_pushes_total', 'counter', 'Shared record pushes by result.', this.recordPushes.lines('cur_record_pushes_total')],
      ['cur_change_notices_total', 'counter', 'Change notices answered to waiting workstations, by outcome.', this.notices.lines('cur_change_notices_total')],
      ['cur_db_pool_connections', 'gauge', 'Database connections by state.', [`cur_db_pool_connections{state="total"} ${pool.total}`, `cur_db_pool_connections{state="idle"} ${pool.idle}`]],
      ['cur_db_pool_waiting', 'gauge', 'Queries waiting for a database connection.', [`cur_db_pool_waiting ${pool.waiting}`]],
      ['cur_process_resident_memory_bytes', 'gauge', 'Resident set size of the server process.', [`cur_process_resident_memory_bytes ${memory.rss}`]],
    ];
    const out: string[] = [];
    for (const [name, type, help, lines] of blocks) {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines);
    }
    return `${out.join('\n')}\n`;
  }
}
