// The contract suite again, with commits in the store's writer thread (PARCOURS_STORE_WRITER=thread),
// and small batches, so that joining and splitting batches in the thread is exercised too.
import t from 'tap';
import { eventStoreContract } from './event-store-contract.js';
import { sqliteUnderTest } from './sqlite-under-test.js';

eventStoreContract(t, sqliteUnderTest('sqlite (writer thread)', { writer: 'thread', maxBatch: 3 }));
