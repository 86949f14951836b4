export { loadApiConfig, type ApiConfig } from './config';
export { createLogger } from './logger';
export { startApiPlatform, type ApiPlatform } from './platform';
