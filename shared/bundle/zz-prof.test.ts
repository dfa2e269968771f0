import { it } from 'vitest';
import { demoYear } from '../demo';
import { KIROV_PACK } from '../domain/packs';
import { encodeAppealChunk, decodeAppealChunk } from './appeal-columns';
import { gzip, gunzip } from './compression';
import { utf8, fromUtf8, sha256 } from './platform';
it('prof', async () => {
  const appeals = demoYear({ seed: 1, scale: 50000, pack: KIROV_PACK }, Date.parse('2025-11-18T09:00:00+03:00'));
  const o = { withTexts: false, withPersonalData: false };
  for (let rep = 0; rep < 2; rep++) {
    let t = performance.now();
    const json = encodeAppealChunk(appeals, o);
    const a = performance.now() - t; t = performance.now();
    const bytes = utf8(json);
    const z = await gzip(bytes);
    const b = performance.now() - t; t = performance.now();
    await sha256(z);
    const c = performance.now() - t; t = performance.now();
    const back = fromUtf8(await gunzip(z, 1e9));
    const d = performance.now() - t; t = performance.now();
    decodeAppealChunk(back, appeals.length);
    const e = performance.now() - t;
    console.log(`n=${appeals.length} encode ${a|0} gzip ${b|0} (${json.length}→${z.length}) sha ${c|0} gunzip ${d|0} decode ${e|0}`);
  }
}, 120000);
