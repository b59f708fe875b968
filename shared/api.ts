/**
 * The HTTP contract between the widget and the server, by concept. Imported from here by
 * both sides; each file imports nothing of either.
 */
export * from './catalog.ts';
export * from './lookup.ts';
export * from './deals.ts';
export * from './health.ts';
