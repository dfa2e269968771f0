/**
 * One «Показать» for the whole card: the audit row first, then the applicant's personal data and,
 * when the region's texts carry personal data, the sealed text and link (renderer/personal-vault).
 * The «Заявитель» block and the text block share this state, so one reveal opens both.
 */
import { useCallback, useState } from 'react';
import type { PersonalData } from '../../../shared/domain/appeal';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { revealPersonal, revealText, type AppealTextContent } from '../../personal-vault';
import { isViewerMode } from '../../runtime/snapshots';
import { openSnapshotVaultWithLaptopKey } from '../../viewer/snapshot-vault';
import { auditPersonalDataShown } from './queries';

export type RevealBlocked = 'locked' | 'lost' | 'damaged';

export type RevealableAppeal = Pick<StoredAppeal, 'id' | 'personal' | 'sealedPersonal'> & Partial<Pick<StoredAppeal, 'text' | 'url' | 'sealedText'>>;

export interface AppealReveal {
  /** Personal data as opened (null: not shown). */
  personal: PersonalData | null;
  /** The sealed text as opened (null: not shown, or the appeal has no sealed text). */
  text: AppealTextContent | null;
  shown: boolean;
  blocked: RevealBlocked | null;
  busy: boolean;
  error: string | null;
  show(): Promise<void>;
  hide(): void;
}

function openBoth(db: CurDatabase, appeal: RevealableAppeal) {
  return Promise.all([
    revealPersonal(db, appeal),
    appeal.sealedText ? revealText(db, { id: appeal.id, text: appeal.text ?? '', url: appeal.url ?? null, sealedText: appeal.sealedText }) : Promise.resolve(null),
  ]);
}

/** Opens both after the audit row is written; an audit failure opens nothing. */
export async function revealAppeal(db: CurDatabase, appeal: RevealableAppeal): Promise<{ personal: PersonalData | null; text: AppealTextContent | null; blocked: RevealBlocked | null }> {
  await auditPersonalDataShown(db, appeal.id);
  let [personal, text] = await openBoth(db, appeal);
  // A snapshot opened with this laptop's key opens its sealed data with it again (after a restart, a lock).
  if ((personal.kind === 'locked' || text?.kind === 'locked') && isViewerMode() && (await openSnapshotVaultWithLaptopKey(db))) [personal, text] = await openBoth(db, appeal);
  const personalPresent = appeal.personal !== null || appeal.sealedPersonal !== undefined;
  let blocked: RevealBlocked | null = null;
  if (personal.kind !== 'shown' && (personal.kind !== 'none' || personalPresent)) blocked = personal.kind === 'none' ? 'damaged' : personal.kind;
  if (text && text.kind !== 'shown') blocked ??= text.kind === 'none' ? 'damaged' : text.kind;
  return {
    personal: personal.kind === 'shown' ? personal.personal : null,
    text: text?.kind === 'shown' ? text.content : null,
    blocked,
  };
}

export function useAppealReveal(db: CurDatabase, appeal: RevealableAppeal): AppealReveal {
  const [personal, setPersonal] = useState<PersonalData | null>(null);
  const [text, setText] = useState<AppealTextContent | null>(null);
  const [shown, setShown] = useState(false);
  const [blocked, setBlocked] = useState<RevealBlocked | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await revealAppeal(db, appeal);
      setPersonal(result.personal);
      setText(result.text);
      setBlocked(result.blocked);
      setShown(result.personal !== null || result.text !== null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, [db, appeal]);
  const hide = useCallback(() => {
    setPersonal(null);
    setText(null);
    setShown(false);
  }, []);
  return { personal, text, shown, blocked, busy, error, show, hide };
}
