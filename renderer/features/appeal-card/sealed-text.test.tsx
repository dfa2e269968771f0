// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PersonalData as Personal } from '../../../shared/domain/appeal';
import { AccessDeniedError } from '../../../shared/access/roles';
import { freshDb } from '../../../tests/support/fresh-db';
import { makeAppeal } from '../../../tests/support/store-appeal';
import { getAppeal, upsertAppeals } from '../../db/appeals-repo';
import type { CurDatabase, StoredAppeal } from '../../db/schema';
import { forgetPrivateKeys } from '../../personal-vault/key-ring';
import { storeTextsPolicy } from '../../personal-vault/texts-policy';
import { setAccess, UNRESTRICTED } from '../../runtime/access';
import { CardText } from './CardText';
import { PersonalData } from './PersonalData';
import { revealAppeal, useAppealReveal } from './use-appeal-reveal';

const PERSON: Personal = { fullName: 'Иванова Мария Сергеевна', phone: '+7 912 000-11-22', email: 'ivanova@mail.ru', address: null, applicantKey: null };
const TEXT = 'Я, Иванова Мария, живу на Ленина 5, кв. 12; звоните +7 912 000-11-22.';

afterEach(() => {
  cleanup();
  forgetPrivateKeys();
  setAccess('admin', UNRESTRICTED);
});

/** The card's text and «Заявитель» blocks with the reveal they share (as ReadyCard wires them). */
function Blocks({ db, appeal }: { db: CurDatabase; appeal: StoredAppeal }) {
  const reveal = useAppealReveal(db, appeal);
  return (
    <>
      <CardText appeal={appeal} reveal={reveal} />
      <PersonalData db={db} appeal={appeal} reveal={reveal} />
    </>
  );
}

async function sealedAppeal(personal: Personal | null = PERSON) {
  const db = freshDb();
  await storeTextsPolicy(db, true);
  await upsertAppeals(db, [makeAppeal({ externalId: '1', personal, text: TEXT })]);
  return { db, appeal: (await getAppeal(db, 'pos:1'))! };
}

describe('a sealed appeal text on the card', () => {
  it('is hidden, then one audited «Показать» opens the text and the applicant together', async () => {
    const { db, appeal } = await sealedAppeal();
    expect(appeal.text).toBe('');
    render(<Blocks db={db} appeal={appeal} />);
    expect(screen.getByTestId('appeal-text-sealed').textContent).toContain('Текст скрыт: содержит персональные данные.');
    expect(screen.queryByTestId('appeal-text')).toBeNull();
    fireEvent.click(screen.getByTestId('text-show'));
    await waitFor(() => expect(screen.getByTestId('appeal-text').textContent).toBe(TEXT));
    expect(screen.getByTestId('appeal-personal').getAttribute('data-shown')).toBe('true');
    expect(screen.getByTestId('personal-phone').textContent).toBe(PERSON.phone);
    expect((await db.audit.toArray()).map((r) => [r.action, r.details])).toEqual([['personal-data.reveal', { appealId: 'pos:1' }]]);
  });

  it('«Показать» in «Заявитель» opens the text too', async () => {
    const { db, appeal } = await sealedAppeal();
    render(<Blocks db={db} appeal={appeal} />);
    fireEvent.click(screen.getByTestId('personal-show'));
    await waitFor(() => expect(screen.getByTestId('appeal-text').textContent).toBe(TEXT));
  });

  it('a text sealed on an appeal without personal data has its own «Показать»', async () => {
    const { db, appeal } = await sealedAppeal(null);
    render(<Blocks db={db} appeal={appeal} />);
    fireEvent.click(screen.getByTestId('text-show'));
    await waitFor(() => expect(screen.getByTestId('appeal-text').textContent).toBe(TEXT));
  });

  it('observers and analysts see only why it is hidden, and the data layer refuses them before opening anything', async () => {
    const { db, appeal } = await sealedAppeal();
    for (const role of ['observer', 'analyst'] as const) {
      setAccess(role, UNRESTRICTED);
      render(<Blocks db={db} appeal={appeal} />);
      expect(screen.getByTestId('appeal-text-sealed').textContent).toBe('Текст скрыт: содержит персональные данные.');
      expect(screen.queryByTestId('text-show')).toBeNull();
      await expect(revealAppeal(db, appeal)).rejects.toBeInstanceOf(AccessDeniedError);
      cleanup();
    }
    expect(await db.audit.count()).toBe(0);
  });

  it('says the key is lost when no holder is left', async () => {
    const { db, appeal } = await sealedAppeal(null);
    forgetPrivateKeys();
    render(<Blocks db={db} appeal={appeal} />);
    fireEvent.click(screen.getByTestId('text-show'));
    await waitFor(() => expect(screen.getByTestId('text-blocked').textContent).toBe('Текст недоступен: ключ утрачен.'));
    expect(screen.queryByTestId('appeal-text')).toBeNull();
  });

  it('a text in clear (setting off) shows as before, without «Показать»', async () => {
    const db = freshDb();
    await upsertAppeals(db, [makeAppeal({ externalId: '1', personal: PERSON, text: TEXT })]);
    const appeal = (await getAppeal(db, 'pos:1'))!;
    render(<Blocks db={db} appeal={appeal} />);
    expect(screen.getByTestId('appeal-text').textContent).toBe(TEXT);
    expect(screen.queryByTestId('text-show')).toBeNull();
  });
});
