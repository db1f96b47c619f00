export * from './auth';
export * from './errors';
export * from './health';
export * from './runs';
export * from './webhooks';
export * from './assessments';
export * from './challenges';
