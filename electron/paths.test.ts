import { describe, expect, it } from 'vitest';
import { isInsideRoot, safeFileName } from './paths';

describe('isInsideRoot', () => {
  const root = '/data/exports';
  it.each(['/data/exports', '/data/exports/a.xlsx', '/data/exports/sub/b.csv', 'a.xlsx', 'sub/../a.xlsx'])('accepts %s', (p) => {
    expect(isInsideRoot(root, p)).toBe(true);
  });
  it.each(['/data/exports-evil/a.xlsx', '/data/export', '/data/exports/../secrets.txt', '../x', '/etc/passwd', '/data/exports/\0.xlsx', '..', 'sub/../../x'])(
    'rejects %s',
    (p) => {
      expect(isInsideRoot(root, p)).toBe(false);
    },
  );
  it('requires an absolute root', () => {
    expect(isInsideRoot('relative', 'relative/x')).toBe(false);
  });
});

describe('safeFileName', () => {
  it('keeps one plain segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc passwd');
    expect(safeFileName('Просрочки: ЖКХ 23.11.2026.xlsx')).toBe('Просрочки ЖКХ 23.11.2026.xlsx');
    expect(safeFileName('...')).toBe('export');
    expect(safeFileName('a\u0000b')).toBe('a b');
  });
});
