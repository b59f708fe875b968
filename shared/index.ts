export * from './money.ts';
export * from './errors.ts';
export * from './facts.ts';
export * from './api.ts';
