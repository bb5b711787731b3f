export { ConfigError } from './config-error';
export { loadConfig } from './load-config';
export { settings } from './settings';
