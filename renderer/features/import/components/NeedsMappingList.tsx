import { useState } from 'react';
import { NORMALIZED_STATUSES } from '../../../../shared/domain/appeal';
import { sectorsOf } from '../../../../shared/domain/sectors';
import { formatNumber } from '../../../../shared/format/ru';
import { useRegionPack } from '../../../app/region';
import { useLang, useT } from '../../../i18n';
import { Button } from '../../../ui/Button';
import type { NeedsMappingCount } from '../../../import-pipeline/engine';
import { importMessages } from '../messages';
import { NamedOptions } from '../../../ui/NamedOptions';

const STATUS_LABELS: Record<string, string> = {
  new: 'новое / на модерации',
  rejected: 'отклонено модератором',
  routed: 'направлено',
  assigned: 'назначен исполнитель',
  extended: 'срок продлён',
  answered: 'дан ответ',
  closed: 'закрыто',
  postponed: 'отложено',
  unresolved: 'не решено',
  other: 'прочее',
};

function NeedRow({ need, onMap }: { need: NeedsMappingCount; onMap(value: string): void }) {
  const t = useT(importMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const [value, setValue] = useState('');
  const options =
    need.kind === 'category'
      ? sectorsOf(pack).map((s) => ({ id: s.id, name: s.name }))
      : need.kind === 'organisation'
        ? pack.municipalities.map((m) => ({ id: m.id, name: m.name }))
        : NORMALIZED_STATUSES.filter((s) => s !== 'other').map((s) => ({ id: s, name: STATUS_LABELS[s] ?? s }));
  return (
    <tr data-testid="import-need">
      <td>{t(`kind_${need.kind}`)}</td>
      <td className="import-text">{need.value}</td>
      <td className="num tabular">{formatNumber(need.count, 0, lang)}</td>
      <td>
        <select aria-label={need.value} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">{t('choosePlaceholder')}</option>
          <NamedOptions items={options} label="full" />
        </select>{' '}
        <Button size="small" disabled={!value} onClick={() => onMap(value)}>
          {t('apply')}
        </Button>
      </td>
    </tr>
  );
}

export function NeedsMappingList({ needs, remapped, onMap }: { needs: NeedsMappingCount[]; remapped: number | null; onMap(need: NeedsMappingCount, value: string): void }) {
  const t = useT(importMessages);
  return (
    <div data-testid="import-needs">
      <p className="card__subtitle">{t('needsHint')}</p>
      {remapped !== null ? <p className="notice">{t('remapped', { n: remapped })}</p> : null}
      {needs.length === 0 ? (
        <p>{t('needsNone')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {needs.map((need) => (
                <NeedRow key={`${need.kind}:${need.value}`} need={need} onMap={(value) => onMap(need, value)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
