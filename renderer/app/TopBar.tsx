import { UserMenu } from '../features/account';
import { LangSwitch } from './LangSwitch';
import { PeriodPicker } from './PeriodPicker';
import { MunicipalityFilter, SectorFilter } from './SectorFilter';
import { SyncIndicator } from './SyncIndicator';
import { useRegionPack } from './region';
import { isViewerMode } from '../runtime/snapshots';
import { SnapshotBanner } from './SnapshotBanner';

/** Global filters on the left; sync state, data age, the demo badge, language and the user on the right. */
export function TopBar() {
  const pack = useRegionPack();
  return (
    <header className="shell__top" data-testid="top-bar">
      <PeriodPicker timeZone={pack.timeZone} />
      <SectorFilter />
      <MunicipalityFilter />
      <span className="shell__top-spacer" />
      {isViewerMode() ? <SnapshotBanner timeZone={pack.timeZone} /> : <SyncIndicator timeZone={pack.timeZone} />}
      <LangSwitch />
      <UserMenu />
    </header>
  );
}
