// The writer thread loads the TypeScript sources through tsx, like bin/parcours.js.
import { register } from 'tsx/esm/api';

register();
await import('./writer-thread.ts');
