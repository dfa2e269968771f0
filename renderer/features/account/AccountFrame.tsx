import type { ReactNode } from 'react';
import { LangSwitch } from '../../app/LangSwitch';

/** The centred card every account screen uses; nothing of the app's data is rendered behind it. */
export function AccountFrame({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div className="account-screen" data-testid={testId} data-ready="true">
      <div className="account-screen__lang">
        <LangSwitch />
      </div>
      <section className="account-card" aria-labelledby={`${testId}-title`}>
        <h1 id={`${testId}-title`}>{title}</h1>
        {children}
      </section>
    </div>
  );
}
