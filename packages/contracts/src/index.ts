export * from './errors';
export * from './sql';
export * from './jobs';
export * from './deployments';
export * from './checkpoints';
export * from './metrics';
export * from './queue';
export * from './weir-error';
