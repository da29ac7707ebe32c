export * from './hardware';
