/** What e2e specs import: `import { openApp, saveScreenshot } from './support'`. */
export { openApp, appUrl, isLocalUrl, signInIfAsked, reloadSignedIn, TEST_ADMIN, CHROMIUM_ARGS, CHROMIUM_PATH, type OpenAppOptions, type OpenedApp, type TestAccount } from './app';
export { saveScreenshot, RESULTS_DIR } from './screenshots';
export { startStaticServer, resolveStaticPath, type StaticServer } from './static-server';
export { openSyncedApp, syncState, waitForCountUps, waitForScreen, waitForSyncIdle, SCREEN_TIMEOUT_MS, SYNC_TIMEOUT_MS, type SyncPhase, type SyncState } from './ready';
export { DEMO, DEMO_NOW, uniqueDbName } from './demo';
export { countAppeals, dbNameOf, putRow, storeRows } from './idb';
export { parseRuNumber } from './numbers';
export { typeDay } from './day-field';
