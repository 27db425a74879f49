// Worker threads do not inherit the main thread's TypeScript loader: register it here.
import { register } from 'tsx/esm/api';

register();
await import('./projection-worker.ts');
