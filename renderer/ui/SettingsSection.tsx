import type { ReactNode } from 'react';
import { Card } from './Card';

export interface SettingsSectionProps {
  title: ReactNode;
  /** One line on what the settings change. */
  description?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One block on the Settings screen; features render their own settings inside it. */
export function SettingsSection({ title, description, children, testId }: SettingsSectionProps) {
  return (
    <Card title={title} className="settings-section" testId={testId}>
      {description ? <p className="card__subtitle">{description}</p> : null}
      {children}
    </Card>
  );
}
