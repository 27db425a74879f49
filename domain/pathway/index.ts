// Public entry point of the pathway's write-side domain.
export * from './decision.js';
export * from './decide.js';
export * from './state.js';
export { measureEnd } from './evolve.js';
export * from './stage.js';
export * from './rejections.js';
export * from './orientation-lifecycle.js';
export * from './views.js';
export { SETTLING_ROLES } from './rules/settlement.js';
