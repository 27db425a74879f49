// Public entry point of the pathway command contracts.
export * from './registry.js';
export * from './routes.js';
export * from './referral-and-entry.js';
export * from './contacts-and-visits.js';
export * from './diagnostic.js';
export * from './orientations.js';
export * from './support.js';
export * from './measures.js';
export * from './exit.js';
export * from './settlement.js';
