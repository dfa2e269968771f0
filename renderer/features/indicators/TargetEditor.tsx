/** Setting an indicator's target (a share in percent, a count as a number), versioned and audited. */
import { useState } from 'react';
import type { IndicatorDefinition } from '../../../shared/indicators/definitions';
import type { IndicatorTarget } from '../../../shared/indicators/records';
import { getDb } from '../../db/db';
import { setIndicatorTarget } from '../../db/roadmaps-repo';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { SignedInAuthor, useSignedInName } from '../../ui/SignedInAuthor';
import { useT } from '../../i18n';
import { ConflictLine } from './ConflictLine';
import { inputOf, parseIndicatorInput } from './format';
import { indicatorMessages } from './messages';
import { useVersionedSave } from './use-versioned-save';

export function TargetEditor({ def, target, today, onClose }: { def: IndicatorDefinition; target: IndicatorTarget | undefined; today: string; onClose(): void }) {
  const t = useT(indicatorMessages);
  const [text, setText] = useState(inputOf(def, target?.value ?? null));
  const by = useSignedInName();
  const save = useVersionedSave(onClose);
  const submit = (clear: boolean) => {
    const value = clear ? null : parseIndicatorInput(def, text);
    if (!clear && value === null) return save.setError(def.unit === 'share' ? t('errPercent') : t('errValue'));
    if (!by.trim()) return save.setError(t('errBy'));
    void save.run(target?.version ?? 0, (version) => setIndicatorTarget(getDb(), def.id, value, version, { by, at: now(), today }));
  };
  return (
    <form
      className="indicators__inline"
      data-testid={`ind-target-form-${def.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <label className="field">
        <span>
          {t('target')}
          {def.unit === 'share' ? `, ${t('targetPercentHint')}` : ''}
        </span>
        <input value={text} onChange={(e) => setText(e.target.value)} inputMode="decimal" size={6} data-testid="ind-target-input" />
      </label>
      <label className="field">
        <span>{t('by')}</span>
        <SignedInAuthor testId="ind-target-by" />
      </label>
      <Button type="submit" size="small" variant="primary" disabled={save.busy} data-testid="ind-target-save">
        {t('saveTarget')}
      </Button>
      {target?.value != null ? (
        <Button size="small" variant="ghost" onClick={() => submit(true)}>
          {t('clearTarget')}
        </Button>
      ) : null}
      {save.error ? (
        <span className="indicators__error" role="alert">
          {save.error}
        </span>
      ) : null}
      {save.conflict ? <ConflictLine conflict={save.conflict} def={def} /> : null}
    </form>
  );
}
