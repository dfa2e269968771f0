/**
 * «Разбор прочих»: the recurring problems in the texts of the «Прочее» block or of one category,
 * within the global period, sector and municipality scope, with masked examples; a phrase becomes
 * a new category (its appeals mapped to it) in one audited action.
 */
import { useMemo, useState } from 'react';
import type { Phrase } from '../../../shared/analytics/phrases';
import { OTHER_SECTOR_ID } from '../../../shared/domain/appeal';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { sectorsOf } from '../../../shared/domain/sectors';
import { formatNumber } from '../../../shared/format/ru';
import { appealHref, registryHref, type RegistryFilter } from '../../app/registry-filter';
import { createCategoryFromPhrase, decomposeSlice, type Decomposition } from '../../analytics-engine/decomposition';
import { getDb } from '../../db/db';
import { now as clockNow } from '../../runtime/clock';
import { useLang, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { analyticsMessages } from './messages';
import type { Scope } from './model';
import { NamedOptions } from '../../ui/NamedOptions';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: Decomposition; filter: RegistryFilter } | { kind: 'error'; cause: string };

export function DecomposeView({ scope, now, pack }: { scope: Scope; now: number; pack: RegionPack }) {
  const t = useT(analyticsMessages);
  const lang = useLang();
  const [category, setCategory] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [notice, setNotice] = useState<string | null>(null);
  const filter = useMemo<RegistryFilter>(() => {
    const f: RegistryFilter = { from: scope.from, to: scope.to };
    if (category.trim()) f.category = category.trim();
    else f.sector = OTHER_SECTOR_ID;
    if (scope.sector && category.trim()) f.sector = scope.sector;
    if (scope.municipalities) f.among = { municipality: [...scope.municipalities] };
    return f;
  }, [scope, category]);
  const run = async () => {
    setState({ kind: 'running' });
    setNotice(null);
    try {
      const result = await decomposeSlice(getDb(), filter, now, pack.timeZone);
      setState({ kind: 'done', result, filter });
    } catch (error) {
      setState({ kind: 'error', cause: String(error) });
    }
  };
  return (
    <section className="analytics-other" data-testid="analytics-other">
      <h2>{t('otherTitle')}</h2>
      <p className="analytics-muted">{t('otherHint')}</p>
      <div className="analytics-controls">
        <label className="field">
          <span>{t('otherSlice')}</span>
          <input
            name="other-category"
            placeholder={t('otherBlock')}
            value={category}
            maxLength={200}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="other-category"
          />
        </label>
        <Button variant="primary" onClick={() => void run()} disabled={state.kind === 'running'} data-testid="other-run">
          {state.kind === 'running' ? t('otherRunning') : t('otherRun')}
        </Button>
      </div>
      {notice ? (
        <p role="status" data-testid="other-notice">
          {notice}
        </p>
      ) : null}
      {state.kind === 'error' ? <p role="alert">{t('otherFailed', { cause: state.cause })}</p> : null}
      {state.kind === 'done' ? (
        <PhraseTable
          result={state.result}
          filter={state.filter}
          pack={pack}
          defaultSector={scope.sector}
          fromCategory={category.trim() || null}
          onCreated={(name, n) => {
            // Re-read the slice (the moved appeals leave it), then say what was done.
            void run();
            setNotice(t('otherDone', { name, n: formatNumber(n, 0, lang) }));
          }}
        />
      ) : null}
    </section>
  );
}

function PhraseTable(props: {
  result: Decomposition;
  filter: RegistryFilter;
  pack: RegionPack;
  defaultSector: string | null;
  fromCategory: string | null;
  onCreated(name: string, n: number): void;
}) {
  const { result, filter } = props;
  const t = useT(analyticsMessages);
  const lang = useLang();
  const [creating, setCreating] = useState<string | null>(null);
  return (
    <div data-testid="other-result" data-ready="true">
      <p className="analytics-muted">
        {t('otherRead', { n: formatNumber(result.read, 0, lang) })}
        {result.truncated ? ` ${t('otherTruncated', { n: formatNumber(result.read, 0, lang) })}` : ''}
      </p>
      {result.sealedLeftOut > 0 ? (
        <p className="analytics-muted" role="note" data-testid="other-sealed-left-out">
          {t('otherSealedLeftOut', { n: formatNumber(result.sealedLeftOut, 0, lang) })}
        </p>
      ) : null}
      {result.phrases.length === 0 ? <p data-testid="other-none">{t('otherNone')}</p> : null}
      {result.phrases.length > 0 ? (
        <table className="analytics-table" data-testid="other-phrases">
          <thead>
            <tr>
              <th scope="col">{t('otherPhrase')}</th>
              <th scope="col">{t('otherCount')}</th>
              <th scope="col">{t('otherExamples')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {result.phrases.map((p) => (
              <tr key={p.key} data-testid="other-phrase">
                <td>
                  <strong data-testid="other-phrase-label">{p.label}</strong>{' '}
                  <a className="analytics-muted" href={registryHref({ ...filter, q: p.label })}>
                    {t('otherFind')}
                  </a>
                </td>
                <td className="tabular">{formatNumber(p.count, 0, lang)}</td>
                <td>
                  <ul className="analytics-examples">
                    {p.examples.map((e) => (
                      <li key={e.id}>
                        <a href={appealHref(e.id)} data-testid="other-example">
                          {e.snippet}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {creating === p.key ? (
                    <CreateCategoryForm phrase={p} {...props} onCancel={() => setCreating(null)} />
                  ) : (
                    <Button size="small" onClick={() => setCreating(p.key)} data-testid="other-create">
                      {t('otherCreate')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

function CreateCategoryForm(props: { phrase: Phrase; pack: RegionPack; defaultSector: string | null; fromCategory: string | null; onCreated(name: string, n: number): void; onCancel(): void }) {
  const { phrase, pack } = props;
  const t = useT(analyticsMessages);
  const sectors = useMemo(() => sectorsOf(pack), [pack]);
  const [name, setName] = useState(phrase.label.charAt(0).toUpperCase() + phrase.label.slice(1));
  const [sector, setSector] = useState(props.defaultSector ?? sectors.find((s) => s.id !== OTHER_SECTOR_ID)?.id ?? OTHER_SECTOR_ID);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!name.trim()) return;
    setBusy(true);
    try {
      const n = await createCategoryFromPhrase(getDb(), { category: name, sector, phrase, fromCategory: props.fromCategory, at: clockNow() });
      props.onCreated(name.trim(), n);
    } catch (e) {
      setError(String(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="analytics-create"
      data-testid="other-create-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span>{t('otherNewName')}</span>
        <input name="category-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="field">
        <span>{t('otherNewSector')}</span>
        <select name="category-sector" value={sector} onChange={(e) => setSector(e.target.value)}>
          <NamedOptions items={sectors} />
        </select>
      </label>
      <Button type="submit" variant="primary" disabled={busy} data-testid="other-confirm">
        {t('otherConfirm', { n: phrase.count })}
      </Button>
      <Button onClick={props.onCancel}>{t('otherCancel')}</Button>
      {error ? <p role="alert">{t('otherFailed', { cause: error })}</p> : null}
    </form>
  );
}
