/**
 * Fault injection for the local feed server: a queue of faults consumed one per changes request,
 * plus an optional seeded "chaos" mode with a hard budget, so a run always heals by itself.
 */
export const FAULT_KINDS = [
  'drop', // connection closed in the middle of the body
  'http-500',
  'http-502',
  'http-503',
  'http-401',
  'http-429', // with Retry-After
  'slow', // answers after `slowMs` (longer than a client's timeout)
  'malformed', // truncated JSON
  'invalid', // well-formed JSON, one item fails validation
  'duplicate', // the previous page again
  'regression', // a page from the beginning of the stream (server "went back in time")
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

export interface ChaosOptions {
  /** Chance that a request gets a fault, 0…1. */
  probability: number;
  /** Faults to choose from (default: all). */
  kinds?: readonly FaultKind[];
  /** Total faults chaos may inject; then it heals itself. */
  budget: number;
  seed?: number;
}

export class FaultPlan {
  private readonly queue: FaultKind[] = [];
  private chaos: (ChaosOptions & { kinds: readonly FaultKind[]; state: number }) | null = null;
  /** Faults injected so far, by kind. */
  readonly injected = new Map<FaultKind, number>();

  enqueue(kind: FaultKind, count = 1): void {
    for (let i = 0; i < Math.min(count, 1_000); i++) this.queue.push(kind);
  }

  setChaos(options: ChaosOptions | null): void {
    this.chaos = options
      ? { ...options, budget: Math.min(options.budget, 100_000), kinds: options.kinds?.length ? options.kinds : FAULT_KINDS, state: (options.seed ?? 1) >>> 0 || 1 }
      : null;
  }

  heal(): void {
    this.queue.length = 0;
    this.chaos = null;
  }

  get pending(): number {
    return this.queue.length + (this.chaos?.budget ?? 0);
  }

  /** The fault for the next request, or null. */
  next(): FaultKind | null {
    const queued = this.queue.shift();
    if (queued) return this.count(queued);
    const chaos = this.chaos;
    if (!chaos || chaos.budget <= 0) return null;
    if (this.random() >= chaos.probability) return null;
    chaos.budget -= 1;
    return this.count(chaos.kinds[Math.floor(this.random() * chaos.kinds.length)]!);
  }

  private count(kind: FaultKind): FaultKind {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
    return kind;
  }

  /** xorshift32: reproducible chaos for a given seed. */
  private random(): number {
    const chaos = this.chaos!;
    let x = chaos.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    chaos.state = x >>> 0;
    return chaos.state / 4294967296;
  }
}
