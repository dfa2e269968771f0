/** Settings: the app's own sections (language, region, data freshness), then sections features own, then the activity log. */
import { Suspense } from 'react';
import { isViewerMode } from '../../runtime/snapshots';
import { FEATURE_SETTINGS_SECTIONS } from '../../app/settings-sections';
import { useT } from '../../i18n';
import { useCan } from '../../runtime/use-access';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { Skeleton } from '../../ui/Skeleton';
import { AuditSection } from './AuditSection';
import { FreshnessSection } from './FreshnessSection';
import { LanguageSection } from './LanguageSection';
import { settingsMessages } from './messages';
import { RegionSection } from './RegionSection';
import { TextsSection } from './TextsSection';

export default function SettingsScreen() {
  const t = useT(settingsMessages);
  // Workstation settings are the administrator's; everyone keeps their language.
  const mayManage = useCan('settings.manage');
  const mayReadAudit = useCan('audit.read');
  return (
    <div className="stack" data-testid="settings" data-ready="true">
      <h1 className="visually-hidden">{t('title')}</h1>
      <LanguageSection />
      {/* A snapshot shows the region it was taken in. */}
      {mayManage && !isViewerMode() ? <RegionSection /> : null}
      {mayManage && !isViewerMode() ? <TextsSection /> : null}
      {mayManage ? <FreshnessSection /> : null}
      {mayManage
        ? FEATURE_SETTINGS_SECTIONS.map(({ id, section: Section }) => (
            <ErrorBoundary key={id}>
              <Suspense fallback={<Skeleton lines={2} />}>
                <Section />
              </Suspense>
            </ErrorBoundary>
          ))
        : null}
      {mayReadAudit ? (
        <ErrorBoundary>
          <AuditSection />
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
