/** Settings section: the directory of blocks → responsible officials (who escalations go to by default). */
import { useEffect, useState } from 'react';
import { sectorsOf } from '../../../shared/domain/sectors';
import type { OfficialEntry } from '../../../shared/records';
import { useRegionPack } from '../../app/region';
import { getDb } from '../../db/db';
import { saveOfficials } from '../../db/officials-repo';
import { Button } from '../../ui/Button';
import { SettingsSection } from '../../ui/SettingsSection';
import { useT } from '../../i18n';
import { controlMessages } from './messages';
import { useOfficials } from './queries';

export default function OfficialsSettings() {
  const t = useT(controlMessages);
  const pack = useRegionPack();
  const stored = useOfficials();
  const [draft, setDraft] = useState<Record<string, OfficialEntry>>({});
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (stored) setDraft(Object.fromEntries(stored.map((e) => [e.sector, e])));
  }, [stored]);
  if (stored === undefined) return null;
  const sectors = sectorsOf(pack);
  const entry = (sector: string): OfficialEntry => draft[sector] ?? { sector, body: '', official: '' };
  const set = (sector: string, patch: Partial<OfficialEntry>) => {
    setNote(null);
    setDraft((d) => ({ ...d, [sector]: { ...entry(sector), ...patch } }));
  };
  const save = async () => {
    await saveOfficials(getDb(), Object.values(draft));
    setNote(t('officialsSaved'));
  };
  return (
    <SettingsSection title={t('officialsTitle')} description={t('officialsHint')} testId="officials">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('officialsSector')}</th>
              <th scope="col">{t('officialsBody')}</th>
              <th scope="col">{t('officialsOfficial')}</th>
            </tr>
          </thead>
          <tbody>
            {sectors.map((s) => (
              <tr key={s.id} data-testid="officials-row" data-sector={s.id}>
                <td>{s.name}</td>
                <td>
                  <input aria-label={`${t('officialsBody')}: ${s.name}`} value={entry(s.id).body} onChange={(e) => set(s.id, { body: e.target.value })} maxLength={300} data-testid={`officials-body-${s.id}`} />
                </td>
                <td>
                  <input aria-label={`${t('officialsOfficial')}: ${s.name}`} value={entry(s.id).official} onChange={(e) => set(s.id, { official: e.target.value })} maxLength={300} data-testid={`officials-official-${s.id}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="control__actions">
        <Button variant="primary" onClick={() => void save()} data-testid="officials-save">
          {t('save')}
        </Button>
        {note ? <span role="status">{note}</span> : null}
      </div>
    </SettingsSection>
  );
}
