import { useEffect, useState } from 'react';
import { formatFingerprint } from '../../../shared/bundle';
import { formatDateTime, formatNumber } from '../../../shared/format/ru';
import { getOwnDb } from '../../db/db';
import { useLang, useT } from '../../i18n';
import { platform, type PickedFile } from '../../platform';
import { snapshotUrl } from '../../runtime/snapshots';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { checkSnapshotFile, installSnapshot, SnapshotRefusal, type SnapshotFileCheck } from '../../viewer/install';
import { refusalText, snapshotMessages } from './messages';
import { ProgressBar } from './ProgressBar';

type Stage =
  | { step: 'idle' }
  | { step: 'checking'; name: string }
  | { step: 'ready'; name: string; bytes: Uint8Array<ArrayBuffer>; check: SnapshotFileCheck }
  | { step: 'opening'; name: string; label: string; done: number; total: number };

/**
 * «Открыть снимок»: pick the file, check it without any secret (refusals shown at once), compare
 * the centre's fingerprint on the first import, ask for the passphrase unless the bundle is
 * addressed to this laptop's key, load it with a progress bar, then restart the window on it.
 */
export function OpenSnapshot({ timeZone }: { timeZone: string }) {
  const t = useT(snapshotMessages);
  const lang = useLang();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [pinConfirmed, setPinConfirmed] = useState(false);

  const fail = (e: unknown) => {
    setError(e instanceof SnapshotRefusal ? refusalText(e.kind, e.message, lang) : e instanceof Error ? e.message : String(e));
  };

  const check = async (file: PickedFile) => {
    setError(null);
    setStage({ step: 'checking', name: file.name });
    setPassphrase('');
    setPinConfirmed(false);
    try {
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      const check = await checkSnapshotFile(getOwnDb(), bytes, file.name);
      setStage({ step: 'ready', name: file.name, bytes, check });
    } catch (e) {
      setStage({ step: 'idle' });
      fail(e);
    }
  };

  const pick = async () => {
    const [file] = await platform.pickFiles({ accept: ['.curbundle'], multiple: false });
    if (file) await check(file);
  };

  // A file the operating system opened the app with (Electron's file association), once.
  useEffect(() => {
    platform.takeOpenedSnapshot().then(
      (file) => (file ? check(file) : undefined),
      (e: unknown) => fail(e),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, []);

  const open = async () => {
    if (stage.step !== 'ready') return;
    const { bytes, name } = stage;
    setError(null);
    setStage({ step: 'opening', name, label: t('checking'), done: 0, total: 1 });
    try {
      const installed = await installSnapshot(getOwnDb(), bytes, {
        fileName: name,
        passphrase,
        pinSigner: pinConfirmed,
        onProgress: ({ phase, done, total }) =>
          setStage({
            step: 'opening',
            name,
            label: phase === 'decrypt' ? t('progressDecrypt', { done, total }) : t('progressWrite', { done: formatNumber(done, 0, lang), total: formatNumber(total, 0, lang) }),
            done,
            total,
          }),
      });
      setPassphrase('');
      location.assign(snapshotUrl(installed.id, '#/overview'));
    } catch (e) {
      // Back to the checked file: a wrong passphrase can be typed again.
      setStage({ ...stage });
      fail(e);
    }
  };

  const ready = stage.step === 'ready' ? stage : null;
  const manifest = ready?.check.manifest;
  const needsPassphrase = ready ? !ready.check.forThisLaptop : false;
  const canOpen = ready !== null && (!ready.check.needsPin || pinConfirmed) && (!needsPassphrase || passphrase.length > 0);

  return (
    <Card title={t('openTitle')} testId="snapshot-open" ready={stage.step === 'idle' || stage.step === 'ready'}>
      <p className="registry-note">{t('openHint')}</p>
      <div className="snapshot-actions">
        <Button variant="primary" onClick={() => void pick()} disabled={stage.step === 'checking' || stage.step === 'opening'} data-testid="snapshot-pick">
          {t('openButton')}
        </Button>
      </div>
      {stage.step === 'checking' ? <p className="registry-note">{t('checking')}</p> : null}
      {error ? (
        <p role="alert" className="snapshot-error" data-testid="snapshot-error">
          {error}
        </p>
      ) : null}
      {ready && manifest ? (
        <div className="snapshot-check" data-testid="snapshot-check">
          <p>{t('fileLabel', { name: ready.name })}</p>
          <p>{t('fromCentre', { centre: manifest.centre.name, issuer: manifest.issuer.name })}</p>
          <p>{t('dataAsOf', { at: formatDateTime(Date.parse(manifest.dataAsOf), timeZone, lang), until: formatDateTime(Date.parse(manifest.expiresAt), timeZone, lang) })}</p>
          <p>
            {t('counts', {
              appeals: formatNumber(manifest.counts.appeals, 0, lang),
              texts: manifest.content.withTexts ? t('withTexts') : '',
              personal: manifest.content.withPersonalData ? t('withPersonal', { reason: manifest.content.personalDataReason ?? '—' }) : '',
            })}
          </p>
          {manifest.signer.demoKey ? <p className="snapshot-warning">{t('demoKey')}</p> : null}
          {ready.check.needsPin ? (
            <div className="snapshot-pin" data-testid="snapshot-pin">
              <strong>{t('pinTitle')}</strong>
              <pre className="snapshot-fingerprint" data-testid="snapshot-fingerprint">
                {formatFingerprint(ready.check.signerFingerprint)}
              </pre>
              <p className="registry-note">{t('pinHint')}</p>
              <label className="snapshot-check__row">
                <input type="checkbox" checked={pinConfirmed} onChange={(e) => setPinConfirmed(e.target.checked)} data-testid="snapshot-pin-confirm" />
                {t('pinConfirm')}
              </label>
            </div>
          ) : null}
          {needsPassphrase ? (
            <label className="field snapshot-field">
              {t('passphrase')}
              <input
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && canOpen) void open();
                }}
                data-testid="snapshot-passphrase"
              />
              <span className="registry-note">{t('passphraseHint')}</span>
            </label>
          ) : (
            <p className="registry-note">{t('forThisLaptop')}</p>
          )}
          <div className="snapshot-actions">
            <Button variant="primary" disabled={!canOpen} onClick={() => void open()} data-testid="snapshot-open-confirm">
              {t('openConfirm')}
            </Button>
            <Button onClick={() => setStage({ step: 'idle' })}>{t('cancel')}</Button>
          </div>
        </div>
      ) : null}
      {stage.step === 'opening' ? <ProgressBar label={stage.label} done={stage.done} total={stage.total} testId="snapshot-open-progress" /> : null}
    </Card>
  );
}
