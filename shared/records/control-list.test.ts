import { describe, expect, it } from 'vitest';
import { bandOf, countByBody, sortForControl, type ControlItem } from './control-list';

const H = 3_600_000;
const NOW = 1_000 * H;
const item = (id: string, body: string, dueAt: number | null, status = 'issued', kind: ControlItem['kind'] = 'instruction'): ControlItem =>
  ({ kind, id, title: id, responsibleBody: body, status, dueAt }) as ControlItem;

describe('control list', () => {
  const items = [
    item('a', 'Минтранс', NOW + 100 * H),
    item('b', 'Минздрав', NOW - 2 * H),
    item('c', 'Минтранс', NOW + 10 * H),
    item('d', 'Минтранс', NOW - 30 * H),
    item('e', 'Минздрав', NOW - 30 * H, 'done'),
    item('f', 'Минтранс', NOW - H, 'open', 'escalation'),
    item('g', 'Минстрой', null, 'open', 'info-request'),
  ];

  it('puts the most overdue first, then due soon, then the rest, closed last', () => {
    expect(sortForControl(items, NOW, 24 * H).map((i) => i.id)).toEqual(['d', 'b', 'f', 'c', 'a', 'g', 'e']);
    expect(bandOf(items[2]!, NOW, 24 * H)).toBe('due-soon');
  });

  it('counts open and overdue per body, by kind, leaving closed records out', () => {
    const counts = countByBody(items, NOW, 24 * H);
    expect(counts.map((c) => [c.responsibleBody, c.open, c.overdue, c.dueSoon])).toEqual([
      ['Минтранс', 4, 2, 1],
      ['Минздрав', 1, 1, 0],
      ['Минстрой', 1, 0, 0],
    ]);
    expect(counts[0]!.byKind.escalation).toEqual({ open: 1, overdue: 1 });
  });

  it('moves a record from due soon to overdue as the clock passes its deadline', () => {
    const r = item('x', 'Б', NOW);
    expect(bandOf(r, NOW, H)).toBe('due-soon');
    expect(bandOf(r, NOW + 1, H)).toBe('overdue');
  });
});
