/** Logging (and, later, metrics) shared by every app. */
export { createLogger, type Logger, type LoggerOptions } from './logger.js';
