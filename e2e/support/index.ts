export * from './server';
export * from './browser';
export * from './shell';
export * from './suite';
export * from './visitor';
