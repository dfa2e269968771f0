// Debian's Chromium as the end-to-end tests and the benchmarks launch it through playwright-core
// (never a downloaded browser), so both measure the same browser the same way.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly, sandboxed-by-container headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Date inputs follow the browser's UI language, not the page: show them as a Russian user sees them.
  '--lang=ru-RU',
];
