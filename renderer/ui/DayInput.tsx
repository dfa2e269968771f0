import { useRef, useState, type KeyboardEvent } from 'react';
import { DAY_ENTRY_LENGTH, formatDayEntry, maskDayEntry, parseDayEntry } from '../../shared/format/day-entry';
import { useLang, useT } from '../i18n';
import { uiMessages } from '../i18n/ui';
import './day-input.css';

export interface DayInputProps {
  /** The applied day, `YYYY-MM-DD`. */
  value: string;
  /**
   * A finished entry: the typed day, or null when the text is not a real day. Called once the
   * text is complete, on Enter, on leaving the field, on a pick from the calendar, and with the
   * applied day again on Escape.
   */
  onEntry(day: string | null): void;
  label: string;
  invalid?: boolean;
  testId?: string;
}

/**
 * A day typed as «дд.мм.гггг» (dd/mm/yyyy in English) whatever the browser's locale, with the
 * native calendar one click away. The text follows `value` when it changes from outside (a preset,
 * the language) and is otherwise the operator's own, even while it is not a valid day.
 */
export function DayInput({ value, onEntry, label, invalid, testId }: DayInputProps) {
  const t = useT(uiMessages);
  const lang = useLang();
  const [shown, setShown] = useState({ value, lang, text: formatDayEntry(value, lang) });
  const native = useRef<HTMLInputElement>(null);
  if (shown.value !== value || shown.lang !== lang) {
    // Render-time sync from props: keep the operator's text if it already says this day.
    const keep = shown.lang === lang && parseDayEntry(shown.text, lang) === value;
    setShown({ value, lang, text: keep ? shown.text : formatDayEntry(value, lang) });
  }
  const setText = (text: string) => setShown((s) => ({ ...s, text }));
  const finish = () => {
    const day = parseDayEntry(shown.text, lang);
    if (day) setText(formatDayEntry(day, lang));
    onEntry(day);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') finish();
    if (e.key === 'Escape') {
      // Back to the applied day, which also withdraws this field's part of a wrong range.
      setText(formatDayEntry(value, lang));
      onEntry(value);
    }
  };
  const openCalendar = () => {
    const input = native.current;
    if (!input) return;
    // showPicker is missing in older engines (and jsdom) and may refuse (no user activation);
    // the typed field stays usable either way.
    try {
      input.showPicker();
    } catch {
      input.focus();
    }
  };
  return (
    <span className="day-input">
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="day-input__text"
        aria-label={label}
        aria-invalid={invalid ? 'true' : undefined}
        placeholder={t('dayPlaceholder')}
        data-testid={testId}
        value={shown.text}
        size={DAY_ENTRY_LENGTH}
        onChange={(e) => {
          const text = maskDayEntry(e.target.value, lang);
          setText(text);
          if (text.length === DAY_ENTRY_LENGTH) onEntry(parseDayEntry(text, lang));
        }}
        onBlur={finish}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="day-input__calendar" aria-label={t('dayPickerOpen')} title={t('dayPickerOpen')} onClick={openCalendar}>
        <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="currentColor" strokeWidth="1.4">
          <rect x="1.5" y="2.5" width="11" height="10" rx="1.5" />
          <path d="M1.5 5.5h11M4.5 1v3M9.5 1v3" />
        </svg>
      </button>
      <input
        ref={native}
        type="date"
        className="day-input__native"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => {
          if (!e.target.value) return;
          setText(formatDayEntry(e.target.value, lang));
          onEntry(e.target.value);
        }}
      />
    </span>
  );
}
