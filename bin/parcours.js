#!/usr/bin/env node
// The `parcours` command: loads the TypeScript sources through tsx, so the checkout runs as is.
import { register } from 'tsx/esm/api';

register();
await import('../services/cli/main.ts');
