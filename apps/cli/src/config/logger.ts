import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './environment';

/** JSON lines for machines; the same records laid out for a person on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): Logger {
  const options = { name: 'wecena', level: config.logLevel, base: undefined };
  // Written as it happens: wecena logs little, and a line must not come after the start-up line it preceded.
  if (config.logFormat === 'json') return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(options, pretty({ colorize: process.stdout.isTTY === true, ignore: 'name', translateTime: 'SYS:HH:MM:ss' }));
}

/** For benchmarks and tests: nothing is written. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
