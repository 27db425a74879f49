import { Writable } from 'node:stream';
import { pino } from 'pino';
import t from 'tap';
import { loggerOptions } from '../../infra/logging/logger.js';

t.test('personal fields never reach the log', async (t) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = pino(loggerOptions('info'), sink);
  log.info({ body: { household: { lastName: 'Martin' }, diagnostic: { income: 1234, debts: [{ amount: 500 }] } }, req: { headers: { authorization: 'Bearer abc' } } }, 'command');
  const out = lines.join('');
  t.notMatch(out, /Martin/);
  t.notMatch(out, /1234/);
  t.notMatch(out, /Bearer abc/);
  t.match(out, /\[redacted\]/);
  lines.length = 0;
  log.error({ err: new Error('disk full'), pathwayId: 'p-1' }, 'append failed');
  t.match(lines.join(''), /disk full/, 'errors keep their serializer');
  t.match(lines.join(''), /p-1/, 'ordinary fields stay');
});
