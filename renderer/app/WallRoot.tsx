import { lazy, Suspense, useEffect, useState } from 'react';
import { restorePresenterScope } from '../features/wall/use-wall-inputs';
import { useEffectiveScope } from '../runtime/use-access';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { isViewerMode } from '../runtime/snapshots';
import { useRegionPack } from './region';
import { SnapshotBanner } from './SnapshotBanner';
import { SyncAwareRoot } from './SyncAwareRoot';

const WallScreen = lazy(() => import('../features/wall'));

/** `#/wall`: a separate root with the dark wall theme, no shell, no controls. */
export function WallRoot() {
  const pack = useRegionPack();
  // The presenter's scope (sent with wall-control commands) decides what the scenes count; a new
  // scope remounts the scenes so every number is read again under it.
  useState(restorePresenterScope);
  const scope = useEffectiveScope();
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
          <WallScreen key={JSON.stringify(scope)} />
        </Suspense>
      </ErrorBoundary>
    </SyncAwareRoot>
  );
}
