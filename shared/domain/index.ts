/** Public surface of the domain core: import from here, not from the individual modules. */
export * from './appeal';
export * from './time';
export * from './calendar';
export * from './sectors';
export * from './status';
export * from './mapping';
export * from './deadline-rules';
export * from './region-pack';
export * from './packs';
export * from './tile-layout';
export * from './boundaries';
export { normalizeLabel } from './text';
export * from './deadline';
export * from './classify';
export * from './validation';
export { makeAppeal } from './testing';
