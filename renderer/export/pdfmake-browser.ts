/**
 * pdfmake's browser build (in the report worker, and in the window for a meeting's protocol), with
 * the shipped PT Sans WOFF files (bundled by Vite, read from the app's own origin) in its virtual
 * file system. Nothing loads from the
 * internet: remote URLs are refused.
 */
import pdfMake from 'pdfmake/build/pdfmake';
import latin400 from '@fontsource/pt-sans/files/pt-sans-latin-400-normal.woff?url';
import latin700 from '@fontsource/pt-sans/files/pt-sans-latin-700-normal.woff?url';
import latin400i from '@fontsource/pt-sans/files/pt-sans-latin-400-italic.woff?url';
import latin700i from '@fontsource/pt-sans/files/pt-sans-latin-700-italic.woff?url';
import cyr400 from '@fontsource/pt-sans/files/pt-sans-cyrillic-400-normal.woff?url';
import cyr700 from '@fontsource/pt-sans/files/pt-sans-cyrillic-700-normal.woff?url';
import cyr400i from '@fontsource/pt-sans/files/pt-sans-cyrillic-400-italic.woff?url';
import cyr700i from '@fontsource/pt-sans/files/pt-sans-cyrillic-700-italic.woff?url';
import { PT_SANS_FILES, type PdfMakeLike } from '../../shared/report/writers/pdf';

const URLS: Record<string, string> = {
  'pt-sans-latin-400-normal.woff': latin400,
  'pt-sans-latin-700-normal.woff': latin700,
  'pt-sans-latin-400-italic.woff': latin400i,
  'pt-sans-latin-700-italic.woff': latin700i,
  'pt-sans-cyrillic-400-normal.woff': cyr400,
  'pt-sans-cyrillic-700-normal.woff': cyr700,
  'pt-sans-cyrillic-400-italic.woff': cyr400i,
  'pt-sans-cyrillic-700-italic.woff': cyr700i,
};

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

let ready: Promise<PdfMakeLike> | null = null;

export function browserPdfMake(): Promise<PdfMakeLike> {
  ready ??= (async () => {
    const vfs: Record<string, string> = {};
    await Promise.all(
      Object.entries(URLS).map(async ([name, url]) => {
        const response = await fetch(new URL(url, self.location.href));
        if (!response.ok) throw new Error(`Шрифт ${name} не загружен: ${response.status}`);
        vfs[name] = toBase64(new Uint8Array(await response.arrayBuffer()));
      }),
    );
    pdfMake.addVirtualFileSystem(vfs);
    pdfMake.setFonts(PT_SANS_FILES as unknown as Parameters<typeof pdfMake.setFonts>[0]);
    pdfMake.setUrlAccessPolicy(() => false);
    return pdfMake as unknown as PdfMakeLike;
  })();
  return ready;
}
