export * from './manifest';
export * from './groups';
export * from './text';
