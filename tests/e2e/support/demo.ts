/** The seeded demo region most specs run on: the same appeals every run, the app clock frozen. */
export const DEMO_NOW = '2025-11-18T09:00:00+03:00';
export const DEMO = { demoScale: 3000, demoSeed: 7, demoNow: DEMO_NOW };

/** A database name no other run or test uses, so each test starts on an empty store. */
export function uniqueDbName(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
