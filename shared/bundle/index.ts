/** Signed, encrypted snapshot bundles (`.curbundle`) for isolated laptops: see docs/bundle-format.md. */
export { createBundle, DEFAULT_CHUNK_SIZE, type BundleContent, type CreateBundleOptions } from './create';
export { openBundle, verifyBundle, readSignedManifest, type OpenOptions, type OpenedBundle, type VerifiedBundle, type VerifyOptions } from './open';
export { BundleError, BUNDLE_ERROR_KINDS, bundleErrorMessage, isBundleError, type BundleErrorKind } from './errors';
export {
  DEFAULT_LIMITS,
  FILE_EXTENSION,
  FORMAT_VERSION,
  STRONG_ARGON2,
  SUITE_V1,
  type Argon2Params,
  type BundleLimits,
  type BundleManifest,
  type BundleRecipient,
} from './format';
export {
  exportLaptopKey,
  exportPublicKey,
  exportSigningKey,
  fingerprint,
  formatFingerprint,
  generateLaptopKey,
  generateSigningKey,
  importLaptopKey,
  importPublicKey,
  importSigningKey,
  type LaptopKey,
  type PublicKeyInfo,
  type SigningKey,
} from './keys';
export type { Credentials } from './envelope-crypto';
export { APPEAL_COLUMNS } from './appeal-columns';
