// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { makeAppeal } from '../../../tests/support/store-appeal';
import { upsertAppeals } from '../../db/appeals-repo';
import { getDb } from '../../db/db';
import { forgetPrivateKeys } from '../../personal-vault/key-ring';
import { readTextsPolicy } from '../../personal-vault/texts-policy';
import { setAccess, UNRESTRICTED } from '../../runtime/access';
import { TextsSection } from './TextsSection';

describe('«Тексты обращений содержат персональные данные» in Settings', () => {
  beforeEach(async () => {
    await getDb().delete();
    await getDb().open();
    setAccess('admin', UNRESTRICTED);
  });
  afterEach(() => {
    cleanup();
    forgetPrivateKeys();
  });

  it('is off by default; turning it on is audited and seals the texts already stored, with progress shown', async () => {
    const db = getDb();
    await upsertAppeals(db, [makeAppeal({ externalId: '1', text: 'Звоните Петрову +7 900 111-22-33' }), makeAppeal({ externalId: '2', text: 'Яма' })]);
    render(<TextsSection />);
    const box = await screen.findByTestId<HTMLInputElement>('texts-carry-personal');
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByTestId('texts-sealing').getAttribute('data-done')).toBe('true'));
    expect(screen.getByTestId('texts-sealing').textContent).toBe('Тексты в хранилище зашифрованы (зашифровано при включении: 2).');
    expect(box.checked).toBe(true);
    expect(await readTextsPolicy(db)).toEqual({ sealTexts: true });
    expect((await db.appeals.toArray()).map((r) => r.text)).toEqual(['', '']);
    expect((await db.audit.toArray()).map((r) => r.action)).toEqual(['personal-data.texts-policy']);
  });

  it('an operator cannot change it: the data layer refuses and says so', async () => {
    setAccess('operator', UNRESTRICTED);
    render(<TextsSection />);
    const box = await screen.findByTestId<HTMLInputElement>('texts-carry-personal');
    await waitFor(() => expect(box.disabled).toBe(false));
    fireEvent.click(box);
    await screen.findByRole('alert');
    expect(await readTextsPolicy(getDb())).toEqual({ sealTexts: false });
  });
});
