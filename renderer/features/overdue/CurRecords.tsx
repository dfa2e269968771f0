import { useState } from 'react';
import { appealHref } from '../../app/registry-filter';
import { now } from '../../app/clock';
import { getDb } from '../../db/db';
import { platform } from '../../platform';
import {
  ESCALATION_STATUSES,
  INFO_REQUEST_STATUSES,
  infoRequestClock,
  type Escalation,
  type EscalationStatus,
  type InfoRequest,
  type InfoRequestStatus,
} from '../../db/cur-records-repo';
import { logAudit } from '../../db/audit-repo';
import { formatDateTime } from '../../../shared/format/ru';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { useLang, useT } from '../../i18n';
import { operatorName, setEscalationStatus, setRequestStatus } from './actions';
import { Countdown } from './Countdown';
import { useEscalationStatusLabel, useReasonLabel, useRequestStatusLabel } from './labels';
import { overdueMessages } from './messages';
import { useAppNow } from '../../app/use-app-now';
import { useEscalations, useInfoRequests } from './queries';
import { escalationsCsv, infoRequestsCsv } from './records-csv';
import { useOverdueView } from './store';

/** Status changes need a name; without a remembered one the workstation acts. */
async function actor(): Promise<string> {
  return (await operatorName(getDb())) || 'оператор';
}

