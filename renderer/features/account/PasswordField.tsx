/** A password input that never autocompletes into a shared workstation's browser store. */
export function PasswordField(props: { label: string; value: string; onChange(value: string): void; testId: string; autoFocus?: boolean; isNew?: boolean }) {
  return (
    <label className="account-field">
      <span>{props.label}</span>
      <input
        type="password"
        value={props.value}
        autoFocus={props.autoFocus}
        autoComplete={props.isNew ? 'new-password' : 'current-password'}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
