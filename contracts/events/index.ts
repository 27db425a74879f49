// Public entry point of the pathway event contracts.
export * from './define.js';
export * from './registry.js';
export * from './upcasters.js';
export * from './referral-and-entry.js';
export * from './contacts-and-visits.js';
export * from './diagnostic.js';
export * from './orientations.js';
export * from './support.js';
export * from './measures.js';
export * from './exit.js';
export * from './settlement.js';
export * from './occurred-on.js';
