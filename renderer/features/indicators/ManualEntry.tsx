/** Hand-entered quarterly values (training, social networks, best practices) with who entered them. */
import { useState } from 'react';
import { INDICATORS, type IndicatorDefinition, type ManualIndicatorId } from '../../../shared/indicators/definitions';
import { quarterLabel } from '../../../shared/indicators/quarters';
import type { IndicatorEntry } from '../../../shared/indicators/records';
import { formatDateTime } from '../../../shared/format/ru';
import { getDb } from '../../db/db';
import { enterIndicatorValue, indicatorEntryKey } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { useLang, useT } from '../../i18n';
import { ConflictLine } from './ConflictLine';
import { formatIndicator, inputOf, parseIndicatorInput } from './format';
import { indicatorMessages } from './messages';
import { useVersionedSave } from './use-versioned-save';

const MANUAL = INDICATORS.filter((d) => d.kind === 'manual');

export function ManualEntry({ quarters, entries, today }: { quarters: readonly string[]; entries: readonly IndicatorEntry[]; today: string }) {
  const t = useT(indicatorMessages);
  const lang = useLang();
  const [indicatorId, setIndicatorId] = useState<ManualIndicatorId>(MANUAL[0]!.id as ManualIndicatorId);
  const [quarter, setQuarter] = useState(quarters[quarters.length - 1]!);
  const def = MANUAL.find((d) => d.id === indicatorId) as IndicatorDefinition;
  const existing = entries.find((e) => e.key === indicatorEntryKey(indicatorId, quarter));
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const by = useSignedInName();
  const [saved, setSaved] = useState(false);
  const save = useVersionedSave(() => setSaved(true));
  const submit = () => {
    setSaved(false);
    const value = parseIndicatorInput(def, text);
    if (value === null) return save.setError(def.unit === 'share' ? t('errPercent') : t('errValue'));
    if (!by.trim()) return save.setError(t('errBy'));
    void save.run(existing?.version ?? 0, (version) => enterIndicatorValue(getDb(), indicatorId, quarter, value, note, version, { by, at: now(), today }));
  };
  const tz = getDb().timeZone;
  return (
    <Card title={t('entryTitle')} testId="ind-manual">
      <form
        className="indicators__inline"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="field">
          <span>{t('entryIndicator')}</span>
          <select value={indicatorId} onChange={(e) => setIndicatorId(e.target.value as ManualIndicatorId)} data-testid="ind-entry-indicator">
            {MANUAL.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('quarter')}</span>
          <select value={quarter} onChange={(e) => setQuarter(e.target.value)} data-testid="ind-entry-quarter">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{def.unit === 'share' ? t('entryValuePercent') : t('entryValue')}</span>
          <input value={text} onChange={(e) => setText(e.target.value)} placeholder={inputOf(def, existing?.value ?? null)} inputMode="decimal" size={8} data-testid="ind-entry-value" />
        </label>
        <label className="field">
          <span>{t('entryNote')}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} size={28} data-testid="ind-entry-note" />
        </label>
        <label className="field">
          <span>{t('by')}</span>
          <SignedInAuthor testId="ind-entry-by" />
        </label>
        <Button type="submit" variant="primary" disabled={save.busy} data-testid="ind-entry-save">
          {t('entrySave')}
        </Button>
        {saved ? <span className="indicators__muted" data-testid="ind-entry-saved">{t('entrySaved')}</span> : null}
        {save.error ? (
          <span className="indicators__error" role="alert">
            {save.error}
          </span>
        ) : null}
      </form>
      {save.conflict ? <ConflictLine conflict={save.conflict} def={def} /> : null}
      {entries.length > 0 ? (
        <table className="table indicators__entries" data-testid="ind-entries">
          <caption>{t('entriesTitle')}</caption>
          <thead>
            <tr>
              <th>{t('entryIndicator')}</th>
              <th>{t('colQuarter')}</th>
              <th className="num">{t('colValue')}</th>
              <th>{t('colNote')}</th>
              <th>{t('colBy')}</th>
              <th>{t('colAt')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries].reverse().map((e) => {
              const d = INDICATORS.find((x) => x.id === e.indicatorId)!;
              return (
                <tr key={e.key}>
                  <td>{d.name[lang]}</td>
                  <td>{quarterLabel(e.quarter, lang)}</td>
                  <td className="num">{formatIndicator(d, e.value, lang)}</td>
                  <td>{e.note}</td>
                  <td>{e.enteredBy}</td>
                  <td>{formatDateTime(e.enteredAt, tz, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </Card>
  );
}
