/** Weframe HTTP server: the app factory, configuration and the listener. */
export { createApp, MAX_BODY_BYTES, type App, type AppDeps } from './app.js';
export { loadConfig, type Config, type ConfigIssue } from './config.js';
export { listen } from './serve.js';
export { ServiceError, STATUS_BY_CODE, type ServiceErrorCode } from './errors.js';
