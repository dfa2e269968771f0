interface EmptyStateProps {
  title: string;
  hint?: string;
}

/** What a view shows when it has nothing to show: what is missing and what to do. */
export function EmptyState({ title, hint }: EmptyStateProps) {
  return (
    <div className="empty-state" role="status" data-testid="empty-state">
      <p className="empty-state__title">{title}</p>
      {hint ? <p className="empty-state__hint">{hint}</p> : null}
    </div>
  );
}
