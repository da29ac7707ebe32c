export * from './result';
export * from './problem';
export * from './money';
export * from './dates';
export * from './fiscal';
export * from './fleet';
