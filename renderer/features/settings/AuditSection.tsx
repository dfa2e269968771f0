/**
 * «Журнал действий»: the audit log, newest first, a hundred entries at a time, live (a new entry
 * appears at the top as it is written). Details come from other features and from files and
 * feeds, so they are untrusted: every value is rendered as a React text node.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { now } from '../../runtime/clock';
import { presetPeriod } from '../../app/period';
import { useRegionPack } from '../../app/region';
import { appealHref } from '../../app/registry-filter';
import { getDb } from '../../db/db';
import type { AuditRow } from '../../db/schema';
import { useLang, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { SettingsSection } from '../../ui/SettingsSection';
import { Table, type TableColumn } from '../../ui/Table';
import { Skeleton } from '../../ui/Skeleton';
import { auditActionLabel, auditUserLabel, summarizeAudit } from './audit-actions';
import { exportAuditLog } from './audit-export';
import { auditQueryOf, filterDays, type AuditFilter } from './audit-filter';
import { auditMessages } from './audit-messages';
import { AuditChainStatus } from './AuditChainStatus';
import { AuditFilterBar } from './AuditFilterBar';
import { readAuditPages } from './queries';
import './audit-log.css';

export function AuditSection() {
  const t = useT(auditMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const [filter, setFilter] = useState<AuditFilter>(() => ({ kind: 'all', period: 'all', custom: presetPeriod('last30', now(), timeZone) }));
  const [pages, setPages] = useState(1);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  // Presets are relative to today: computed per filter change, which is when the operator looks.
  const query = useMemo(() => auditQueryOf(filter, now(), timeZone), [filter, timeZone]);
  // useLiveQuery keeps the last answer on screen while a new filter's query runs: the answer carries
  // what it was asked for, so the log is «ready» (and not busy) only once it shows the filter chosen.
  const result = useLiveQuery(async () => ({ query, pages, ...(await readAuditPages(getDb(), query, pages)) }), [query, pages]);
  const current = result !== undefined && result.query === query && result.pages === pages;

  const changeFilter = (next: AuditFilter) => {
    setFilter(next);
    setPages(1);
    setNote(null);
  };
  const saveCsv = async () => {
    setExporting(true);
    setNote(null);
    try {
      const days = filterDays(filter, now(), timeZone);
      const rows = await exportAuditLog(getDb(), {
        query,
        filter: { kind: filter.kind, from: days?.from ?? null, to: days?.to ?? null },
        lang,
        timeZone,
      });
      if (rows !== null) setNote({ text: t('exported', { count: formatNumber(rows) }), error: false });
    } catch (error) {
      setNote({ text: t('exportFailed', { reason: error instanceof Error ? error.message : String(error) }), error: true });
    } finally {
      setExporting(false);
    }
  };

  return (
    <SettingsSection title={t('title')} description={t('hint')} testId="settings-audit">
      <AuditChainStatus timeZone={timeZone} />
      <div className="audit-log__toolbar">
        <AuditFilterBar filter={filter} onChange={changeFilter} />
        <Button size="small" onClick={() => void saveCsv()} disabled={exporting || !result?.rows.length} data-testid="audit-export">
          {exporting ? t('exporting') : t('exportCsv')}
        </Button>
      </div>
      {note ? (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'sync-state--error' : 'card__subtitle'}>
          {note.text}
        </p>
      ) : null}
      <div className="audit-log" data-testid="audit-log" data-ready={String(current)} aria-busy={!current}>
        {!result ? (
          <Skeleton height={28} lines={3} />
        ) : result.rows.length === 0 ? (
          <p className="empty-state__hint">{t('empty')}</p>
        ) : (
          <div className="audit-log__table">
            <AuditTable rows={result.rows} timeZone={timeZone} />
          </div>
        )}
        {result && result.rows.length > 0 ? (
          <div className="audit-log__footer">
            <span className="card__subtitle">{t('shown', { count: formatNumber(result.rows.length) })}</span>
            {result.hasMore ? (
              <Button size="small" onClick={() => setPages((p) => p + 1)} data-testid="audit-more">
                {t('more')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
    </SettingsSection>
  );
}

function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const t = useT(auditMessages);
  const lang = useLang();
  const columns: TableColumn<AuditRow>[] = [
    { key: 'at', header: t('colAt'), cell: (row) => <span className="audit-log__at">{formatDateTime(row.at, timeZone, lang)}</span> },
    { key: 'user', header: t('colUser'), cell: (row) => auditUserLabel(row.user, lang) },
    { key: 'action', header: t('colAction'), cell: (row) => <span data-testid="audit-action">{auditActionLabel(row.action, lang)}</span> },
    { key: 'details', header: t('colDetails'), cell: (row) => <AuditDetails row={row} timeZone={timeZone} /> },
  ];
  return (
    <Table
      columns={columns}
      rows={rows}
      rowKey={(row) => String(row.id)}
      testId="audit-table"
      rowData={(row) => ({ 'data-testid': 'audit-row', 'data-action': row.action })}
    />
  );
}

function AuditDetails({ row, timeZone }: { row: AuditRow; timeZone: string }) {
  const t = useT(auditMessages);
  const lang = useLang();
  const summary = summarizeAudit(row, lang, timeZone);
  return (
    <span data-testid="audit-details">
      {summary.appealId ? (
        <>
          {t('appeal')}{' '}
          <a href={appealHref(summary.appealId)} data-testid="audit-appeal">
            {summary.appealId}
          </a>
          {summary.text ? ', ' : null}
        </>
      ) : null}
      {summary.text || (summary.appealId ? null : '—')}
    </span>
  );
}
