/** Renderer entry: fonts and styles shipped with the app (nothing from the internet), sync, then the root. */
import '@fontsource/pt-sans/400.css';
import '@fontsource/pt-sans/700.css';
import './styles/theme.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { regionStore } from './runtime/region';
import { platform } from './platform';
import { isViewerMode } from './runtime/snapshots';
import { startSync } from './sync';
import { getDb } from './db/db';
import { logAudit } from './db/audit-repo';
import { setAccess, setReadOnlyData, NOTHING } from './runtime/access';
import { applyCentreUsers, defaultSessionConfig, initSession, registerSessionHooks } from './runtime/session';
import { createCentreVerifier } from './sync/centre/centre-sign-in';
import { WALL_PATH } from './app/routes';
import { parseHash } from './app/router';
import { prepareVault, vaultSessionHooks } from './personal-vault';
import { prepareBundleKeys } from './viewer/keychain';

// Each region has its own database and sync sources: a region switch (here or in another window)
// restarts the window on the new region's store instead of mixing two regions in one.
regionStore.subscribe((state, previous) => {
  if (state.pack.id !== previous.pack.id) window.location.reload();
});

// Every window starts sync; a Web Lock makes exactly one of them the leader, so the wall keeps
// data fresh even when the operator window is closed. Sync waits for the workstation key: the
// worker seals personal data with its public key.
// A window on a snapshot has no sources: no sync, no feed, nothing leaves the computer…
const isWallWindow = parseHash(location.hash).area === WALL_PATH;
if (!isViewerMode()) {
  prepareVault(getDb(), platform, { sealClearStore: !isWallWindow && platform.canLeadSync })
    .catch((error: unknown) => console.error('Personal-data vault not ready:', error))
    .finally(() => startSync(platform));
}
// …and its data is read-only for every role (renderer/runtime/access.ts).
setReadOnlyData(isViewerMode());
// Snapshot keys (the laptop's, the centre's signing key) are sealed by the OS keychain in Electron.
prepareBundleKeys(platform);

// The operator window shows nothing until someone signs in (runtime/session.ts); the wall window
// (`#/wall`) has no session: it never shows personal data and takes the presenter's scope. The
// personal-data key follows the session: unwrapped at sign-in, forgotten at lock.
if (!isWallWindow) {
  registerSessionHooks(vaultSessionHooks);
  setAccess(null, NOTHING);
  const sessionConfig = defaultSessionConfig(
    (event) => logAudit(getDb(), event),
    () => platform.getAppInfo().then((info) => info.osUser ?? null),
  );
  // Connected to a centre server: its accounts sign in against it (renderer/sync/centre/centre-sign-in.ts).
  if (!isViewerMode()) sessionConfig.remote = createCentreVerifier(getDb, platform, { applyUsers: applyCentreUsers });
  void initSession(sessionConfig);
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
