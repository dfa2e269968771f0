/**
 * Optional extra CA for feeds behind a corporate or regional TLS authority (runtime: Electron main).
 * Chromium's own verification (system store) is kept; only a chain it rejects as "authority
 * invalid" is re-checked against the configured CA with real signature, validity and host checks.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** Splits a PEM bundle into certificates; invalid blocks are skipped. */
export function parsePemBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certs: X509Certificate[] = [];
  for (const block of blocks) {
    try {
      certs.push(new X509Certificate(block));
    } catch {
      // A damaged block in the bundle must not disable the others.
    }
  }
  return certs;
}

function isValidAt(cert: X509Certificate, nowMs: number): boolean {
  return Date.parse(cert.validFrom) <= nowMs && nowMs <= Date.parse(cert.validTo);
}

/**
 * True when the presented chain (leaf first) is signed link by link and ends at one of the extra
 * CAs, every certificate is within its validity, and the leaf is for `hostname`.
 */
export function isTrustedByExtraCa(chain: readonly X509Certificate[], extraCas: readonly X509Certificate[], hostname: string, nowMs: number): boolean {
  const leaf = chain[0];
  if (!leaf || extraCas.length === 0) return false;
  const hostMatches = isIP(hostname) ? leaf.checkIP(hostname) : leaf.checkHost(hostname);
  if (!hostMatches) return false;
  for (let i = 0; i < chain.length; i += 1) {
    const cert = chain[i]!;
    if (!isValidAt(cert, nowMs)) return false;
    const anchor = extraCas.find((ca) => cert.checkIssued(ca) && cert.verify(ca.publicKey));
    if (anchor && isValidAt(anchor, nowMs)) return true;
    const next = chain[i + 1];
    if (!next || !cert.checkIssued(next) || !cert.verify(next.publicKey)) return false;
  }
  return false;
}

/** The parts of Electron's Certificate the chain walk reads. */
export interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike | null;
}

export function chainFromElectron(leaf: CertificateLike, maxDepth = 10): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let current: CertificateLike | null | undefined = leaf;
  while (current && chain.length < maxDepth) {
    chain.push(new X509Certificate(current.data));
    current = current.issuerCert === current ? null : current.issuerCert;
  }
  return chain;
}
