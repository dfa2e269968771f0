/**
 * A file assembled from chunks without holding it in the JS heap: every chunk becomes a Blob at once
 * (Chromium keeps Blob data in the browser process, paged to disk when large), and the Blobs are
 * folded into one now and then so the list of parts stays short however long the export runs.
 */
const FOLD_EVERY = 64;

export class BlobParts {
  private parts: Blob[] = [];
  private bytes = 0;

  /** The chunk is copied: the caller may reuse its buffer. */
  push(chunk: string | Uint8Array<ArrayBuffer>): void {
    const blob = new Blob([chunk]);
    this.bytes += blob.size;
    this.parts.push(blob);
    if (this.parts.length >= FOLD_EVERY) this.parts = [new Blob(this.parts)];
  }

  get size(): number {
    return this.bytes;
  }

  toBlob(type: string): Blob {
    return new Blob(this.parts, { type });
  }
}
