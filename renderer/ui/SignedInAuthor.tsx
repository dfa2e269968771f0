/**
 * «Кто записывает» on the centre's forms: the signed-in person, shown, not typed. The data layer
 * signs the record with the same person (runtime/actor.ts `recordAuthor`), so a form cannot name
 * someone else.
 */
import { useSession } from '../runtime/session';

/** The signed-in person's name ('' when nobody is signed in). */
export function useSignedInName(): string {
  return useSession((s) => (s.user ? s.user.displayName.trim() || s.user.login : ''));
}

export function SignedInAuthor({ testId }: { testId: string }) {
  const name = useSignedInName();
  return (
    <output className="signed-in-author" data-testid={testId}>
      {name || '—'}
    </output>
  );
}
