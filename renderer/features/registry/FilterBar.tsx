/**
 * The registry's filter form. The URL is the single source of truth: every change navigates to
 * the new `#/registry?…`, so Back works and the view can be copied to another window.
 * Selects apply at once; text fields apply on Enter or «Найти»; the received days apply once typed
 * in full (or picked), when they read as a range.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { NORMALIZED_STATUSES, SOURCE_KINDS, type NormalizedStatus } from '../../../shared/domain/appeal';
import type { RegionPack } from '../../../shared/domain/region-pack';
import { sectorsOf } from '../../../shared/domain/sectors';
import {
  DEADLINE_STATES,
  REGISTRY_SORTS,
  SATISFACTIONS,
  LIST_KEYS,
  NONE_VALUE,
  UNKNOWN_MUNICIPALITY,
  registryHref,
  type ListKey,
  type RegistryFilter,
  type RegistrySort,
} from '../../app/registry-filter';
import { navigate } from '../../app/router';
import { sourceLabel, statusLabel } from '../../export/appeal-labels';
import { useLang, useT } from '../../i18n';
import { Button } from '../../ui/Button';
import { registryMessages } from './messages';
import { ReceivedPeriod } from './ReceivedPeriod';

interface FilterBarProps {
  filter: RegistryFilter;
  pack: RegionPack;
}

type TextField = 'q' | 'channel' | 'category' | 'organisation';
/** Yes/no conditions; «Отвечено», «Отложенные» and the answer time are what overview numbers link with. */
const FLAG_FIELDS = ['repeat', 'answered', 'postponed', 'answerTime'] as const;

interface ChoiceFieldProps<T extends string> {
  name: string;
  label: string;
  /** The empty choice: no condition. */
  any: string;
  value: T | undefined;
  values: readonly T[];
  labelOf(value: T): string;
  onChange(value: T | undefined): void;
}

