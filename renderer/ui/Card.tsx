import type { ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  subtitle?: ReactNode;
  /** Buttons or links at the right of the header. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Readiness signal for end-to-end tests: set true once the card shows its final content. */
  ready?: boolean;
  testId?: string;
}

/** A titled panel: the unit of layout on operator screens. */
export function Card({ title, subtitle, actions, children, className, ready, testId }: CardProps) {
  return (
    <section
      className={['card', className ?? ''].filter(Boolean).join(' ')}
      data-ready={ready === undefined ? undefined : String(ready)}
      data-testid={testId}
    >
      {title || actions ? (
        <header className="card__header">
          {title ? <h2 className="card__title">{title}</h2> : null}
          {subtitle ? <span className="card__subtitle">{subtitle}</span> : null}
          {actions ? <div className="card__actions">{actions}</div> : null}
        </header>
      ) : null}
      {children}
    </section>
  );
}
