export * from './platform-module';
export * from './auth';
export * from './registry';
export * from './params';
export * from './config';
export * from './realtime';
export * from './columns';
export * from './atomically';
