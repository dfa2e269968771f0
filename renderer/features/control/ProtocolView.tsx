/**
 * The meeting protocol as a page to print (or «save as PDF» from the print dialog): the same
 * document the DOCX is written from (shared/records/protocol.ts), rendered as text.
 */
import { useEffect, useState } from 'react';
import type { ReportBlock } from '../../../shared/report/model';
import { useRegionPack } from '../../app/region';
import { useAppNow } from '../../app/use-app-now';
import { getDb } from '../../db/db';
import { useSyncStatus } from '../../sync/use-sync-status';
import { Button } from '../../ui/Button';
import { Skeleton } from '../../ui/Skeleton';
import { useT } from '../../i18n';
import { loadOperator, meetingProtocol } from './actions';
import { controlMessages } from './messages';
import { useMeeting, useMeetingInstructions } from './queries';

export function ProtocolView({ id }: { id: string }) {
  const t = useT(controlMessages);
  const { timeZone } = useRegionPack();
  const now = useAppNow();
  const sync = useSyncStatus();
  const meeting = useMeeting(id);
  const instructions = useMeetingInstructions(id);
  const [author, setAuthor] = useState('');
  useEffect(() => void loadOperator(getDb()).then(setAuthor), []);
  if (!meeting || !instructions) return <Skeleton height={96} lines={4} />;
  const doc = meetingProtocol(meeting, instructions, now, timeZone, author, sync.isDemo);
  return (
    <article className="control__protocol" data-testid="protocol-view" data-ready="true">
      <div className="control__no-print control__actions">
        <a href={`#/control/meeting/${encodeURIComponent(meeting.id)}`}>{t('meetingBack')}</a>
        <Button variant="primary" onClick={() => window.print()}>
          {t('protocolPrint')}
        </Button>
      </div>
      <h1>{doc.title}</h1>
      <p>{doc.periodLabel}</p>
      <p className="control__muted">
        {doc.scopeLabel} · {doc.dataAgeLabel} · {doc.generatedLabel}
      </p>
      {doc.sections.map((s) => (
        <section key={s.title}>
          <h2>{s.title}</h2>
          {s.blocks.map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <p className="control__pre">{block.text}</p>;
    case 'note':
      return <p className="control__muted">{block.text}</p>;
    case 'table':
      return (
        <table className="table">
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    default:
      return null;
  }
}
