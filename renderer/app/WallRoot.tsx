import { lazy, Suspense, useEffect } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { isViewerMode } from '../runtime/snapshots';
import { useRegionPack } from './region';
import { SnapshotBanner } from './SnapshotBanner';
import { SyncAwareRoot } from './SyncAwareRoot';

const WallScreen = lazy(() => import('../features/wall'));

/** `#/wall`: a separate root with the dark wall theme, no shell, no controls. */
export function WallRoot() {
  const pack = useRegionPack();
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = 'wall';
    return () => {
      delete root.dataset.theme;
    };
  }, []);
  return (
    <SyncAwareRoot className="wall-root" data-testid="wall-root">
      {isViewerMode() ? <SnapshotBanner timeZone={pack.timeZone} variant="wall" /> : null}
      <ErrorBoundary variant="wall">
        <Suspense fallback={null}>
          <WallScreen />
        </Suspense>
      </ErrorBoundary>
    </SyncAwareRoot>
  );
}
