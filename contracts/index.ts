// Public entry point of the published contracts (events, commands, enumerations, personal data).
export * from './fields.js';
export * from './enums.js';
export * from './parts/referral.js';
export * from './parts/diagnostic.js';
export * from './personal-data.js';
export * from './events/index.js';
export * from './commands/index.js';
