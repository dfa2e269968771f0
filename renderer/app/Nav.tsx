import { useT } from '../i18n';
import { useAccessRole } from '../runtime/use-access';
import { mayOpenArea } from './area-access';
import { navMessages, shellMessages, type NavKey } from './messages';
import { isViewerMode } from '../runtime/snapshots';
import { AREA_ROUTES, VIEWER_HIDDEN_AREAS } from './routes';
import { areaHref } from './router';

/** The left navigation: every visible area of routes.ts the role may open, in order. */
export function Nav({ currentArea }: { currentArea: string }) {
  const t = useT(navMessages);
  const ts = useT(shellMessages);
  const role = useAccessRole();
  return (
    <nav className="shell__nav" aria-label={ts('navLabel')}>
      <div className="shell__brand" title={ts('brandFull')}>
        {ts('brand')}
      </div>
      <ul>
        {AREA_ROUTES.filter((r) => !r.hidden && mayOpenArea(role, r.path) && !(isViewerMode() && VIEWER_HIDDEN_AREAS.has(r.path))).map((r) => (
          <li key={r.path}>
            <a href={areaHref(r.path)} aria-current={r.path === currentArea ? 'page' : undefined} data-area={r.path}>
              {t(r.navKey as NavKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
