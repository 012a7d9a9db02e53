import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './environment';

/** JSON lines for machines; the same records laid out for a person on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): Logger {
  const options = { name: 'wecena', level: config.logLevel, base: undefined };
  if (config.logFormat === 'json') return pino(options);
  return pino(options, pretty({ colorize: process.stdout.isTTY === true, ignore: 'name', translateTime: 'SYS:HH:MM:ss' }));
}

/** For benchmarks and tests: nothing is written. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
