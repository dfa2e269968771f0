import { useEffect } from 'react';
import { useLang } from '../i18n';
import { OperatorShell } from './OperatorShell';
import { WALL_PATH } from './routes';
import { parseHash, useHash } from './router';
import { WallRoot } from './WallRoot';

/** Chooses the root for the current hash: the wall, or the operator window. */
export function App() {
  const route = parseHash(useHash());
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return route.area === WALL_PATH ? <WallRoot /> : <OperatorShell route={route} />;
}
