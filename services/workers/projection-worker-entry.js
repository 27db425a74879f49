// The projection worker process loads the TypeScript sources through tsx, like bin/parcours.js.
import { register } from 'tsx/esm/api';

register();
await import('./projection-worker.ts');
