/** The extra-CA check with real certificates made by openssl (skipped with a reason when it is missing). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainFromElectron, isTrustedByExtraCa, parsePemBundle } from './tls';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = hasOpenssl();
if (!available) console.log('tls.test: skipped — openssl not found');
const suite = available ? describe : describe.skip;

suite('isTrustedByExtraCa', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cur-tls-'));
  const pem: Record<string, string> = {};
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

  function makeCa(name: string) {
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`);
    pem[name] = readFileSync(join(dir, `${name}.pem`), 'utf8');
  }

  function makeLeaf(name: string, ca: string, host: string) {
    writeFileSync(join(dir, `${name}.ext`), `subjectAltName=DNS:${host}\n`);
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${host}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '10', '-extfile', `${name}.ext`);
    pem[name] = readFileSync(join(dir, `${name}.pem`), 'utf8');
  }

  beforeAll(() => {
    makeCa('regionCa');
    makeCa('otherCa');
    makeLeaf('feed', 'regionCa', 'feed.cur.example');
    makeLeaf('forged', 'otherCa', 'feed.cur.example');
  }, 60_000);

  const cert = (name: string) => new X509Certificate(pem[name]!);
  const now = () => Date.now();

  it('trusts a leaf signed by the configured CA for its own host', () => {
    expect(isTrustedByExtraCa([cert('feed')], [cert('regionCa')], 'feed.cur.example', now())).toBe(true);
    expect(isTrustedByExtraCa([cert('feed'), cert('regionCa')], [cert('regionCa')], 'feed.cur.example', now())).toBe(true);
  });

  it('rejects another host, another CA, a forged chain and an expired moment', () => {
    expect(isTrustedByExtraCa([cert('feed')], [cert('regionCa')], 'evil.example', now())).toBe(false);
    expect(isTrustedByExtraCa([cert('forged')], [cert('regionCa')], 'feed.cur.example', now())).toBe(false);
    // The attacker appends the trusted CA to a chain it did not sign.
    expect(isTrustedByExtraCa([cert('forged'), cert('regionCa')], [cert('regionCa')], 'feed.cur.example', now())).toBe(false);
    expect(isTrustedByExtraCa([cert('feed')], [cert('regionCa')], 'feed.cur.example', now() + 60 * 86_400_000)).toBe(false);
    expect(isTrustedByExtraCa([cert('feed')], [], 'feed.cur.example', now())).toBe(false);
  });

  it('reads PEM bundles and Electron certificate chains', () => {
    expect(parsePemBundle(`${pem.regionCa}\n-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n${pem.otherCa}`)).toHaveLength(2);
    const root = { data: pem.regionCa! } as { data: string; issuerCert?: unknown };
    root.issuerCert = root;
    const chain = chainFromElectron({ data: pem.feed!, issuerCert: root as never });
    expect(chain.map((c) => c.subject)).toEqual([cert('feed').subject, cert('regionCa').subject]);
  });
});
