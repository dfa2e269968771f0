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
import { startSync } from './sync';
import { getDb } from './db/db';
import { prepareVault } from './personal-vault';

// Each region has its own database and sync sources: a region switch (here or in another window)
// restarts the window on the new region's store instead of mixing two regions in one.
regionStore.subscribe((state, previous) => {
  if (state.pack.id !== previous.pack.id) window.location.reload();
});

// Every window starts sync; a Web Lock makes exactly one of them the leader, so the wall keeps
// data fresh even when the operator window is closed. Sync waits for the workstation key: the
// worker seals personal data with its public key.
const isWallWindow = window.location.hash.startsWith('#/wall');
prepareVault(getDb(), platform, { sealClearStore: !isWallWindow && platform.canLeadSync })
  .catch((error: unknown) => console.error('Personal-data vault not ready:', error))
  .finally(() => startSync(platform));

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
