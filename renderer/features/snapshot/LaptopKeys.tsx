import { useCallback, useEffect, useState } from 'react';
import { exportPublicKey, fingerprint, formatFingerprint, importPublicKey } from '../../../shared/bundle';
import { getOwnDb } from '../../db/db';
import { logAudit } from '../../db/audit-repo';
import { useT } from '../../i18n';
import { platform } from '../../platform';
import { realNow } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { createLaptopKey, getStoredKey, listTrustedCentres, pinCentre, unpinCentre, type StoredPrivateKey, type TrustedCentre } from '../../viewer/key-store';
import { KeyProtectionNote } from './KeyProtectionNote';
import { snapshotMessages } from './messages';

function fileSlug(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40) || 'key';
}

/** «Ключ этого ноутбука»: created once here, its public half saved as a small file for the centre. */
export function LaptopKeyCard() {
  const t = useT(snapshotMessages);
  const [key, setKey] = useState<StoredPrivateKey | null | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void getStoredKey('laptop').then(setKey);
  }, []);

  const create = async () => {
    if (key && !window.confirm(t('laptopReplaceConfirm'))) return;
    setError(null);
    try {
      const name = label.trim() || 'Ноутбук';
      const created = await createLaptopKey(name, realNow());
      await logAudit(getOwnDb(), { action: 'snapshot.create-key', details: { kind: 'laptop', fingerprint: created.fingerprint, origin: 'generated' } });
      setKey(created);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    if (!key) return;
    const text = await exportPublicKey('laptop', key.publicKey, key.label);
    await platform.saveFile(`laptop-key-${fileSlug(key.label)}.pub.json`, new Blob([text], { type: 'application/json' }));
  };

  return (
    <Card title={t('laptopTitle')} testId="laptop-key" ready={key !== undefined}>
      <p className="registry-note">{t('laptopHint')}</p>
      {key ? (
        <>
          <p>{key.label}</p>
          <p className="registry-note">{t('fingerprint')}</p>
          <pre className="snapshot-fingerprint" data-testid="laptop-fingerprint">
            {formatFingerprint(key.fingerprint)}
          </pre>
          <KeyProtectionNote stored={key} />
        </>
      ) : key === null ? (
        <p className="registry-note">{t('laptopNone')}</p>
      ) : null}
      <div className="snapshot-actions">
        <label className="field">
          {t('laptopLabel')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} data-testid="laptop-label" />
        </label>
        <Button onClick={() => void create()} data-testid="laptop-create">
          {key ? t('laptopReplace') : t('laptopCreate')}
        </Button>
        {key ? (
          <Button variant="primary" onClick={() => void save()} data-testid="laptop-export">
            {t('laptopExport')}
          </Button>
        ) : null}
      </div>
      {error ? <p role="alert" className="snapshot-error">{error}</p> : null}
    </Card>
  );
}

/** The centre keys this computer trusts: pinned at the first import, or added in advance from a file. */
export function TrustedCentresCard() {
  const t = useT(snapshotMessages);
  const [list, setList] = useState<TrustedCentre[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => void listTrustedCentres().then(setList), []);
  useEffect(reload, [reload]);

  const add = async () => {
    setError(null);
    const [file] = await platform.pickFiles({ accept: ['.json'], multiple: false });
    if (!file) return;
    try {
      const info = importPublicKey(await file.blob.text());
      if (info.algorithm !== 'Ed25519') throw new Error('not a signing key');
      const fp = await fingerprint(info.publicKey);
      const centre = info.label ?? file.name;
      await pinCentre({ fingerprint: fp, publicKey: info.publicKey, centre, pinnedAt: realNow(), how: 'file' });
      await logAudit(getOwnDb(), { action: 'snapshot.trust-centre', details: { fingerprint: fp, centre, how: 'file' } });
      reload();
    } catch {
      setError(t('trustedBadFile'));
    }
  };

  const remove = async (entry: TrustedCentre) => {
    await unpinCentre(entry.fingerprint);
    await logAudit(getOwnDb(), { action: 'snapshot.untrust-centre', details: { fingerprint: entry.fingerprint } });
    reload();
  };

  return (
    <Card title={t('trustedTitle')} testId="trusted-centres" ready={list !== null}>
      <p className="registry-note">{t('trustedHint')}</p>
      {list && list.length === 0 ? <p className="registry-note">{t('trustedNone')}</p> : null}
      {list?.map((entry) => (
        <div key={entry.fingerprint} className="snapshot-trusted" data-testid="trusted-centre">
          <strong>{entry.centre}</strong>
          <pre className="snapshot-fingerprint">{formatFingerprint(entry.fingerprint)}</pre>
          <Button size="small" variant="danger" onClick={() => void remove(entry)}>
            {t('trustedRemove')}
          </Button>
        </div>
      ))}
      <div className="snapshot-actions">
        <Button onClick={() => void add()} data-testid="trusted-add">
          {t('trustedAdd')}
        </Button>
      </div>
      {error ? <p role="alert" className="snapshot-error">{error}</p> : null}
    </Card>
  );
}
