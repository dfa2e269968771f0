/**
 * Named groups of municipalities saved on this workstation (settings), plus the pack's own kinds,
 * and the small editor the top bar opens to make, change or delete them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { cleanSavedGroups, packTypeGroups, type MunicipalityGroup } from '../../shared/analytics/municipality-scope';
import { getDb } from '../db/db';
import { getSetting, setSetting } from '../db/settings-repo';
import { useT } from '../i18n';
import { Button } from '../ui/Button';
import { setGlobalScope } from './municipality-scope';
import { shellMessages } from './messages';
import { useRegionPack } from './region';

export const GROUPS_KEY = 'municipality.groups';

function useSavedGroups(): MunicipalityGroup[] {
  const pack = useRegionPack();
  const raw = useLiveQuery(() => getSetting<unknown>(getDb(), `${GROUPS_KEY}.${pack.id}`, []), [pack.id], []);
  return useMemo(() => cleanSavedGroups(raw, new Set(pack.municipalities.map((m) => m.id))), [raw, pack]);
}

/** Saved groups first (the room's own), then the pack's kinds. */
export function useMunicipalityGroups(): MunicipalityGroup[] {
  const pack = useRegionPack();
  const saved = useSavedGroups();
  return useMemo(() => [...saved, ...packTypeGroups(pack.municipalities)], [saved, pack]);
}

async function writeGroups(packId: string, groups: { name: string; members: string[] }[]): Promise<void> {
  await setSetting(getDb(), `${GROUPS_KEY}.${packId}`, groups.map((g) => ({ name: g.name, members: g.members })));
}

export function MunicipalityGroupEditor({ onClose }: { onClose: () => void }) {
  const t = useT(shellMessages);
  const pack = useRegionPack();
  const saved = useSavedGroups();
  const municipalities = useMemo(() => [...pack.municipalities].sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru')), [pack]);
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const [error, setError] = useState(false);
  const open = (group: MunicipalityGroup | null) => {
    setSelected(group?.name ?? null);
    setName(group?.name ?? '');
    setMembers(new Set(group?.members ?? []));
    setError(false);
  };
  const toggle = (id: string) => {
    const next = new Set(members);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setMembers(next);
  };
  const save = async () => {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean || members.size === 0) return setError(true);
    const list = [...members].sort();
    const others = saved.filter((g) => g.name !== selected && g.name !== clean);
    await writeGroups(pack.id, [...others, { name: clean, members: list }]);
    setGlobalScope({ kind: 'group', name: clean, members: list });
    onClose();
  };
  const remove = async () => {
    if (selected === null) return;
    await writeGroups(pack.id, saved.filter((g) => g.name !== selected));
    open(null);
  };
  return (
    <div className="scope-groups card" role="dialog" aria-modal="true" aria-label={t('groupEditorTitle')} data-testid="municipality-groups">
      <h2>{t('groupEditorTitle')}</h2>
      <div className="scope-groups__list">
        <Button onClick={() => open(null)} variant={selected === null ? 'primary' : undefined}>
          {t('groupNew')}
        </Button>
        {saved.map((g) => (
          <Button key={g.id} onClick={() => open(g)} variant={selected === g.name ? 'primary' : undefined}>
            {g.name}
          </Button>
        ))}
      </div>
      <label className="field">
        <span>{t('groupName')}</span>
        <input name="group-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset className="scope-groups__members">
        <legend>{t('groupMembers')}</legend>
        {municipalities.map((m) => (
          <label key={m.id}>
            <input type="checkbox" checked={members.has(m.id)} onChange={() => toggle(m.id)} data-municipality={m.id} /> {m.shortName}
          </label>
        ))}
      </fieldset>
      {error ? <p className="scope-groups__error">{t('groupNeedsName')}</p> : null}
      <div className="scope-groups__actions">
        <Button variant="primary" onClick={() => void save()} data-testid="group-save">
          {t('groupSave')}
        </Button>
        {selected !== null ? <Button onClick={() => void remove()}>{t('groupDelete')}</Button> : null}
        <Button onClick={onClose}>{t('groupClose')}</Button>
      </div>
    </div>
  );
}
