/** pdfmake in Node for the report writers: PT Sans from @fontsource on disk, no network access. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PT_SANS_FILES, type PdfMakeLike } from '../shared/report/writers/pdf';

export async function nodePdfMake(): Promise<PdfMakeLike> {
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMakeLike & {
    setFonts(fonts: unknown): void;
    setUrlAccessPolicy(cb: (url: string) => boolean): void;
    setLocalAccessPolicy(cb: (path: string) => boolean): void;
  };
  const fontDir = join(dirname(require.resolve('@fontsource/pt-sans/package.json')), 'files');
  const fonts: Record<string, Record<string, string>> = {};
  for (const [name, styles] of Object.entries(PT_SANS_FILES)) {
    fonts[name] = Object.fromEntries(Object.entries(styles).map(([style, file]) => [style, join(fontDir, file)]));
  }
  pdfmake.setFonts(fonts);
  // Nothing loads from the internet; only the font files are read from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  return pdfmake;
}

