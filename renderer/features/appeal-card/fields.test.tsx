// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { blankAppeal, type Appeal } from '../../../shared/domain/appeal';
import { KIROV_PACK } from '../../../shared/domain/packs';
import { useLangStore } from '../../i18n';
import { FieldsSection } from './sections';

const appeal: Appeal = {
  ...blankAppeal('official', '7', Date.UTC(2025, 10, 18, 6)),
  status: 'postponed',
  statusRaw: 'Отложено',
  outcome: 'postponed',
  importance: 'private',
  reaction: 'neutral',
  answerHours: 2.5,
  qualityFlags: ['unmapped-sector', 'unknown-municipality'],
};

/** Raw ids of the values on show: none may reach the operator. */
const RAW = ['official', 'postponed', 'private', 'neutral', 'unmapped-sector', 'unknown-municipality'];

describe('appeal card fields', () => {
  afterEach(() => {
    cleanup();
    act(() => useLangStore.getState().setLang('ru'));
  });

  it.each([
    ['ru', ['Официальная информация органов', 'Отложено', 'Личное сообщение (ЛС)', 'Автор нейтрален', 'категория не сопоставлена с отраслью, муниципалитет не определён', '2,5 ч']],
    ['en', ['Official information from bodies', 'Postponed', 'Private message', 'Author neutral', 'category not mapped to a sector, municipality unknown', '2.5 h']],
  ] as const)('shows labels, never raw ids (%s)', (lang, labels) => {
    act(() => useLangStore.getState().setLang(lang));
    render(<FieldsSection appeal={appeal} pack={KIROV_PACK} timeZone="Europe/Moscow" />);
    const values = [...screen.getByTestId('appeal-fields').querySelectorAll('dd')].map((dd) => dd.textContent ?? '');
    for (const label of labels) expect(values).toContain(label);
    for (const raw of RAW) expect(values).not.toContain(raw);
    if (lang === 'ru') expect(values.join(' ')).not.toMatch(/[a-z]{3,}-[a-z]+|postponed|private|neutral|official/);
  });
});
