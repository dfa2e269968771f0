import { useState } from 'react';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { getOwnDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { getBootOptions } from '../../runtime/boot-options';
import { listInstalledSnapshots, snapshotUrl, type InstalledSnapshot } from '../../runtime/snapshots';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { removeSnapshot } from '../../viewer/remove';
import { snapshotMessages } from './messages';

/** The snapshots kept on this computer: view one (the window restarts on it) or delete it with every byte. */
export function InstalledList({ timeZone }: { timeZone: string }) {
  const t = useT(snapshotMessages);
  const lang = useLang();
  const [list, setList] = useState<InstalledSnapshot[]>(listInstalledSnapshots);
  const [notice, setNotice] = useState<string | null>(null);
  const current = getBootOptions().snapshot;

  const remove = async (s: InstalledSnapshot) => {
    if (!window.confirm(t('removeConfirm', { centre: s.centre, at: formatDateTime(s.dataAsOf, timeZone, lang) }))) return;
    await removeSnapshot(getOwnDb(), s, 'user');
    if (s.id === current) {
      location.assign(snapshotUrl(null, '#/snapshots'));
      return;
    }
    setList(listInstalledSnapshots());
    setNotice(t('removed'));
  };

  return (
    <Card title={t('installedTitle')} testId="snapshot-list" ready>
      {notice ? <p role="status">{notice}</p> : null}
      {list.length === 0 ? (
        <p className="registry-note">{t('installedEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('colCentre')}</th>
                <th>{t('colDataAsOf')}</th>
                <th>{t('colExpires')}</th>
                <th className="num">{t('colAppeals')}</th>
                <th>{t('colMarks')}</th>
                <th>{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-testid="snapshot-row" data-snapshot-id={s.id}>
                  <td>{s.centre}</td>
                  <td>{formatDateTime(s.dataAsOf, timeZone, lang)}</td>
                  <td>{formatDateTime(s.expiresAt, timeZone, lang)}</td>
                  <td className="num">{formatNumber(s.appeals, 0, lang)}</td>
                  <td>
                    {[s.withPersonalData ? t('markPersonal') : null, s.demoKey ? t('markDemo') : null, s.id === current ? t('markCurrent') : null].filter(Boolean).join(', ')}
                  </td>
                  <td className="snapshot-actions">
                    {s.id === current ? null : (
                      <a className="button button--small" href={snapshotUrl(s.id, '#/overview')} data-testid="snapshot-view">
                        {t('view')}
                      </a>
                    )}
                    <Button size="small" variant="danger" onClick={() => void remove(s)} data-testid="snapshot-remove">
                      {t('remove')}
                    </Button>
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
