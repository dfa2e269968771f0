import { useEffect, useState } from 'react';
import { exportPublicKey, fingerprint, formatFingerprint, importPublicKey } from '../../../shared/bundle';
import { sectorsOf } from '../../../shared/domain/sectors';
import { addCalendarDays, regionDay, regionDayEnd, regionDayStart } from '../../../shared/domain/time';
import { formatNumber } from '../../../shared/format/ru';
import { useRegionPack } from '../../app/region';
import { getDb } from '../../db/db';
import { LOCAL_USER, logAudit } from '../../db/audit-repo';
import { useLang, useT } from '../../i18n';
import { platform } from '../../platform';
import { now } from '../../runtime/clock';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { DayInput } from '../../ui/DayInput';
import { createSnapshot, type LaptopRecipient } from '../../viewer/create';
import { createSigningKey, getStoredKey, storeImportedSigningKey, type StoredPrivateKey } from '../../viewer/key-store';
import { KeyProtectionNote } from './KeyProtectionNote';
import { snapshotMessages } from './messages';
import { ProgressBar } from './ProgressBar';
import { NamedOptions } from '../../ui/NamedOptions';

const MIN_PASSPHRASE = 16;
/** The default content: the last 13 months (a year and the month before it, for comparisons). */
const DEFAULT_MONTHS = 13;
const DEFAULT_EXPIRY_DAYS = 30;

