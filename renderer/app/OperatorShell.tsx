import { Suspense, useEffect } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Skeleton } from '../ui/Skeleton';
import { ReportScheduleRunner } from '../features/reports/ScheduleRunner';
import { AccessDenied, AccountGate } from '../features/account';
import { useAccessRole } from '../runtime/use-access';
import { mayOpenArea } from './area-access';
import { useT } from '../i18n';
import { shellMessages } from './messages';
import { Nav } from './Nav';
import { SyncAwareRoot } from './SyncAwareRoot';
import { TopBar } from './TopBar';
import { isViewerMode, viewerSnapshot } from '../runtime/snapshots';
import { AREA_ROUTES, VIEWER_HIDDEN_AREAS } from './routes';
import { SnapshotWatch } from './SnapshotWatch';
import { navigate, type Route } from './router';

export const START_AREA = 'overview';

/**
 * The operator window: navigation, top bar and the current area, each area behind its own error
 * boundary — all behind the account gate (first run, sign-in, lock), which renders none of it until
 * someone is signed in. The sync readiness attributes stay on the root either way.
 */
export function OperatorShell({ route }: { route: Route }) {
  return (
    <SyncAwareRoot className="shell" data-theme="desk">
      <AccountGate>
        <SignedInShell route={route} />
      </AccountGate>
    </SyncAwareRoot>
  );
}

function SignedInShell({ route }: { route: Route }) {
  const t = useT(shellMessages);
  useEffect(() => {
    if (route.area === '') navigate(`#/${START_AREA}`, { replace: true });
  }, [route.area]);
  const area = AREA_ROUTES.find((r) => r.path === route.area);
  // Viewer mode: screens that change or fetch data are refused, and a window on a snapshot that is
  // gone (deleted, expired) shows only the snapshots screen.
  const viewer = isViewerMode();
  const refused = viewer && (VIEWER_HIDDEN_AREAS.has(route.area) || (viewerSnapshot() === null && route.area !== 'snapshots'));
  const Screen = refused ? undefined : area?.screen;
  const role = useAccessRole();
  const allowed = area ? mayOpenArea(role, area.path) : true;
  return (
    <>
      <Nav currentArea={area?.hidden ? '' : route.area} />
      <TopBar />
      {viewer ? <SnapshotWatch /> : <ReportScheduleRunner />}
      <main className="shell__main" data-area={route.area}>
        <ErrorBoundary resetKey={route.area}>
          <Suspense fallback={<Skeleton lines={6} height={28} />}>
            {Screen && !allowed ? (
              <AccessDenied />
            ) : Screen ? (
              <Screen />
            ) : refused ? (
              viewerSnapshot() === null ? (
                <EmptyState title={t('viewerMissingTitle')} hint={t('viewerMissingHint')} />
              ) : (
                <EmptyState title={t('viewerUnavailableTitle')} hint={t('viewerUnavailableHint')} />
              )
            ) : route.area === '' ? null : (
              <EmptyState title={t('notFoundTitle')} hint={t('notFoundHint')} />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
