export * from './base';
export * from './preferences';
export * from './presence';
export * from './discuss';
export * from './livechat';