async function saveCsv(kind: 'escalations' | 'info-requests', text: string, count: number, filter: unknown): Promise<boolean> {
  const saved = await platform.saveFile(`cur-${kind}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
  if (saved) await logAudit(getDb(), `export:${kind}`, { format: 'csv', rows: count, filter });
  return saved;
}

function StatusFilter<S extends string>({
  value,
  statuses,
  label,
  onChange,
  testId,
}: {
  value: S | null;
  statuses: readonly S[];
  label(s: S): string;
  onChange(s: S | null): void;
  testId: string;
}) {
  const t = useT(overdueMessages);
  return (
    <label className="field field--inline">
      <span>{t('filterStatus')}</span>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || null) as S | null)} data-testid={testId}>
        <option value="">{t('filterAll')}</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

interface Props {
  sector: string | null;
  timeZone: string;
  sectorName(id: string): string;
}

export function EscalationsCard({ sector, timeZone, sectorName }: Props) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const status = useOverdueView((s) => s.escalationStatus);
  const setStatus = useOverdueView((s) => s.setEscalationStatus);
  const rows = useEscalations({ status, sector });
  const statusLabel = useEscalationStatusLabel();
  const reasonLabel = useReasonLabel();
  const [note, setNote] = useState<string | null>(null);
  const move = async (row: Escalation, to: EscalationStatus) => setEscalationStatus(getDb(), row.id, to, await actor(), now());
  const exportCsv = async () => {
    if (!rows) return;
    const text = escalationsCsv(rows, timeZone, { status: (s) => statusLabel(s as EscalationStatus), reason: (r) => reasonLabel(r as Escalation['reason']) });
    if (await saveCsv('escalations', text, rows.length, { status, sector })) setNote(t('exported', { count: rows.length }));
  };
  return (
    <Card
      title={t('escalationsTitle')}
      ready={rows !== undefined}
      testId="overdue-escalations"
      actions={
        <>
          <StatusFilter value={status} statuses={ESCALATION_STATUSES} label={statusLabel} onChange={setStatus} testId="od-esc-status" />
          <Button size="small" onClick={() => void exportCsv()} disabled={!rows?.length} data-testid="od-esc-export">
            {t('exportCsv')}
          </Button>
        </>
      }
    >
      {note ? <p role="status" className="overdue__muted">{note}</p> : null}
      {!rows ? (
        <Skeleton height={28} lines={3} />
      ) : rows.length === 0 ? (
        <p className="empty-state__hint">{t('recordsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="escalations-table">
            <thead>
              <tr>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colAppeal')}</th>
                <th scope="col">{t('colSector')}</th>
                <th scope="col">{t('colReason')}</th>
                <th scope="col">{t('colAssignee')}</th>
                <th scope="col">{t('colNote')}</th>
                <th scope="col">{t('colBy')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="escalation-row" data-appeal-id={row.appealId} data-status={row.status}>
                  <td className="tabular">{formatDateTime(row.createdAt, timeZone, lang)}</td>
                  <td>
                    <a href={appealHref(row.appealId)}>{row.appeal.externalId}</a>
                  </td>
                  <td>{sectorName(row.appeal.sector)}</td>
                  <td>{reasonLabel(row.reason)}</td>
                  <td>{row.assignee}</td>
                  <td className="overdue__note">{row.note}</td>
                  <td>{row.createdBy}</td>
                  <td>{statusLabel(row.status)}</td>
                  <td>
                    <div className="overdue__actions">
                      {row.status === 'open' ? (
                        <Button size="small" onClick={() => void move(row, 'in-progress')}>
                          {t('toInProgress')}
                        </Button>
                      ) : null}
                      {row.status !== 'resolved' ? (
                        <Button size="small" onClick={() => void move(row, 'resolved')}>
                          {t('toResolved')}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export function InfoRequestsCard({ sector, timeZone, sectorName }: Props) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const status = useOverdueView((s) => s.requestStatus);
  const setStatus = useOverdueView((s) => s.setRequestStatus);
  const rows = useInfoRequests({ status, sector });
  const statusLabel = useRequestStatusLabel();
  const at = useAppNow(5_000);
  const [answering, setAnswering] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const move = async (row: InfoRequest, to: InfoRequestStatus, text?: string) => {
    await setRequestStatus(getDb(), row.id, to, await actor(), now(), text);
    setAnswering(null);
    setAnswer('');
  };
  const exportCsv = async () => {
    if (!rows) return;
    const text = infoRequestsCsv(rows, timeZone, { status: (s) => statusLabel(s as InfoRequestStatus), reason: (r) => r });
    if (await saveCsv('info-requests', text, rows.length, { status, sector })) setNote(t('exported', { count: rows.length }));
  };
  return (
    <Card
      title={t('requestsTitle')}
      ready={rows !== undefined}
      testId="overdue-requests"
      actions={
        <>
          <StatusFilter value={status} statuses={INFO_REQUEST_STATUSES} label={statusLabel} onChange={setStatus} testId="od-req-status" />
          <Button size="small" onClick={() => void exportCsv()} disabled={!rows?.length} data-testid="od-req-export">
            {t('exportCsv')}
          </Button>
        </>
      }
    >
      {note ? <p role="status" className="overdue__muted">{note}</p> : null}
      {!rows ? (
        <Skeleton height={28} lines={3} />
      ) : rows.length === 0 ? (
        <p className="empty-state__hint">{t('recordsEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="requests-table">
            <thead>
              <tr>
                <th scope="col">{t('colCreated')}</th>
                <th scope="col">{t('colAppeal')}</th>
                <th scope="col">{t('colSector')}</th>
                <th scope="col">{t('colBody')}</th>
                <th scope="col">{t('colQuestion')}</th>
                <th scope="col">{t('colClock')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colAnswer')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="request-row"
                  data-appeal-id={row.appealId}
                  data-status={row.status}
                  className={infoRequestClock(row, at).isOverdue ? 'overdue__row--late' : undefined}
                >
                  <td className="tabular">{formatDateTime(row.createdAt, timeZone, lang)}</td>
                  <td>
                    <a href={appealHref(row.appealId)}>{row.appeal.externalId}</a>
                  </td>
                  <td>{sectorName(row.appeal.sector)}</td>
                  <td>{row.body}</td>
                  <td className="overdue__note">{row.question}</td>
                  <td>
                    <Countdown request={row} />
                  </td>
                  <td>{statusLabel(row.status)}</td>
                  <td className="overdue__note">{row.answer ?? '—'}</td>
                  <td>
                    <div className="overdue__actions">
                      {row.status === 'open' && answering !== row.id ? (
                        <>
                          <Button size="small" onClick={() => setAnswering(row.id)}>
                            {t('markAnswered')}
                          </Button>
                          <Button size="small" variant="ghost" onClick={() => void move(row, 'cancelled')}>
                            {t('cancelRequest')}
                          </Button>
                        </>
                      ) : null}
                      {answering === row.id ? (
                        <form
                          onSubmit={(e) => {
                            e.preventDefault();
                            void move(row, 'answered', answer);
                          }}
                        >
                          <input
                            aria-label={t('formAnswer')}
                            placeholder={t('formAnswer')}
                            value={answer}
                            onChange={(e) => setAnswer(e.target.value)}
                            maxLength={2000}
                          />
                          <Button size="small" type="submit" variant="primary">
                            {t('formSubmit')}
                          </Button>
                        </form>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
