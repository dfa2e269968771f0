/**
 * The control list: every instruction, escalation and request, overdue first, then due soon, with
 * filters by state, kind and responsible body, and the counts by body beside it. «Просрочено» is
 * read at the app clock, so a record turns overdue on this screen as time passes.
 */
import { useMemo, useState } from 'react';
import { bandOf, countByBody, effectiveStatus, RECORD_KINDS, sortForControl, type ControlBand, type RecordKind } from '../../../shared/records';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { controlMessages, type ControlMessageKey } from './messages';
import { useControlRows, type ControlRow } from './queries';
import { useStatusLabel } from './use-write';

/** «Скоро срок»: due within three days. */
export const DUE_SOON_MS = 3 * 24 * 3_600_000;

type BandFilter = 'all-open' | ControlBand;
const BANDS: { value: BandFilter; label: ControlMessageKey }[] = [
  { value: 'all-open', label: 'bandAll' },
  { value: 'overdue', label: 'bandOverdue' },
  { value: 'due-soon', label: 'bandDueSoon' },
  { value: 'open', label: 'bandOpen' },
  { value: 'closed', label: 'bandClosed' },
];

export function ControlList() {
  const t = useT(controlMessages);
  const lang = useLang();
  const { timeZone } = useRegionPack();
  const now = useAppNow();
  const rows = useControlRows();
  const statusLabel = useStatusLabel();
  const [band, setBand] = useState<BandFilter>('all-open');
  const [kind, setKind] = useState<RecordKind | ''>('');
  const [body, setBody] = useState('');

  const sorted = useMemo(() => (rows ? sortForControl(rows, now, DUE_SOON_MS) : undefined), [rows, now]);
  const bodies = useMemo(() => [...new Set((rows ?? []).map((r) => r.responsibleBody.trim()))].sort((a, b) => a.localeCompare(b, 'ru')), [rows]);
  const shown = useMemo(
    () =>
      (sorted ?? []).filter((r) => {
        const b = bandOf(r, now, DUE_SOON_MS);
        if (band === 'all-open' ? b === 'closed' : b !== band) return false;
        if (kind && r.kind !== kind) return false;
        if (body && r.responsibleBody.trim() !== body) return false;
        return true;
      }),
    [sorted, now, band, kind, body],
  );
  const byBody = useMemo(() => (rows ? countByBody(rows.filter((r) => !kind || r.kind === kind), now, DUE_SOON_MS) : []), [rows, now, kind]);

  return (
    <div className="control__two">
      <Card
        title={t('listTitle')}
        ready={rows !== undefined}
        testId="control-list"
        actions={
          <div className="control__filters">
            <label className="field">
              <span>{t('filterBand')}</span>
              <select value={band} onChange={(e) => setBand(e.target.value as BandFilter)} data-testid="control-filter-band">
                {BANDS.map((b) => (
                  <option key={b.value} value={b.value}>
                    {t(b.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('filterKind')}</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as RecordKind | '')} data-testid="control-filter-kind">
                <option value="">{t('allKinds')}</option>
                {RECORD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind_${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('filterBody')}</span>
              <select value={body} onChange={(e) => setBody(e.target.value)} data-testid="control-filter-body">
                <option value="">{t('allBodies')}</option>
                {bodies.map((b) => (
                  <option key={b} value={b}>
                    {b || t('bodyUnknown')}
                  </option>
                ))}
              </select>
            </label>
          </div>
        }
      >
        {!sorted ? (
          <Skeleton height={28} lines={4} />
        ) : shown.length === 0 ? (
          <p className="empty-state__hint">{t('listEmpty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="control-table">
              <thead>
                <tr>
                  <th scope="col">{t('colKind')}</th>
                  <th scope="col">{t('colWhat')}</th>
                  <th scope="col">{t('colBody')}</th>
                  <th scope="col">{t('colDue')}</th>
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <Row key={r.id} row={r} band={bandOf(r, now, DUE_SOON_MS)} status={statusLabel(effectiveStatus(r.kind, r as never, now))} due={r.dueAt === null ? t('noDeadline') : formatDateTime(r.dueAt, timeZone, lang)} kindLabel={t(`kind_${r.kind}`)} bodyUnknown={t('bodyUnknown')} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t('byBodyTitle')} ready={rows !== undefined} testId="control-by-body">
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('colBody')}</th>
                <th scope="col" className="num">{t('colOpen')}</th>
                <th scope="col" className="num">{t('colOverdue')}</th>
                <th scope="col" className="num">{t('colDueSoon')}</th>
              </tr>
            </thead>
            <tbody>
              {byBody.map((c) => (
                <tr key={c.responsibleBody} data-testid="control-body-row" data-body={c.responsibleBody}>
                  <td>
                    <button type="button" className="control__link-button" onClick={() => setBody(c.responsibleBody)}>
                      {c.responsibleBody || t('bodyUnknown')}
                    </button>
                  </td>
                  <td className="num">{formatNumber(c.open, 0, lang)}</td>
                  <td className={c.overdue ? 'num control__tone-overdue' : 'num'} data-testid="control-body-overdue">
                    {formatNumber(c.overdue, 0, lang)}
                  </td>
                  <td className="num">{formatNumber(c.dueSoon, 0, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}

function Row({ row, band, status, due, kindLabel, bodyUnknown }: { row: ControlRow; band: ControlBand; status: string; due: string; kindLabel: string; bodyUnknown: string }) {
  return (
    <tr data-testid="control-row" data-kind={row.kind} data-band={band} data-id={row.id} className={`control__row--${band}`}>
      <td>{kindLabel}</td>
      <td className="control__what">
        <a href={row.href}>{row.title}</a>
        {row.subjectLabel ? <div className="control__muted">{row.subjectLabel}</div> : null}
      </td>
      <td>{row.responsibleBody || bodyUnknown}</td>
      <td className="tabular">{due}</td>
      <td data-testid="control-row-status">{status}</td>
    </tr>
  );
}
