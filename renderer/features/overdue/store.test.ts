import { describe, expect, it } from 'vitest';
import { INITIAL_OVERDUE_VIEW, currentCursor, nextPage, previousPage, showList } from './store';

describe('overdue view transitions', () => {
  it('pages forward by cursor and back to the previous start', () => {
    const a = nextPage(INITIAL_OVERDUE_VIEW, { dueAt: 10, id: 'x' });
    const b = nextPage(a, { dueAt: 20, id: 'y' });
    expect(currentCursor(b)).toEqual({ dueAt: 20, id: 'y' });
    expect(currentCursor(previousPage(b))).toEqual({ dueAt: 10, id: 'x' });
    expect(currentCursor(previousPage(previousPage(b)))).toBeNull();
    expect(previousPage(INITIAL_OVERDUE_VIEW)).toBe(INITIAL_OVERDUE_VIEW);
    expect(nextPage(a, null)).toBe(a);
  });

  it('switching lists starts at the first page and keeps a bucket only for overdue', () => {
    const paged = nextPage(INITIAL_OVERDUE_VIEW, { dueAt: 10, id: 'x' });
    const risk = showList(paged, 'at-risk-24h', '4-7');
    expect(risk).toMatchObject({ kind: 'at-risk-24h', bucket: null, cursors: [null] });
    expect(showList(paged, 'overdue', '8-30')).toMatchObject({ kind: 'overdue', bucket: '8-30', cursors: [null] });
  });
});