/** A condition chosen from a closed list, applied at once. */
function ChoiceField<T extends string>({ name, label, any, value, values, labelOf, onChange }: ChoiceFieldProps<T>) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as T))}>
        <option value="">{any}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labelOf(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function FilterBar({ filter, pack }: FilterBarProps) {
  const t = useT(registryMessages);
  const lang = useLang();
  const [text, setText] = useState<Record<TextField, string>>(() => textOf(filter));
  useEffect(() => setText(textOf(filter)), [filter.q, filter.channel, filter.category, filter.organisation]);

  const apply = (patch: Partial<RegistryFilter>) => {
    const next: RegistryFilter = { ...filter, ...patch };
    // A text query ranks by relevance; leaving it returns to the default order.
    if (patch.q !== undefined && next.sort === 'relevance' && !next.q) delete next.sort;
    navigate(registryHref(next));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: text.q || undefined, channel: text.channel || undefined, category: text.category || undefined, organisation: text.organisation || undefined });
  };
  const select = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

  return (
    <form className="registry-filters" onSubmit={submit} aria-label={t('filters')} data-testid="registry-filters">
      <label className="field registry-filters__search">
        <span>{t('search')}</span>
        <input
          type="search"
          name="q"
          value={text.q}
          placeholder={t('searchPlaceholder')}
          onChange={(e) => setText({ ...text, q: e.target.value })}
          maxLength={500}
        />
      </label>
      <ReceivedPeriod from={filter.from} to={filter.to} onApply={apply} />
      <label className="field">
        <span>{t('sector')}</span>
        <select name="sector" value={filter.sector ?? ''} onChange={(e) => apply({ sector: select(e.target.value) })}>
          <option value="">{t('any')}</option>
          {sectorsOf(pack).map((s) => (
            <option key={s.id} value={s.id}>
              {s.shortName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('municipality')}</span>
        <select name="municipality" value={filter.municipality ?? ''} onChange={(e) => apply({ municipality: select(e.target.value) })}>
          <option value="">{t('any')}</option>
          {[...pack.municipalities]
            .sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'))
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.shortName}
              </option>
            ))}
          <option value={UNKNOWN_MUNICIPALITY}>{t('unknownMunicipality')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('status')}</span>
        <select
          name="status"
          value={filter.status?.length === 1 ? filter.status[0] : filter.status ? filter.status.join(',') : ''}
          onChange={(e) => apply({ status: e.target.value ? (e.target.value.split(',') as NormalizedStatus[]) : undefined })}
        >
          <option value="">{t('any')}</option>
          {filter.status && filter.status.length > 1 ? (
            <option value={filter.status.join(',')}>{filter.status.map((s) => statusLabel(s, lang)).join(', ')}</option>
          ) : null}
          {NORMALIZED_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, lang)}
            </option>
          ))}
        </select>
      </label>
      <ChoiceField name="deadline" label={t('deadline')} any={t('any')} value={filter.deadline} values={DEADLINE_STATES} labelOf={(d) => t(`deadline.${d}`)} onChange={(deadline) => apply({ deadline })} />
      <ChoiceField name="source" label={t('source')} any={t('any')} value={filter.source} values={SOURCE_KINDS} labelOf={(s) => sourceLabel(s, lang)} onChange={(source) => apply({ source })} />
      {FLAG_FIELDS.map((name) => (
        <label className="field" key={name}>
          <span>{t(name)}</span>
          <select
            name={name}
            value={filter[name] === undefined ? '' : filter[name] ? '1' : '0'}
            onChange={(e) => apply({ [name]: e.target.value === '' ? undefined : e.target.value === '1' })}
          >
            <option value="">{t('any')}</option>
            <option value="1">{t('yes')}</option>
            <option value="0">{t('no')}</option>
          </select>
        </label>
      ))}
      <ChoiceField
        name="satisfaction"
        label={t('satisfaction')}
        any={t('any')}
        value={filter.satisfaction}
        values={SATISFACTIONS}
        labelOf={(s) => t(`satisfaction.${s}`)}
        onChange={(satisfaction) => apply({ satisfaction })}
      />
      <label className="field">
        <span>{t('category')}</span>
        <input name="category" value={text.category} onChange={(e) => setText({ ...text, category: e.target.value })} maxLength={500} />
      </label>
      <label className="field">
        <span>{t('organisation')}</span>
        <input
          name="organisation"
          list="registry-organisations"
          value={text.organisation}
          onChange={(e) => setText({ ...text, organisation: e.target.value })}
          maxLength={500}
        />
        <datalist id="registry-organisations">
          {pack.organisations.map((o) => (
            <option key={o.id} value={o.name} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t('channel')}</span>
        <input name="channel" value={text.channel} onChange={(e) => setText({ ...text, channel: e.target.value })} maxLength={500} />
      </label>
      <label className="field">
        <span>{t('sort')}</span>
        <select name="sort" value={filter.q ? 'relevance' : filter.sort ?? 'received-desc'} disabled={!!filter.q} onChange={(e) => apply({ sort: e.target.value as RegistrySort })}>
          {REGISTRY_SORTS.filter((s) => (filter.q ? s === 'relevance' : s !== 'relevance')).map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <ExtraConditions filter={filter} onRemove={(key) => apply({ [key]: undefined })} />
      <ListConditionChips filter={filter} pack={pack} onRemove={(kind, key) => apply({ [kind]: { ...filter[kind], [key]: undefined } })} />
      <div className="registry-filters__actions">
        <Button type="submit" variant="primary">
          {t('apply')}
        </Button>
        <Button onClick={() => navigate(registryHref({}))}>{t('reset')}</Button>
      </div>
    </form>
  );
}

function textOf(filter: RegistryFilter): Record<TextField, string> {
  return { q: filter.q ?? '', channel: filter.channel ?? '', category: filter.category ?? '', organisation: filter.organisation ?? '' };
}

const EXTRA_KEYS = ['outcome', 'reaction', 'importance', 'executor', 'fastTrack', 'rating'] as const;
type ExtraKey = (typeof EXTRA_KEYS)[number];

/**
 * Conditions the form has no field for (set by links from «Аналитика»: outcome, reaction,
 * importance, executor, fast track, exact rating), shown so a list never hides why it is narrow.
 */
function ExtraConditions({ filter, onRemove }: { filter: RegistryFilter; onRemove: (key: ExtraKey) => void }) {
  const t = useT(registryMessages);
  const shown = EXTRA_KEYS.filter((k) => filter[k] !== undefined);
  if (shown.length === 0) return null;
  const valueText = (key: ExtraKey): string => {
    const value = filter[key];
    if (key === 'fastTrack') return value ? t('yes') : t('no');
    if (key === 'rating') return value === 0 ? t('noRating') : String(value);
    if (value === NONE_VALUE) return t('noneValue');
    const labelKey = `val.${key}.${String(value)}`;
    return key !== 'executor' && labelKey in registryMessages.ru ? t(labelKey as keyof typeof registryMessages.ru) : String(value);
  };
  return (
    <div className="registry-filters__extra" data-testid="registry-extra-conditions">
      <span>{t('alsoFiltered')}</span>
      {shown.map((key) => (
        <span className="registry-filters__chip" key={key} data-condition={key}>
          {t(`extra.${key}`)}: {valueText(key)}{' '}
          <button type="button" aria-label={t('removeCondition')} onClick={() => onRemove(key)}>
            ×
          </button>
        </span>
      ))}
    </div>
  );
}

const SHOWN_LIST_VALUES = 5;

/**
 * «One of» / «none of» conditions (a municipality group, a pivot's «остальные»), each with the
 * values it lists: a list never hides why it is narrow.
 */
function ListConditionChips({ filter, pack, onRemove }: { filter: RegistryFilter; pack: RegionPack; onRemove: (kind: 'among' | 'except', key: ListKey) => void }) {
  const t = useT(registryMessages);
  const chips: { kind: 'among' | 'except'; key: ListKey; values: string[] }[] = [];
  for (const kind of ['among', 'except'] as const) {
    for (const key of LIST_KEYS) {
      const values = filter[kind]?.[key];
      if (values && values.length > 0) chips.push({ kind, key, values });
    }
  }
  if (chips.length === 0) return null;
  const name = (key: ListKey, value: string): string => {
    if (value === NONE_VALUE) return t('noneValue');
    if (key === 'municipality') return pack.municipalities.find((m) => m.id === value)?.shortName ?? value;
    if (key === 'sector') return sectorsOf(pack).find((s) => s.id === value)?.shortName ?? value;
    return value;
  };
  return (
    <div className="registry-filters__extra" data-testid="registry-list-conditions">
      {chips.map(({ kind, key, values }) => {
        const shown = values.slice(0, SHOWN_LIST_VALUES).map((v) => name(key, v));
        if (values.length > SHOWN_LIST_VALUES) shown.push(t('list.more', { n: values.length - SHOWN_LIST_VALUES }));
        return (
          <span className="registry-filters__chip" key={`${kind}.${key}`} data-condition={`${kind}.${key}`} title={values.map((v) => name(key, v)).join(', ')}>
            {t(kind === 'among' ? 'list.among' : 'list.except', { field: t(`listField.${key}`), values: shown.join(', ') })}{' '}
            <button type="button" aria-label={t('removeCondition')} onClick={() => onRemove(kind, key)}>
              ×
            </button>
          </span>
        );
      })}
    </div>
  );
}
