// The contract suite on the embedded store with the inline writer (tools, readers).
import t from 'tap';
import { eventStoreContract } from './event-store-contract.js';
import { sqliteUnderTest } from './sqlite-under-test.js';

eventStoreContract(t, sqliteUnderTest('sqlite', { writer: 'inline' }));