function monthsBefore(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The centre's signing key: created here or loaded once from the command line's key file. */
function SigningKeyPanel({ centre, signingKey, onKey }: { centre: string; signingKey: StoredPrivateKey | null; onKey(key: StoredPrivateKey): void }) {
  const t = useT(snapshotMessages);
  const [error, setError] = useState<string | null>(null);
  const audit = (key: StoredPrivateKey) =>
    logAudit(getDb(), { action: 'snapshot.create-key', details: { kind: 'signing', fingerprint: key.fingerprint, origin: key.origin } });
  const create = async () => {
    setError(null);
    try {
      const key = await createSigningKey(centre, Date.now());
      await audit(key);
      onKey(key);
    } catch (e) {
      // The OS keychain refused (Linux basic_text, locked keyring): its own Russian sentence.
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const load = async () => {
    setError(null);
    const [file] = await platform.pickFiles({ accept: ['.json'], multiple: false });
    if (!file) return;
    try {
      const key = await storeImportedSigningKey(await file.blob.text(), Date.now());
      await audit(key);
      onKey(key);
    } catch (e) {
      // A bad file reads «signing key: …» in English; the keychain's refusal is already a Russian sentence.
      setError(e instanceof Error && e.name === 'Error' && !e.message.startsWith('signing key') ? e.message : t('signingBadFile'));
    }
  };
  const save = async () => {
    if (!signingKey) return;
    const text = await exportPublicKey('signing', signingKey.publicKey, signingKey.label);
    await platform.saveFile('centre-key.pub.json', new Blob([text], { type: 'application/json' }));
  };
  return (
    <fieldset className="snapshot-fieldset" data-testid="signing-key">
      <legend>{t('signingTitle')}</legend>
      {signingKey ? (
        <pre className="snapshot-fingerprint" data-testid="signing-fingerprint">
          {formatFingerprint(signingKey.fingerprint)}
        </pre>
      ) : null}
      {signingKey ? (
        <KeyProtectionNote stored={signingKey} />
      ) : (
        <p className="registry-note">{t('signingNone')}</p>
      )}
      <div className="snapshot-actions">
        {signingKey ? (
          <Button onClick={() => void save()} data-testid="signing-export">
            {t('signingExport')}
          </Button>
        ) : (
          <>
            <Button onClick={() => void create()} data-testid="signing-create">
              {t('signingCreate')}
            </Button>
            <Button onClick={() => void load()}>{t('signingImport')}</Button>
          </>
        )}
      </div>
      {error ? <p role="alert" className="snapshot-error">{error}</p> : null}
    </fieldset>
  );
}

/**
 * «Создать снимок» at the centre: content (period, blocks, municipalities, texts, personal data
 * only with a reason), recipients (a passphrase and/or laptop key files), expiry, then a progress
 * bar and the file saved (a download in the browser, a save dialog in Electron). Audited.
 */
export function CreateSnapshot() {
  const t = useT(snapshotMessages);
  const lang = useLang();
  const pack = useRegionPack();
  const today = regionDay(now(), pack.timeZone);
  const [centre, setCentre] = useState(`ЦУР — ${pack.name}`);
  const [from, setFrom] = useState(monthsBefore(today, DEFAULT_MONTHS));
  const [to, setTo] = useState(today);
  const [sectors, setSectors] = useState<string[]>([]);
  const [munis, setMunis] = useState<string[]>([]);
  const [withTexts, setWithTexts] = useState(false);
  const [withPersonal, setWithPersonal] = useState(false);
  const [reason, setReason] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [laptops, setLaptops] = useState<(LaptopRecipient & { fingerprint: string })[]>([]);
  const [expires, setExpires] = useState(addCalendarDays(today, DEFAULT_EXPIRY_DAYS));
  const [signingKey, setSigningKey] = useState<StoredPrivateKey | null>(null);
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void getStoredKey('signing').then(setSigningKey);
  }, []);

  const addLaptop = async () => {
    setError(null);
    const [file] = await platform.pickFiles({ accept: ['.json'], multiple: false });
    if (!file) return;
    try {
      const info = importPublicKey(await file.blob.text());
      if (info.algorithm !== 'X25519') throw new Error('not a laptop key');
      const fp = await fingerprint(info.publicKey);
      setLaptops((list) => [...list.filter((l) => l.fingerprint !== fp), { publicKey: info.publicKey, label: info.label, fingerprint: fp }]);
    } catch {
      setError(t('laptopKeyBad'));
    }
  };

  const problem = (): string | null => {
    if (withPersonal && reason.trim() === '') return t('personalReasonMissing');
    if (passphrase !== '' && passphrase.length < MIN_PASSPHRASE) return t('passphraseShort');
    if (passphrase !== repeat) return t('passphraseMismatch');
    if (passphrase === '' && laptops.length === 0) return t('noRecipient');
    return null;
  };

  const create = async () => {
    const issue = problem();
    setNotice(null);
    if (issue || !signingKey) {
      setError(issue);
      return;
    }
    setError(null);
    setProgress({ label: t('progressCollect', { done: 0 }), done: 0, total: 1 });
    try {
      const created = await createSnapshot(getDb(), {
        choice: {
          period: { from: regionDayStart(from, pack.timeZone), to: regionDayEnd(to, pack.timeZone) + 1 },
          sectors: sectors.length ? sectors : null,
          municipalities: munis.length ? munis : null,
          withTexts,
          personalDataReason: withPersonal ? reason.trim() : null,
        },
        centre: { name: centre.trim() || pack.name, region: pack.name },
        regionPackId: pack.id,
        // The signed-in user once accounts exist (issue #13); the workstation's actor until then.
        issuer: LOCAL_USER,
        passphrase: passphrase || null,
        laptops: laptops.map(({ publicKey, label }) => ({ publicKey, label })),
        expiresAt: regionDayEnd(expires, pack.timeZone),
        signingKey,
        now: now(),
        onProgress: ({ phase, done, total }) =>
          setProgress(
            phase === 'collect'
              ? { label: t('progressCollect', { done: formatNumber(done, 0, lang) }), done: 0, total: 1 }
              : { label: t('progressEncrypt', { done: formatNumber(done, 0, lang), total: formatNumber(total, 0, lang) }), done, total },
          ),
      });
      await platform.saveFile(created.fileName, new Blob([created.bytes], { type: 'application/octet-stream' }));
      setPassphrase('');
      setRepeat('');
      setNotice(t('created', { file: created.fileName, appeals: formatNumber(created.appeals, 0, lang), size: `${formatNumber(created.bytes.length / 1_048_576, 1, lang)} МБ` }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProgress(null);
    }
  };

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <Card title={t('createTitle')} testId="snapshot-create" ready={progress === null}>
      <p className="registry-note">{t('createHint')}</p>
      <SigningKeyPanel centre={centre} signingKey={signingKey} onKey={setSigningKey} />
      <div className="snapshot-form">
        <label className="field">
          {t('centreName')}
          <input value={centre} onChange={(e) => setCentre(e.target.value)} maxLength={300} data-testid="create-centre" />
        </label>
        <div className="snapshot-actions">
          <DayInput label={t('periodFrom')} value={from} onEntry={(d) => d && setFrom(d)} testId="create-from" />
          <DayInput label={t('periodTo')} value={to} onEntry={(d) => d && setTo(d)} testId="create-to" />
        </div>
        <fieldset className="snapshot-fieldset">
          <legend>
            {t('blocks')} ({sectors.length ? sectors.length : t('allBlocks')})
          </legend>
          {sectorsOf(pack).map((s) => (
            <label key={s.id} className="snapshot-check__row">
              <input type="checkbox" checked={sectors.includes(s.id)} onChange={(e) => setSectors(toggle(sectors, s.id, e.target.checked))} />
              {s.shortName}
            </label>
          ))}
        </fieldset>
        <label className="field snapshot-field">
          {t('municipalities')} ({munis.length ? munis.length : t('allMunicipalities')})
          <select multiple size={6} value={munis} onChange={(e) => setMunis([...e.target.selectedOptions].map((o) => o.value))} data-testid="create-munis">
            <NamedOptions items={pack.municipalities} label="full" />
          </select>
        </label>
        <label className="snapshot-check__row">
          <input type="checkbox" checked={withTexts} onChange={(e) => setWithTexts(e.target.checked)} data-testid="create-texts" />
          {t('withTextsLabel')}
        </label>
        <label className="snapshot-check__row">
          <input type="checkbox" checked={withPersonal} onChange={(e) => setWithPersonal(e.target.checked)} data-testid="create-personal" />
          {t('personalLabel')}
        </label>
        {withPersonal ? (
          <label className="field snapshot-field">
            {t('personalReason')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} data-testid="create-personal-reason" />
          </label>
        ) : null}
        <fieldset className="snapshot-fieldset">
          <legend>{t('recipients')}</legend>
          <label className="field snapshot-field">
            {t('passphraseNew')}
            <input type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} data-testid="create-passphrase" />
          </label>
          <label className="field snapshot-field">
            {t('passphraseRepeat')}
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} data-testid="create-passphrase-repeat" />
          </label>
          <p>{t('laptopKeys')}</p>
          {laptops.map((l) => (
            <div key={l.fingerprint} className="snapshot-trusted">
              <span>{l.label ?? '—'}</span>
              <pre className="snapshot-fingerprint">{formatFingerprint(l.fingerprint)}</pre>
              <Button size="small" onClick={() => setLaptops(laptops.filter((x) => x.fingerprint !== l.fingerprint))}>
                {t('removeKey')}
              </Button>
            </div>
          ))}
          <Button onClick={() => void addLaptop()} data-testid="create-add-laptop">
            {t('laptopKeyAdd')}
          </Button>
        </fieldset>
        <DayInput label={t('expires')} value={expires} onEntry={(d) => d && setExpires(d)} testId="create-expires" />
        <div className="snapshot-actions">
          <Button variant="primary" disabled={!signingKey || progress !== null} onClick={() => void create()} data-testid="create-snapshot">
            {t('createButton')}
          </Button>
        </div>
        {progress ? <ProgressBar label={progress.label} done={progress.done} total={progress.total} testId="create-progress" /> : null}
        {error ? (
          <p role="alert" className="snapshot-error" data-testid="create-error">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p role="status" data-testid="create-done">
            {notice}
          </p>
        ) : null}
      </div>
    </Card>
  );
}
