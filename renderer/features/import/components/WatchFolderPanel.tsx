import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { platform } from '../../../platform';
import { getDb } from '../../../db/db';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { importMessages } from '../messages';
import { getWatchFolder, setWatchFolder } from '../../../import-pipeline/queries';

/** Electron only: the folder the watched-folder sync source reads. */
export function WatchFolderPanel() {
  const t = useT(importMessages);
  const [folder, setFolder] = useState<string | null>(null);
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
      {folder ? <p className="card__subtitle">{t('watchState')}</p> : null}
      <Button onClick={() => void choose()}>{t('watchChoose')}</Button>
    </Card>
  );
}
