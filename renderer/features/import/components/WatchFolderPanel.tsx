import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { platform } from '../../../platform';
import { getDb } from '../../../db/db';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { importMessages } from '../messages';
import { useSyncStatus } from '../../../sync/use-sync-status';
import { WATCHED_FOLDER_SOURCE_ID } from '../../../sync/sources/watched-folder';
import { getWatchFolder, setWatchFolder } from '../queries';

/** Electron only: the folder the watched-folder sync source reads. */
export function WatchFolderPanel() {
  const t = useT(importMessages);
  const [folder, setFolder] = useState<string | null>(null);
  // Until the sync engine runs the watched-folder source, say so instead of promising imports.
  const isSyncing = useSyncStatus().sources.some((s) => s.id === WATCHED_FOLDER_SOURCE_ID);
  useEffect(() => {
    if (platform.canWatchFolders) void getWatchFolder(getDb()).then(setFolder);
  }, []);
  if (!platform.canWatchFolders) {
    return (
      <Card title={t('watchTitle')}>
        <p className="card__subtitle">{t('watchBrowser')}</p>
      </Card>
    );
  }
  const choose = async () => {
    const chosen = await platform.chooseWatchFolder();
    if (!chosen) return;
    await setWatchFolder(getDb(), chosen);
    setFolder(chosen);
  };
  return (
    <Card title={t('watchTitle')} subtitle={t('watchHint')}>
      <p>{folder ?? t('watchNone')}</p>
      {isSyncing ? null : <p className="notice">{t('watchNotConnected')}</p>}
      <Button onClick={() => void choose()}>{t('watchChoose')}</Button>
    </Card>
  );
}
