/**
 * Shapes of what the vault stores. An appeal row keeps `personal: null` and, when the applicant
 * gave any personal data, `sealedPersonal`: the fields encrypted under its write batch's key, plus
 * which fields are present (no value, no length), so screens can show fixed masks and «нет» without
 * the key.
 */

/** Bytes on an ordinary ArrayBuffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Which personal fields an appeal carries: enough for masks, nothing identifying. */
export interface PersonalPresence {
  fullName: boolean;
  phone: boolean;
  email: boolean;
  address: boolean;
}

/** An appeal's personal data, encrypted (AES-256-GCM) under the key of its write batch. */
export interface SealedPersonal {
  /** The write batch (`vaultBatches` row): its ephemeral public key derives the batch key. */
  batch: string;
  /** Position in the batch: the record's unique IV under the batch key. */
  n: number;
  /** Ciphertext and tag; the appeal id is the additional data, so a row cannot be moved. */
  data: Bytes;
  present: PersonalPresence;
}

/**
 * An appeal's free text (its `text` and `url`: a post's link leads to its author), encrypted under
 * the key of its write batch like `SealedPersonal`, when the region's texts carry personal data
 * (the 'texts' policy row). The row then keeps `text: ''` and `url: null`.
 */
export interface SealedText {
  batch: string;
  n: number;
  data: Bytes;
  present: { text: boolean; url: boolean };
}

/** What a sealed text opens to. */
export interface AppealTextContent {
  text: string;
  url: string | null;
}

/** One write batch: the ephemeral half of the ECDH agreement, kept once for all its records. */
export interface VaultBatchRow {
  id: string;
  /** The workstation key generation the batch was sealed to. */
  keyId: string;
  /** Raw (uncompressed P-256) ephemeral public key. */
  ephemeralPublicKey: Bytes;
  createdAt: number;
}

/** Rows of the `vault` table: the current key generation, its public keys and the wrapped private keys. */
export type VaultRow = VaultCurrentRow | VaultPublicKeyRow | VaultWrapRow | VaultMigrationRow | VaultTextsPolicyRow | VaultTextsMigrationRow;

export interface VaultCurrentRow {
  id: 'current';
  keyId: string;
}

export interface VaultPublicKeyRow {
  id: `key:${string}`;
  keyId: string;
  /** Raw (uncompressed P-256) public key of the workstation key pair. */
  publicKey: Bytes;
  createdAt: number;
}

/**
 * Who can unwrap: the OS keychain (Electron), a user's password, or the recovery key; in a
 * snapshot's store (viewer mode) also the bundle's passphrase or the laptop key it was opened with.
 */
export type WrapHolder = 'keychain' | 'recovery' | `user:${string}` | 'snapshot-passphrase' | 'laptop';

export interface Argon2Params {
  salt: Bytes;
  /** KiB */
  memory: number;
  iterations: number;
  parallelism: number;
}

export interface VaultWrapRow {
  id: `wrap:${string}`;
  keyId: string;
  holder: WrapHolder;
  iv: Bytes;
  /** The private key (PKCS #8) encrypted with AES-256-GCM under the holder's key. */
  wrapped: Bytes;
  /** For password holders: how the key-encryption key was derived. */
  argon2?: Argon2Params;
  /** For the recovery key: HKDF salt. */
  salt?: Bytes;
  /** For the laptop key: the ephemeral X25519 public key the key-encryption key was agreed with. */
  ephemeralPublicKey?: Bytes;
  createdAt: number;
}

/** Progress of the pass that encrypts personal data left in clear by older versions. */
export interface VaultMigrationRow {
  id: 'migration';
  /** Primary key of the last appeal done; '' before the first chunk. */
  lastKey: string;
  sealed: number;
  done: boolean;
}

/**
 * The administrator's setting «Тексты обращений содержат персональные данные». It lives in the
 * region database's `vault` table, next to the keys, because every appeal write reads it inside
 * its own transaction (that table is in every write's scope): a text sealed by a writer that read
 * the setting before it changed can never land in clear behind the sealing pass.
 */
export interface VaultTextsPolicyRow {
  id: 'texts';
  seal: boolean;
  changedAt: number;
}

/** Progress of the pass that seals texts stored in clear before the setting was turned on. */
export interface VaultTextsMigrationRow {
  id: 'texts-migration';
  lastKey: string;
  sealed: number;
  done: boolean;
}

export const wrapRowId = (keyId: string, holder: WrapHolder) => `wrap:${keyId}:${holder}` as const;
export const publicKeyRowId = (keyId: string) => `key:${keyId}` as const;
