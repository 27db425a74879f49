import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;
// Random bytes drawn in bulk: one crypto call per 256 ids instead of one per id.
const RANDOM_BYTES_PER_ID = 8;
const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let poolOffset = 0;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 9562 UUIDv7: 48-bit Unix ms timestamp, then a 12-bit counter (monotonic within a
 * millisecond in this process) and random bits, so ids sort by creation time.
 */
export function uuidv7(now: number = Date.now()): string {
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  if (poolOffset + RANDOM_BYTES_PER_ID > pool.length) {
    pool = randomBytes(RANDOM_BYTES_PER_ID * POOL_IDS);
    poolOffset = 0;
  }
  const r = pool;
  const o = poolOffset;
  poolOffset += RANDOM_BYTES_PER_ID;
  const ms = lastMs;
  const high = Math.floor(ms / 2 ** 32); // bits 32-47
  const low = ms >>> 0; // bits 0-31
  return (
    HEX[(high >>> 8) & 0xff]! + HEX[high & 0xff]! + HEX[low >>> 24]! + HEX[(low >>> 16) & 0xff]! + '-' +
    HEX[(low >>> 8) & 0xff]! + HEX[low & 0xff]! + '-' +
    HEX[0x70 | ((counter >>> 8) & 0x0f)]! + HEX[counter & 0xff]! + '-' +
    HEX[0x80 | (r[o]! & 0x3f)]! + HEX[r[o + 1]!]! + '-' +
    HEX[r[o + 2]!]! + HEX[r[o + 3]!]! + HEX[r[o + 4]!]! + HEX[r[o + 5]!]! + HEX[r[o + 6]!]! + HEX[r[o + 7]!]!
  );
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
