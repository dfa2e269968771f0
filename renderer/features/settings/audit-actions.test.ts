import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_PATTERN, LEGACY_AUDIT_ACTIONS, type AuditAction, type AuditEvent } from '../../../shared/audit/events';
import { formatNumber } from '../../../shared/format/ru';
import { LOCAL_USER, logAudit } from '../../db/audit-repo';
import { actionsOfKind, AUDIT_ACTIONS, AUDIT_KINDS, auditActionLabel, auditUserLabel, summarizeAudit, summaryLine } from './audit-actions';

const TZ = 'Europe/Kirov';

describe('audit action labels', () => {
  it('names every action domain.verb', () => {
    for (const action of Object.keys(AUDIT_ACTIONS)) expect(action).toMatch(AUDIT_ACTION_PATTERN);
    expect('export:escalations').not.toMatch(AUDIT_ACTION_PATTERN);
    expect('import').not.toMatch(AUDIT_ACTION_PATTERN);
  });

  it('maps every legacy name to a labelled action', () => {
    for (const next of Object.values(LEGACY_AUDIT_ACTIONS)) expect(Object.keys(AUDIT_ACTIONS)).toContain(next);
    expect(LEGACY_AUDIT_ACTIONS['export:info-requests']).toBe('info-request.export');
  });

  it('accepts only typed events (checked by the compiler)', () => {
    const event: AuditEvent = { action: 'feed.remove', details: { id: 'pos' } };
    // @ts-expect-error an action outside the union
    const unknownAction: AuditEvent = { action: 'export:escalations', details: {} };
    // @ts-expect-error details of another action
    const wrongDetails: AuditEvent = { action: 'feed.remove', details: { sourceId: 'pos' } };
    // @ts-expect-error the untyped (action, details) call is gone
    const untyped = () => logAudit(null as never, 'registry.export', {});
    // @ts-expect-error a label table missing an action fails the exhaustive check
    const missing: Record<AuditAction, string> = { 'registry.export': 'x' };
    expect([event, unknownAction, wrongDetails, untyped, missing]).toHaveLength(5);
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
    expect(actionsOfKind('personal-data')).toEqual(['personal-data.reveal', 'personal-data.export-reveal', 'personal-data.texts-policy']);
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
    expect(summarizeAudit({ action: 'escalation.export', details: { format: 'csv', rows: 3, filter: {} } }, 'ru', TZ).text).toBe('CSV, 3 строки');
  });

  it('links an escalation to its appeal and shows status changes by name', () => {
    const created = summarizeAudit(
      { action: 'escalation.create', details: { escalationId: 'esc-1', appealId: 'pos-77', reason: 'overdue', assignee: 'Петров', by: 'Смена 2' } },
      'ru',
      TZ,
    );
    expect(created).toEqual({ text: 'ответственный: Петров, кто: Смена 2', appealId: 'pos-77' });
    expect(summaryLine(created, 'ru')).toBe('обращение pos-77, ответственный: Петров, кто: Смена 2');
    const status = summarizeAudit({ action: 'info-request.set-status', details: { appealId: 'a1', from: 'open', to: 'answered', by: 'Оля' } }, 'ru', TZ);
    expect(status.text).toBe('открыто → отвечено, кто: Оля');
  });

  it('shows the appeal of a personal-data access, never the data', () => {
    expect(summarizeAudit({ action: 'personal-data.reveal', details: { appealId: 'pos-1' } }, 'ru', TZ)).toEqual({ text: '', appealId: 'pos-1' });
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
    const text = summarizeAudit({ action: 'import.complete', details }, 'ru', TZ).text;
    expect(text).toBe(`файл: выгрузка.xlsx, прочитано: ${formatNumber(1500)}, новых: ${formatNumber(1000)}, изменено: 400, отклонено: 10`);
    expect(text).not.toContain('912');
  });

  it('gives the reason of a refused import in the language of the reader', () => {
    const details = { fileName: 'b.xlsx', reason: { kind: 'missing-columns', params: { columns: ['Номер'] } }, startedAt: 0 };
    expect(summarizeAudit({ action: 'import.fail', details }, 'ru', TZ).text).toBe('файл: b.xlsx, причина: Нет обязательных столбцов: «Номер».');
    expect(summarizeAudit({ action: 'import.fail', details }, 'en', TZ).text).toBe('file: b.xlsx, reason: Required columns are missing: «Номер».');
    // A reason stored as a sentence before message kinds reads as written.
    expect(summarizeAudit({ action: 'import.fail', details: { fileName: 'c.csv', reason: 'Файл пустой.' } }, 'en', TZ).text).toBe('file: c.csv, reason: Файл пустой.');
  });

  it('formats an instant in the region time zone', () => {
    const dueAt = Date.UTC(2026, 10, 25, 9, 30);
    const text = summarizeAudit({ action: 'info-request.create', details: { appealId: 'x', body: 'Минстрой', dueAt, by: 'Оля' } }, 'ru', TZ).text;
    expect(text).toBe('орган: Минстрой, срок: 25.11.2026 12:30, кто: Оля');
  });

  it('ignores details of the wrong type and shortens long text', () => {
    const hostile = { fileName: { toString: () => '<img src=x onerror=alert(1)>' }, rowsRead: 'many', reason: 'x'.repeat(500) };
    expect(summarizeAudit({ action: 'import.complete', details: hostile }, 'ru', TZ).text).toBe('');
    const failed = summarizeAudit({ action: 'import.fail', details: hostile }, 'ru', TZ).text;
    expect(failed.length).toBeLessThan(100);
    expect(failed.endsWith('…')).toBe(true);
    expect(summarizeAudit({ action: 'escalation.create', details: { appealId: 42 } } as never, 'ru', TZ).appealId).toBe('42');
    expect(summarizeAudit({ action: 'escalation.create', details: null } as never, 'ru', TZ)).toEqual({ text: '', appealId: null });
  });

  it('describes feeds, resyncs and the wall', () => {
    expect(summarizeAudit({ action: 'feed.save', details: { id: 'pos', baseUrl: 'https://feed.local', enabled: false } }, 'ru', TZ).text).toBe(
      'источник: pos, адрес: https://feed.local, выключен',
    );
    expect(summarizeAudit({ action: 'sync.prune', details: { sourceId: 'pos', removed: 7 } }, 'en', TZ).text).toBe('feed: pos, records removed: 7');
    expect(summarizeAudit({ action: 'boundaries.import', details: { packId: 'kirov', fileName: 'b.geojson', units: 39 } }, 'ru', TZ).text).toBe(
      'файл: b.geojson, 39 территорий',
    );
    expect(summarizeAudit({ action: 'audit.export', details: { format: 'csv', rows: 1 } }, 'en', TZ).text).toBe('CSV, 1 row');
    expect(summarizeAudit({ action: 'playlist.start', details: { playlistId: 'p1', name: 'Утро' } }, 'ru', TZ).text).toBe('плейлист: Утро');
  });
});
