// The baseline of bench:api: a bare Fastify hello-world, on the port given as argv[2]. With a
// size in bytes as argv[3], it answers a fixed JSON text of that size instead (the ceiling a
// body that large sets on this machine, whatever the server does to produce it). With a size
// as argv[4], it also takes the command's POST, parses its JSON body and answers a fixed JSON
// text of that size: the ceiling the HTTP exchange of a command sets, before any work.
import Fastify from 'fastify';

const app = Fastify();
const fixedText = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - 14)) });
const bytes = Number(process.argv[3] ?? 0);
const postBytes = Number(process.argv[4] ?? 0);
const fixed = bytes > 0 ? fixedText(bytes) : null;
if (fixed === null) app.get('/', async () => ({ hello: 'world' }));
else app.get('/', (_request, reply) => reply.type('application/json; charset=utf-8').send(fixed));
if (postBytes > 0) {
  const answer = fixedText(postBytes);
  app.post('/v1/pathways/:pathwayId/support-contacts', (_request, reply) => reply.type('application/json; charset=utf-8').send(answer));
}
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.send?.('ready');
