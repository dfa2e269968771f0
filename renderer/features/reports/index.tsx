/**
 * «Отчёты»: pick a report kind, a period and a scope (block, municipality, organisation), preview
 * the report and download it as PDF, DOCX or XLSX. Generation runs in a worker; every generated
 * file goes to the archive with its SHA-256 and is written to the audit log.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { sectorsOf } from '../../../shared/domain/sectors';
import { addCalendarDays, regionDay } from '../../../shared/domain/time';
import { formatDateTime } from '../../../shared/format/ru';
import { REPORT_KINDS, type ReportDocument, type ReportKind } from '../../../shared/report/model';
import { parsePeriod, PeriodParseError } from '../../../shared/report/period';
import { now } from '../../runtime/clock';
import { useGlobalFilters } from '../../app/filters-store';
import { useRegionPack } from '../../app/region';
import { getRegionPack } from '../../runtime/region';
import { queryReceivedBy } from '../../db/aggregate-queries';
import { getDb } from '../../db/db';
import { appDbName } from '../../runtime/database';
import { loadWeights } from '../../db/rating-weights';
import type { ReportArchiveRow } from '../../db/schema';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { archiveReport, listArchive } from './archive';
import { currentActorLabel } from '../../runtime/actor';
import { generateInWorker } from './client';
import { defaultPeriodCode } from './defaults';
import { REPORT_FORMATS, type GenerateParams, type ReportFormat } from './generate';
import { reportsMessages } from './messages';
import { ReportPreview } from './ReportPreview';
import { choiceOfArchived, GROUP_CHOICE, initialChoice, municipalityScopeOf, type MunicipalityGroupChoice } from './scope-choice';
import { SchedulePanel } from './SchedulePanel';
import './reports.css';
import { NamedOptions } from '../../ui/NamedOptions';

type Status = { kind: 'idle' } | { kind: 'working' } | { kind: 'error'; message: string } | { kind: 'saved'; file: string } | { kind: 'cancelled' };

const MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export default function ReportsScreen() {
  const t = useT(reportsMessages);
  const pack = useRegionPack();
  const globalSector = useGlobalFilters((s) => s.sector);
  const sync = useSyncStatus();
  const today = regionDay(now(), pack.timeZone);
  const [kind, setKind] = useState<ReportKind>('monthly');
  const [periodCode, setPeriodCode] = useState(() => defaultPeriodCode('monthly', today));
  const [sector, setSector] = useState<string>(globalSector ?? '');
  // The global municipality scope (one municipality or a group) preselects the report's.
  const globalMunicipality = useGlobalFilters((s) => s.municipality);
  const globalGroup = useGlobalFilters((s) => s.municipalityGroup);
  const [group, setGroup] = useState<MunicipalityGroupChoice | null>(globalGroup);
  const [municipality, setMunicipality] = useState(() => initialChoice(globalMunicipality, globalGroup));
  const [organisation, setOrganisation] = useState('');
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [fromArchive, setFromArchive] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const archive = useLiveQuery(() => listArchive(getDb()), []);
  // Organisations seen in the last year, for the reference note's choice (names as the sources give them).
  const organisations = useLiveQuery(async () => {
    if (kind !== 'reference') return [];
    const byOrg = await queryReceivedBy(getDb(), { from: addCalendarDays(today, -365), to: today }, {}, 'organisation');
    return [...byOrg.keys()].filter((id) => id !== '').sort((a, b) => a.localeCompare(b, 'ru'));
  }, [kind, today]);
  const sectors = sectorsOf(pack);

  let periodError: string | null = null;
  try {
    parsePeriod(periodCode);
  } catch (error) {
    periodError = error instanceof PeriodParseError ? error.message : String(error);
  }

  const chooseKind = (next: ReportKind) => {
    setKind(next);
    setPeriodCode(defaultPeriodCode(next, today));
  };

  const params = async (formats: ReportFormat[]): Promise<GenerateParams> => ({
    kind,
    periodCode,
    scope: {
      sector: sector || null,
      ...municipalityScopeOf(municipality, group),
      organisation: kind === 'reference' && organisation.trim() ? organisation.trim() : null,
    },
    regionId: getRegionPack().id,
    now: now(),
    generatedAt: now(),
    dataAsOf: sync.dataAsOf,
    sources: sync.sources.map((s) => s.label),
    demo: sync.isDemo,
    author: currentActorLabel(),
    weights: await loadWeights(getDb()),
    formats,
  });

  const run = async (formats: ReportFormat[]) => {
    setStatus({ kind: 'working' });
    try {
      const p = await params(formats);
      const result = await generateInWorker(appDbName(), pack.timeZone, p);
      setDoc(result.doc);
      setFromArchive(null);
      const file = result.files[0];
      if (!file) {
        setStatus({ kind: 'idle' });
        return;
      }
      const saved = await platform.saveFile(file.fileName, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: MIME[file.format] }));
      if (!saved) {
        setStatus({ kind: 'cancelled' });
        return;
      }
      await archiveReport(getDb(), p, result.doc, result.files);
      setStatus({ kind: 'saved', file: file.fileName });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const openArchived = (row: ReportArchiveRow) => {
    setDoc(row.document as ReportDocument);
    setFromArchive(row.at);
  };

  const repeat = (row: ReportArchiveRow) => {
    setKind(row.kind as ReportKind);
    setPeriodCode(row.periodCode);
    setSector(row.scope.sector ?? '');
    const restored = choiceOfArchived(row.scope);
    if (restored.group) setGroup(restored.group);
    setMunicipality(restored.choice);
    setOrganisation(row.scope.organisation ?? '');
  };

  const busy = status.kind === 'working';
  return (
    <div className="stack reports" data-testid="reports">
      <header>
        <h1>{t('title')}</h1>
      </header>
      <Card ready testId="reports-form">
        <form className="reports__form" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('kind')}
            <select value={kind} onChange={(e) => chooseKind(e.target.value as ReportKind)} data-testid="report-kind">
              {REPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind_${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('period')}
            <input value={periodCode} onChange={(e) => setPeriodCode(e.target.value)} aria-invalid={periodError !== null} title={t('periodHint')} data-testid="report-period" />
          </label>
          <label>
            {t('sector')}
            <select value={sector} onChange={(e) => setSector(e.target.value)} data-testid="report-sector">
              <option value="">{t('allSectors')}</option>
              <NamedOptions items={sectors} label="full" />
            </select>
          </label>
          <label>
            {t('municipality')}
            <select value={municipality} onChange={(e) => setMunicipality(e.target.value)} data-testid="report-municipality">
              <option value="">{t('allMunicipalities')}</option>
              {group ? (
                <option value={GROUP_CHOICE} data-testid="report-municipality-group">
                  {t('groupOption', { name: group.name, members: group.members.map((id) => pack.municipalities.find((m) => m.id === id)?.shortName ?? id).join(', ') })}
                </option>
              ) : null}
              <NamedOptions items={pack.municipalities} label="full" />
            </select>
          </label>
          {kind === 'reference' ? (
            <label>
              {t('organisation')}
              <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} list="report-organisations" data-testid="report-organisation" />
              <datalist id="report-organisations">
                {(organisations ?? []).map((o) => (
                  <option key={o} value={o} />
                ))}
              </datalist>
            </label>
          ) : null}
          <div className="reports__actions">
            <Button variant="primary" disabled={busy || periodError !== null} onClick={() => void run([])} data-testid="report-preview-button">
              {t('preview')}
            </Button>
            {REPORT_FORMATS.map((f) => (
              <Button key={f} disabled={busy || periodError !== null} onClick={() => void run([f])} data-testid={`report-download-${f}`}>
                {t('download', { format: f.toUpperCase() })}
              </Button>
            ))}
          </div>
        </form>
        <p className="reports__status" role="status" data-testid="report-status" data-state={status.kind}>
          {periodError ? <span className="reports__error">{periodError}</span> : null}
          {status.kind === 'working' ? t('working') : null}
          {status.kind === 'error' ? <span className="reports__error">{t('failed', { message: status.message })}</span> : null}
          {status.kind === 'saved' ? t('saved', { file: status.file }) : null}
          {status.kind === 'cancelled' ? t('cancelled') : null}
        </p>
      </Card>
      <div className="reports__layout">
        <Card title={t('previewTitle')} subtitle={fromArchive !== null ? t('fromArchive', { time: formatDateTime(fromArchive, pack.timeZone) }) : undefined} ready={doc !== null} testId="report-preview-card">
          {doc ? <ReportPreview doc={doc} /> : <p>{t('previewEmpty')}</p>}
        </Card>
        <Card title={t('archive')} className="reports__archive" ready={archive !== undefined} testId="report-archive">
          {!archive || archive.length === 0 ? (
            <p>{t('archiveEmpty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('archiveTime')}</th>
                  <th>{t('archiveReport')}</th>
                  <th>{t('archiveAuthor')}</th>
                  <th>{t('archiveData')}</th>
                  <th>{t('archiveFiles')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {archive.map((row) => (
                  <tr key={row.id} data-testid="report-archive-row">
                    <td>{formatDateTime(row.at, pack.timeZone)}</td>
                    <td>
                      {row.title}
                      <br />
                      {row.periodLabel}
                      <br />
                      <small>{row.scopeLabel}</small>
                    </td>
                    <td>{row.author}</td>
                    <td>{formatDateTime(row.dataAsOf, pack.timeZone)}</td>
                    <td>
                      {row.files.map((f) => (
                        <div key={f.format}>
                          {f.format.toUpperCase()} <span className="reports__hash" title={f.sha256}>{f.sha256.slice(0, 12)}…</span>
                        </div>
                      ))}
                    </td>
                    <td>
                      <Button size="small" onClick={() => openArchived(row)}>
                        {t('open')}
                      </Button>{' '}
                      <Button size="small" variant="ghost" onClick={() => repeat(row)}>
                        {t('repeat')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
      <SchedulePanel timeZone={pack.timeZone} />
    </div>
  );
}
