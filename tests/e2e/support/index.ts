/** What e2e specs import: `import { openApp, saveScreenshot } from './support'`. */
export { openApp, appUrl, isLocalUrl, CHROMIUM_ARGS, CHROMIUM_PATH, type OpenAppOptions, type OpenedApp } from './app';
export { saveScreenshot, RESULTS_DIR } from './screenshots';
export { startStaticServer, resolveStaticPath, type StaticServer } from './static-server';
