/**
 * `npm run feed:dev`: a local ЦУР feed on 127.0.0.1 serving the demo region through the
 * cur-feed/1 protocol, for trying the HTTP feed source in the app and for manual fault drills.
 *
 *   npm run feed:dev -- --port 8787 --scale 20000 --seed 1 --token dev-token
 *   npm run feed:dev -- --chaos 0.3 --chaos-budget 30     # random faults, heals after 30
 *   npm run feed:dev -- --fault http-503 --fault-count 5  # the first 5 requests fail
 *
 * Faults on command while it runs (same token):
 *   curl -X POST -H 'Authorization: Bearer dev-token' -d '{"kind":"drop","count":2}' http://127.0.0.1:8787/admin/faults
 *   curl -X POST -H 'Authorization: Bearer dev-token' -d '{"minutes":60}' http://127.0.0.1:8787/admin/advance
 *   curl -X POST -H 'Authorization: Bearer dev-token' http://127.0.0.1:8787/admin/heal
 *   curl -H 'Authorization: Bearer dev-token' http://127.0.0.1:8787/admin/state
 *
 * The server's clock follows the wall clock (new appeals and status changes every minute) and it
 * stops by itself after --lifetime minutes (default 240).
 */
import { parseArgs } from 'node:util';
import { KIROV_PACK } from '../shared/domain/packs';
import { FeedDataset } from './feed-server/dataset';
import { FAULT_KINDS, FaultPlan, isFaultKind } from './feed-server/faults';
import { startFeedServer } from './feed-server/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    scale: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    token: { type: 'string', default: 'dev-token' },
    'max-page': { type: 'string', default: '5000' },
    'slow-ms': { type: 'string', default: '40000' },
    fault: { type: 'string' },
    'fault-count': { type: 'string', default: '1' },
    chaos: { type: 'string' },
    'chaos-budget': { type: 'string', default: '30' },
    lifetime: { type: 'string', default: '240' },
    'unknown-refs': { type: 'boolean', default: false },
  },
});

function int(name: string, text: string | undefined, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name}: ожидалось целое число от ${min} до ${max}`);
    process.exit(2);
  }
  return value;
}

const scale = int('scale', values.scale, 100, 2_000_000);
const port = int('port', values.port, 0, 65_535);
const faults = new FaultPlan();
if (values.fault) {
  if (!isFaultKind(values.fault)) {
    console.error(`--fault: один из ${FAULT_KINDS.join(', ')}`);
    process.exit(2);
  }
  faults.enqueue(values.fault, int('fault-count', values['fault-count'], 1, 1000));
}
if (values.chaos) {
  const probability = Number(values.chaos);
  if (!(probability > 0 && probability <= 1)) {
    console.error('--chaos: вероятность от 0 до 1');
    process.exit(2);
  }
  faults.setChaos({ probability, budget: int('chaos-budget', values['chaos-budget'], 1, 10_000), seed: Date.now() });
}

console.log(`Генерирую демо-регион «${KIROV_PACK.name}»: ${scale} обращений в год…`);
const started = Date.now();
const dataset = new FeedDataset({ seed: int('seed', values.seed, 0, 2 ** 31 - 1), scale, pack: KIROV_PACK, asOf: Date.now(), withUnknownReferences: values['unknown-refs'] });
console.log(`Готово за ${((Date.now() - started) / 1000).toFixed(1)} с: ${dataset.size} элементов ленты.`);

const server = await startFeedServer({
  dataset,
  token: values.token!,
  port,
  maxPageSize: int('max-page', values['max-page'], 1, 10_000),
  slowMs: int('slow-ms', values['slow-ms'], 0, 600_000),
  faults,
  lifetimeMs: int('lifetime', values.lifetime, 1, 24 * 60) * 60_000,
  log: (line) => console.log(`[feed] ${line}`),
});
console.log(`Лента: ${server.url}  (токен: ${values.token})`);

// Follow the wall clock so the app sees live changes.
const ticker = setInterval(() => {
  const result = dataset.advance(Date.now());
  if (result.changed || result.deleted) console.log(`[feed] +${result.changed} изменений, ${result.deleted} удалений`);
}, 60_000);
// The ticker alone must not keep the process alive once the server stops.
ticker.unref();

function stop(): void {
  clearInterval(ticker);
  void server.close().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
