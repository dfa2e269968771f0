/**
 * Domain core throughput in the page: deadline computation and classification run for every
 * imported, simulated or synced record, and the reference measures over a large list. Targets are
 * lower bounds in records per second; nothing is asserted.
 */
import { workCalendar } from '../../shared/domain/calendar';
import { classifyAt } from '../../shared/domain/classify';
import { computeDeadline, type DeadlineInput } from '../../shared/domain/deadline';
import { DEFAULT_DEADLINE_RULES } from '../../shared/domain/deadline-rules';
import { computeMeasures } from '../support/reference-measures';
import { makeAppeal } from '../support/domain-appeal';
import type { Appeal } from '../../shared/domain/appeal';
import type { BenchContext, BenchModule, BenchResult } from './harness-types';

const TZ = 'Europe/Moscow';
const NOW = Date.UTC(2025, 10, 18, 6);
const DAY = 86_400_000;
const SOURCES = ['pos', 'im', 'letter59'] as const;
const IMPORTANCE = ['high', 'normal', 'private'] as const;

function inputAt(i: number): DeadlineInput {
  const h = (i * 2654435761) >>> 0;
  const source = SOURCES[h % 3]!;
  return {
    source,
    regime: source === 'letter59' ? 'fz59' : 'message',
    importance: source === 'im' ? IMPORTANCE[(h >>> 2) % 3]! : null,
    category: 'Водоснабжение',
    receivedAt: NOW - (h % 365) * DAY - (h % 86_400) * 1000,
  };
}

function rate(count: number, ms: number): number {
  return Math.round(count / (Math.max(ms, 0.001) / 1000));
}

async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const n = Math.min(ctx.scale, 200_000);
  const inputs = Array.from({ length: n }, (_, i) => inputAt(i));

  let started = performance.now();
  const appeals: Appeal[] = inputs.map((input, i) =>
    makeAppeal({
      source: input.source,
      externalId: String(i),
      regime: input.regime,
      importance: input.importance ?? null,
      receivedAt: input.receivedAt,
      deadline: computeDeadline(input, DEFAULT_DEADLINE_RULES, workCalendar, TZ),
      answeredAt: i % 3 === 0 ? null : input.receivedAt + ((i % 20) + 1) * DAY,
      status: i % 3 === 0 ? 'assigned' : 'answered',
      rating: i % 5 === 0 ? (i % 5) + 1 : null,
    }),
  );
  const deadlineMs = performance.now() - started;
  ctx.log(`domain: ${n} deadlines in ${deadlineMs.toFixed(0)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 0));

  started = performance.now();
  let overdue = 0;
  for (const a of appeals) if (classifyAt(a, NOW, workCalendar, TZ).state === 'overdue') overdue += 1;
  const classifyMs = performance.now() - started;
  ctx.log(`domain: ${n} classified (${overdue} overdue) in ${classifyMs.toFixed(0)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 0));

  started = performance.now();
  const measures = computeMeasures(appeals, { from: '2024-11-18', to: '2025-11-18', now: NOW, timeZone: TZ, calendar: workCalendar });
  const measuresMs = performance.now() - started;
  ctx.log(`domain: reference measures over ${measures.received} appeals in ${measuresMs.toFixed(0)} ms`);

  return [
    { name: `domain: computeDeadline (${n} mixed ПОС/ИМ/59-ФЗ records)`, value: rate(n, deadlineMs), unit: 'records/s', target: 100_000 },
    { name: `domain: classifyAt (${n} records)`, value: rate(n, classifyMs), unit: 'records/s', target: 300_000 },
    { name: `domain: computeMeasures reference (${n} records, one year)`, value: rate(n, measuresMs), unit: 'records/s', target: null },
  ];
}

const bench: BenchModule = { title: 'Domain core: deadlines, classification, reference measures', run };
export default bench;
