/**
 * Public surface of the demo region simulator. Pure and deterministic: the same seed, scale, pack
 * and instants always give the same appeals.
 */
import type { Appeal } from '../domain/appeal';
import type { RegionPack } from '../domain/region-pack';
import { DemoModel } from './model';
import { changeWindow, initialWindow, readAll, DEMO_HORIZON_DAYS } from './stream';

export { DemoModel, type DemoOptions, type DemoCore } from './model';
export { initialWindow, changeWindow, readWindow, readAll, DEMO_HORIZON_DAYS, type DemoWindow, type DemoPage } from './stream';
export { demoReference, organisationId, type ReferenceItem, type ReferenceKind } from './reference';
export { CATEGORY_CATALOG, type CategorySpec, type Topic } from './catalog';
export type { DemoMunicipality, DemoRegion, WeightBasis } from './region';

export interface DemoSpec {
  seed: number;
  scale: number;
  pack: RegionPack;
}

const DAY = 86_400_000;

/** Every appeal of the year before `asOf`, as it stands at `asOf` (small scales only: all in memory). */
export function demoYear(spec: DemoSpec, asOf: number): Appeal[] {
  const model = new DemoModel(spec);
  return readAll(model, initialWindow(model, asOf)).changes;
}

/**
 * What changed in (from, to]: new appeals, status changes, ratings, closures (as records at `to`)
 * and deletions (ids). Appeals received before `from − horizonDays` are outside the dataset.
 */
export function demoChanges(spec: DemoSpec, from: number, to: number, horizonDays = DEMO_HORIZON_DAYS): { changes: Appeal[]; deletions: string[] } {
  const model = new DemoModel(spec);
  return readAll(model, changeWindow(model, from - horizonDays * DAY, from, to));
}
