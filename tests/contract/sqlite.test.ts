// The contract suite on the embedded store with the inline writer, as the service runs it (other
// processes' commits looked for every 2 ms on reads; tools look at every call).
import t from 'tap';
import { eventStoreContract } from './event-store-contract.js';
import { sqliteUnderTest } from './sqlite-under-test.js';

eventStoreContract(t, sqliteUnderTest('sqlite', { writer: 'inline', foreignWritesCheckMs: 2 }));
