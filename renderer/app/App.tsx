import { useEffect } from 'react';
import { useLang } from '../i18n';
import { platform } from '../platform';
import { SaveFileContext, type SaveFile } from '../ui/save-file-context';
import { OperatorShell } from './OperatorShell';
import { WALL_PATH } from './routes';
import { parseHash, useHash } from './router';
import { WallRoot } from './WallRoot';

const savePlatformFile: SaveFile = (name, data) => platform.saveFile(name, data);

/** Chooses the root for the current hash: the wall, or the operator window. */
export function App() {
  const route = parseHash(useHash());
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  if (route.area === WALL_PATH) return <WallRoot />;
  // Charts save their PNG through the platform's save dialog (ui/ does not reach the platform itself).
  return (
    <SaveFileContext.Provider value={savePlatformFile}>
      <OperatorShell route={route} />
    </SaveFileContext.Provider>
  );
}
