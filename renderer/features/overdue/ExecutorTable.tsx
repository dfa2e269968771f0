import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';
import { Table } from '../../ui/Table';
import { useLang, useT } from '../../i18n';
import { overdueMessages } from './messages';
import { EXECUTOR_READ_CAP, useExecutorGroups } from './queries';
import type { ExecutorRow } from './shape';

interface Props {
  sector: string | null;
  municipalities?: readonly string[] | null;
  now: number;
  timeZone: string;
}

/** Responsible executors, worst first. The registry has no executor filter, so names do not link. */
export function ExecutorTable({ sector, municipalities = null, now, timeZone }: Props) {
  const t = useT(overdueMessages);
  const lang = useLang();
  const groups = useExecutorGroups(sector, now, municipalities);
  return (
    <Card title={t('byExecutorTitle')} subtitle={t('executorNoLink')} ready={groups !== undefined} testId="overdue-executors">
      {!groups ? (
        <Skeleton height={28} lines={5} />
      ) : (
        <>
          {groups.truncated ? (
            <p className="notice" role="status">
              {t('executorTruncated', { count: formatNumber(EXECUTOR_READ_CAP, 0, lang) })}
            </p>
          ) : null}
          <Table
            columns={[
              { key: 'executor', header: t('executor'), cell: (r: ExecutorRow) => r.executor ?? t('notStated') },
              { key: 'overdue', header: t('overdue'), numeric: true },
              { key: 'atRisk', header: t('atRisk3wd'), numeric: true },
              { key: 'worst', header: t('worstDue'), cell: (r: ExecutorRow) => formatDateTime(r.worstDueAt, timeZone, lang) },
              { key: 'orgs', header: t('organisations'), cell: (r: ExecutorRow) => r.organisations.slice(0, 3).join('; ') || '—' },
            ]}
            rows={groups.rows.slice(0, 30)}
            rowKey={(r) => r.executor ?? ''}
            testId="overdue-executor-table"
          />
        </>
      )}
    </Card>
  );
}
