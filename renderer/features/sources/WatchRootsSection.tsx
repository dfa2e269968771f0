import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { sourcesMessages } from './messages';

/**
 * Desktop only: the folders this computer lets the app read (chosen in a system dialog on the import
 * screen). Each can be removed; a removed folder is no longer read, even if the watched-folder source
 * still names it.
 */
export function WatchRootsSection() {
  const t = useT(sourcesMessages);
  const [roots, setRoots] = useState<string[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!platform.canWatchFolders) return;
    platform.listWatchRoots().then(setRoots, (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, []);
  if (!platform.canWatchFolders) return null;
  const remove = async (folder: string) => {
    try {
      setRoots(await platform.removeWatchRoot(folder));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Card title={t('rootsTitle')} subtitle={t('rootsHint')} testId="sources-watch-roots" ready={roots !== undefined || error !== null}>
      {roots && roots.length === 0 ? <p>{t('rootsNone')}</p> : null}
      <ul className="sources__feeds">
        {(roots ?? []).map((root) => (
          <li key={root} data-testid="watch-root">
            <span>{root}</span>{' '}
            <Button size="small" variant="ghost" onClick={() => void remove(root)}>
              {t('rootsRemove')}
            </Button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="sources__error">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
