import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../shared/format/ru';
import { LOCAL_USER } from '../../db/audit-repo';
import { actionsOfKind, AUDIT_ACTIONS, AUDIT_KINDS, auditActionLabel, auditUserLabel, summarizeAudit, summaryLine } from './audit-actions';

const ROOT = join(__dirname, '../../..');
const SOURCE_DIRS = ['renderer', 'shared', 'electron'];
const TZ = 'Europe/Kirov';

/** Every `logAudit(db, <action>, …)` call in the app's sources (tests excluded), as written. */
function auditCallsInSources(): { file: string; action: string }[] {
  const calls: { file: string; action: string }[] = [];
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' });
    for (const file of files) {
      if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.includes('node_modules')) continue;
      const source = readFileSync(join(ROOT, dir, file), 'utf8');
      for (const match of source.matchAll(/\blogAudit\(\s*([^,()]+(?:\([^()]*\))?)\s*,\s*([^,)]+)/g)) {
        if (/function\s+logAudit\($/.test(source.slice(Math.max(0, match.index - 30), match.index + 9))) continue;
        calls.push({ file: relative(ROOT, join(ROOT, dir, file)), action: (match[2] ?? '').trim() });
      }
    }
  }
  return calls;
}

/** A literal action as a pattern: `export:${kind}` matches every `export:…`. */
function actionPattern(literal: string): RegExp | null {
  const m = /^(['"`])(.*)\1$/s.exec(literal);
  if (!m) return null;
  const escaped = (m[2] ?? '').split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+')}$`);
}

describe('audit action labels', () => {
  const calls = auditCallsInSources();

  it('finds the audit calls of the app (the scan itself works)', () => {
    const files = new Set(calls.map((c) => c.file));
    expect(files.has('renderer/features/appeal-card/queries.ts')).toBe(true);
    expect(files.has('renderer/db/cur-records-repo.ts')).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(17);
  });

  it('every action written anywhere is a literal with a Russian and English label', () => {
    const unlabelled = calls.filter(({ action }) => {
      const pattern = actionPattern(action);
      // A computed name cannot be checked: write the action as a literal so it gets a label.
      if (!pattern) return true;
      return !Object.keys(AUDIT_ACTIONS).some((known) => pattern.test(known));
    });
    expect(unlabelled).toEqual([]);
  });

  it('covers each value of a template action', () => {
    expect(auditActionLabel('export:escalations', 'ru')).toBe('Экспорт эскалаций');
    expect(auditActionLabel('export:info-requests', 'en')).toBe('Information requests export');
  });

  it('labels differ per language and by action', () => {
    for (const [action, info] of Object.entries(AUDIT_ACTIONS)) {
      expect(auditActionLabel(action, 'ru')).toBe(info.ru);
      expect(auditActionLabel(action, 'en')).toBe(info.en);
      expect(info.ru).toMatch(/[А-Яа-яЁё]/);
    }
    expect(new Set(Object.values(AUDIT_ACTIONS).map((i) => i.ru)).size).toBe(Object.keys(AUDIT_ACTIONS).length);
  });

  it('shows an unknown action by its raw name', () => {
    expect(auditActionLabel('something.new', 'ru')).toBe('something.new');
    expect(summarizeAudit({ action: 'something.new', details: { secret: 'x' } }, 'ru', TZ)).toEqual({ text: '', appealId: null });
  });

  it('puts every known action in exactly one non-empty kind', () => {
    const all = AUDIT_KINDS.flatMap((k) => actionsOfKind(k));
    expect(all.sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
    for (const kind of AUDIT_KINDS) expect(actionsOfKind(kind).length).toBeGreaterThan(0);
    expect(actionsOfKind('personal-data')).toEqual(['appeal.personal-data.show']);
  });

  it('names the local operator', () => {
    expect(auditUserLabel(LOCAL_USER, 'ru')).toBe('Оператор');
    expect(auditUserLabel('ivanova', 'ru')).toBe('ivanova');
  });
});

describe('summarizeAudit', () => {
  it('says format, rows and whether personal data was unmasked for an export', () => {
    const details = { format: 'xlsx', rows: 12345, fileName: 'r.xlsx', filter: { q: 'Иванов' }, personalData: 'shown' };
    expect(summarizeAudit({ action: 'registry.export', details }, 'ru', TZ).text).toBe(`XLSX, ${formatNumber(12345)} строк, персональные данные показаны`);
    expect(summarizeAudit({ action: 'registry.export', details: { ...details, personalData: 'masked' } }, 'en', TZ).text).toBe(
      'XLSX, 12,345 rows, personal data masked',
    );
    // The filter's search text may name a person: it is not part of the summary.
    expect(summarizeAudit({ action: 'registry.export', details }, 'ru', TZ).text).not.toContain('Иванов');
    expect(summarizeAudit({ action: 'export:escalations', details: { format: 'csv', rows: 3, filter: {} } }, 'ru', TZ).text).toBe('CSV, 3 строки');
  });

  it('links an escalation to its appeal and shows status changes by name', () => {
    const created = summarizeAudit(
      { action: 'escalation:create', details: { escalationId: 'esc-1', appealId: 'pos-77', reason: 'overdue', assignee: 'Петров', by: 'Смена 2' } },
      'ru',
      TZ,
    );
    expect(created).toEqual({ text: 'ответственный: Петров, кто: Смена 2', appealId: 'pos-77' });
    expect(summaryLine(created, 'ru')).toBe('обращение pos-77, ответственный: Петров, кто: Смена 2');
    const status = summarizeAudit({ action: 'info-request:status', details: { appealId: 'a1', from: 'open', to: 'answered', by: 'Оля' } }, 'ru', TZ);
    expect(status.text).toBe('открыто → отвечено, кто: Оля');
  });

  it('shows the appeal of a personal-data access, never the data', () => {
    expect(summarizeAudit({ action: 'appeal.personal-data.show', details: { appealId: 'pos-1' } }, 'ru', TZ)).toEqual({ text: '', appealId: 'pos-1' });
  });

  it('sums up an import without the rejected rows it carries', () => {
    const details = {
      fileName: 'выгрузка.xlsx',
      rowsRead: 1500,
      created: 1000,
      changed: 400,
      unchanged: 90,
      rejectedCount: 10,
      rejected: [{ row: 3, message: 'Телефон +7 912 000-00-00 не распознан' }],
    };
    const text = summarizeAudit({ action: 'import', details }, 'ru', TZ).text;
    expect(text).toBe(`файл: выгрузка.xlsx, прочитано: ${formatNumber(1500)}, новых: ${formatNumber(1000)}, изменено: 400, отклонено: 10`);
    expect(text).not.toContain('912');
  });

  it('formats an instant in the region time zone', () => {
    const dueAt = Date.UTC(2026, 10, 25, 9, 30);
    const text = summarizeAudit({ action: 'info-request:create', details: { appealId: 'x', body: 'Минстрой', dueAt, by: 'Оля' } }, 'ru', TZ).text;
    expect(text).toBe('орган: Минстрой, срок: 25.11.2026 12:30, кто: Оля');
  });

  it('ignores details of the wrong type and shortens long text', () => {
    const hostile = { fileName: { toString: () => '<img src=x onerror=alert(1)>' }, rowsRead: 'many', reason: 'x'.repeat(500) };
    expect(summarizeAudit({ action: 'import', details: hostile }, 'ru', TZ).text).toBe('');
    const failed = summarizeAudit({ action: 'import-failed', details: hostile }, 'ru', TZ).text;
    expect(failed.length).toBeLessThan(100);
    expect(failed.endsWith('…')).toBe(true);
    expect(summarizeAudit({ action: 'escalation:create', details: { appealId: 42 } } as never, 'ru', TZ).appealId).toBe('42');
    expect(summarizeAudit({ action: 'escalation:create', details: null } as never, 'ru', TZ)).toEqual({ text: '', appealId: null });
  });

  it('describes feeds, resyncs and the wall', () => {
    expect(summarizeAudit({ action: 'sync.feed.save', details: { id: 'pos', baseUrl: 'https://feed.local', enabled: false } }, 'ru', TZ).text).toBe(
      'источник: pos, адрес: https://feed.local, выключен',
    );
    expect(summarizeAudit({ action: 'sync.full-resync-removed', details: { sourceId: 'pos', removed: 7 } }, 'en', TZ).text).toBe('feed: pos, records removed: 7');
    expect(summarizeAudit({ action: 'wall:boundaries-imported', details: { packId: 'kirov', fileName: 'b.geojson', units: 39 } }, 'ru', TZ).text).toBe(
      'файл: b.geojson, 39 территорий',
    );
    expect(summarizeAudit({ action: 'audit.export', details: { format: 'csv', rows: 1 } }, 'en', TZ).text).toBe('CSV, 1 row');
    expect(summarizeAudit({ action: 'wall:playlist-started', details: { playlistId: 'p1', name: 'Утро' } }, 'ru', TZ).text).toBe('плейлист: Утро');
  });
});
