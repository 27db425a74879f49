// The baseline of bench:api: a bare Fastify hello-world, on the port given as argv[2]. With a
// size in bytes as argv[3], it answers a fixed JSON text of that size instead (the ceiling a
// body that large sets on this machine, whatever the server does to produce it).
import Fastify from 'fastify';

const app = Fastify();
const bytes = Number(process.argv[3] ?? 0);
const fixed = bytes > 0 ? JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - 14)) }) : null;
if (fixed === null) app.get('/', async () => ({ hello: 'world' }));
else app.get('/', (_request, reply) => reply.type('application/json; charset=utf-8').send(fixed));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
process.send?.('ready');
