// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PersonalData as Personal } from '../../../shared/domain/appeal';
import { freshDb } from '../../../tests/support/fresh-db';
import { makeAppeal } from '../../../tests/support/store-appeal';
import { getAppeal, upsertAppeals } from '../../db/appeals-repo';
import { createVaultSessionHooks } from '../../personal-vault/session-hooks';
import { forgetPrivateKeys } from '../../personal-vault/key-ring';
import { setArgon2CostForTests } from '../../personal-vault/key-wrap';
import { PersonalData } from './PersonalData';

const PERSON: Personal = { fullName: 'Иванова Мария Сергеевна', phone: '+7 912 000-11-22', email: 'ivanova@mail.ru', address: null, applicantKey: null };

afterEach(() => {
  cleanup();
  forgetPrivateKeys();
});

async function sealedAppeal() {
  const db = freshDb();
  await upsertAppeals(db, [makeAppeal({ externalId: '1', personal: PERSON })]);
  return { db, appeal: (await getAppeal(db, 'pos:1'))! };
}

describe('«Заявитель» on the card with sealed personal data', () => {
  it('shows fixed masks without the key, then the values after «Показать», audited first', async () => {
    const { db, appeal } = await sealedAppeal();
    render(<PersonalData db={db} appeal={appeal} />);
    expect(screen.getByTestId('personal-name').textContent).toBe('*****');
    expect(screen.getByTestId('personal-phone').textContent).toBe('*** ***-**-**');
    expect(screen.getByTestId('personal-address').textContent).toBe('—');
    fireEvent.click(screen.getByTestId('personal-show'));
    await waitFor(() => expect(screen.getByTestId('appeal-personal').getAttribute('data-shown')).toBe('true'));
    expect(screen.getByTestId('personal-phone').textContent).toBe(PERSON.phone);
    expect((await db.audit.toArray()).map((r) => r.action)).toEqual(['personal-data.reveal']);
  });

  it('says the key is lost when no holder is left', async () => {
    const { db, appeal } = await sealedAppeal();
    forgetPrivateKeys();
    render(<PersonalData db={db} appeal={appeal} />);
    fireEvent.click(screen.getByTestId('personal-show'));
    await waitFor(() => expect(screen.getByTestId('personal-blocked').textContent).toBe('Персональные данные недоступны: ключ утрачен.'));
    expect(screen.getByTestId('personal-name').textContent).toBe('*****');
  });

  it('locked: says so and opens with the recovery key typed into the card', async () => {
    setArgon2CostForTests({ memory: 64, iterations: 1, parallelism: 1 });
    const { db, appeal } = await sealedAppeal();
    const { recoveryKey } = (await createVaultSessionHooks(() => db).onFirstRun!({ id: 'admin', canRevealPersonal: true }, 'pass'))!;
    forgetPrivateKeys();
    render(<PersonalData db={db} appeal={appeal} />);
    fireEvent.click(screen.getByTestId('personal-show'));
    await waitFor(() => expect(screen.getByTestId('personal-blocked').textContent).toMatch(/^Хранилище персональных данных заблокировано/));
    fireEvent.change(screen.getByTestId('personal-recovery-key'), { target: { value: recoveryKey } });
    fireEvent.submit(screen.getByTestId('personal-recovery-key').closest('form')!);
    await waitFor(() => expect(screen.getByTestId('appeal-personal').getAttribute('data-shown')).toBe('true'));
    expect(screen.getByTestId('personal-name').textContent).toBe(PERSON.fullName);
  });
});
