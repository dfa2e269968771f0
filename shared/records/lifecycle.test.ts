import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canMove, effectiveStatus, INSTRUCTION_STATUSES, isDueSoonAt, isOverdueAt, LIFECYCLE, nextStatuses, RECORD_KINDS, type InstructionStatus } from './lifecycle';

describe('record lifecycle', () => {
  it.each([
    ['issued', 'in-progress', true],
    ['issued', 'done', true],
    ['issued', 'withdrawn', true],
    ['in-progress', 'done', true],
    ['in-progress', 'withdrawn', true],
    ['in-progress', 'issued', false],
    ['done', 'in-progress', true],
    ['done', 'withdrawn', false],
    ['withdrawn', 'issued', false],
    ['withdrawn', 'in-progress', false],
    ['issued', 'issued', false],
  ] as const)('an instruction %s → %s is allowed: %s', (from, to, allowed) => {
    expect(canMove('instruction', from, to)).toBe(allowed);
  });

  it.each([
    ['escalation', 'open', 'in-progress', true],
    ['escalation', 'open', 'resolved', true],
    ['escalation', 'resolved', 'open', false],
    ['info-request', 'open', 'answered', true],
    ['info-request', 'answered', 'cancelled', false],
  ] as const)('%s %s → %s is allowed: %s', (kind, from, to, allowed) => {
    expect(canMove(kind, from as never, to as never)).toBe(allowed);
  });

  it('every move of every kind goes to a status of that kind, and never to itself', () => {
    for (const kind of RECORD_KINDS) {
      const rules = LIFECYCLE[kind];
      for (const from of rules.statuses) {
        for (const to of nextStatuses(kind, from as never)) {
          expect(rules.statuses).toContain(to);
          expect(to).not.toBe(from);
        }
      }
    }
  });

  const DUE = Date.UTC(2026, 11, 10, 20, 59, 59, 999);
  it.each([
    ['issued', DUE, false],
    ['issued', DUE + 1, true],
    ['in-progress', DUE + 86_400_000, true],
    ['done', DUE + 86_400_000, false],
    ['withdrawn', DUE + 86_400_000, false],
  ] as const)('an instruction %s read at %d is overdue: %s', (status, now, overdue) => {
    expect(isOverdueAt('instruction', { status, dueAt: DUE }, now)).toBe(overdue);
    expect(effectiveStatus('instruction', { status, dueAt: DUE }, now)).toBe(overdue ? 'overdue' : status);
  });

  it('a record without a deadline is never overdue nor due soon', () => {
    expect(isOverdueAt('info-request', { status: 'open', dueAt: null }, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(isDueSoonAt('info-request', { status: 'open', dueAt: null }, 0, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('as the clock moves, an open record turns overdue exactly once, after its deadline, and stays so', () => {
    const status = fc.constantFrom<InstructionStatus>(...INSTRUCTION_STATUSES);
    fc.assert(
      fc.property(status, fc.integer({ min: 0, max: 2e12 }), fc.array(fc.integer({ min: 0, max: 4e12 }), { minLength: 2, maxLength: 30 }), (s, dueAt, times) => {
        const sorted = [...times].sort((a, b) => a - b);
        const flags = sorted.map((t) => isOverdueAt('instruction', { status: s, dueAt }, t));
        const open = s === 'issued' || s === 'in-progress';
        sorted.forEach((t, i) => expect(flags[i]).toBe(open && t > dueAt));
        // Monotonic: no return from overdue while the status stays.
        for (let i = 1; i < flags.length; i += 1) if (flags[i - 1]) expect(flags[i]).toBe(true);
      }),
    );
  });

  it('due soon and overdue never hold together', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e10 }), (dueAt, now, windowMs) => {
        const r = { status: 'issued' as const, dueAt };
        expect(isOverdueAt('instruction', r, now) && isDueSoonAt('instruction', r, now, windowMs)).toBe(false);
      }),
    );
  });
});
