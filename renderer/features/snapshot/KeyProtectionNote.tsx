/** Who protects a stored private key at rest: the OS keychain (Electron) or the browser profile. */
import { useT } from '../../i18n';
import { newKeyProtection, type StoredPrivateKey } from '../../viewer/key-store';
import { snapshotMessages } from './messages';

export function KeyProtectionNote({ stored }: { stored: StoredPrivateKey }) {
  const t = useT(snapshotMessages);
  // A key made before the keychain was there (browser profile, older version) can be replaced by a protected one.
  const upgradable = stored.protection === 'profile' && newKeyProtection() === 'keychain';
  return (
    <p className="registry-note" data-testid={`key-protection-${stored.id}`} data-protection={stored.protection}>
      {t(stored.protection === 'keychain' ? 'protectionKeychain' : 'protectionProfile')}
      {upgradable ? ` ${t('protectionUpgrade')}` : null}
    </p>
  );
}
