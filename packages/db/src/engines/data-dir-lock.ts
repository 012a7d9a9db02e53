import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { DataDirectoryLocked, type LockOwner } from '../errors';

/** Receives what the database layer wants an operator to know: a static message and its details. */
export type WarningHandler = (message: string, details: Record<string, unknown>) => void;

export interface DataDirLockOptions {
  /** Absolute path of the PGlite data directory; created if missing. */
  dataDir: string;
  /** What the owner is, for the message another process will show ("wecena serve"). */
  command?: string;
  onWarning?: WarningHandler;
}

/** An exclusive hold on a data directory, until `release()`. */
export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = 'wecena.lock';

interface StoredOwner extends LockOwner {
  /** Random, so that `release()` never removes a lock another process took over. */
  token: string;
}

/** Lock files this process holds: a lock with our own pid but absent here is a previous incarnation's. */
const heldByThisProcess = new Set<string>();

const TAKEOVER_GUARD_STALE_MS = 10_000;
const MAX_ATTEMPTS = 50;

/**
 * Takes the data directory for this process. PGlite itself does not stop a second process
 * from opening the same directory, and committed writes were lost when two did.
 *
 * The lock is a file created atomically (written in full under a temporary name, then
 * hard-linked into place, which fails if it exists). A lock whose process is gone is taken
 * over, under a takeover guard directory so that two newcomers cannot both take it.
 * A lock held by a live process, or by a process on another host (which cannot be checked),
 * is refused with DataDirectoryLocked.
 */
export function acquireDataDirLock(options: DataDirLockOptions): DataDirLock {
  const { dataDir } = options;
  const file = join(dataDir, LOCK_FILE_NAME);
  mkdirSync(dataDir, { recursive: true });
  const owner: StoredOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command ?? describeThisProcess(),
    token: randomBytes(12).toString('hex'),
  };
  const content = `${JSON.stringify(owner, null, 2)}\n`;

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (tryCreate(file, content)) return hold(file, owner.token);

    const existing = readLock(file);
    if (existing === undefined) continue; // released meanwhile: try again
    if (existing.owner !== undefined && isOwnerAlive(existing.owner, file)) {
      const { pid, host, startedAt, command } = existing.owner;
      throw new DataDirectoryLocked(dataDir, { pid, host, startedAt, command }, file, host === owner.host);
    }
    if (takeOver(file, existing.raw, content)) {
      options.onWarning?.('Took over a stale lock on the PGlite data directory: its owner is no longer running', {
        dataDir,
        lockFile: file,
        previousOwner: existing.owner ?? existing.raw,
      });
      return hold(file, owner.token);
    }
    sleepSync(20);
  }
  throw new Error(`Could not take the lock ${file}: it kept changing hands`);
}

function hold(file: string, token: string): DataDirLock {
  heldByThisProcess.add(file);
  // A process that exits without close() leaves a lock whose pid is dead: the next opener
  // would take it over anyway, but removing it here keeps the directory tidy.
  const onExit = (): void => removeIfOurs(file, token);
  process.on('exit', onExit);
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      process.off('exit', onExit);
      heldByThisProcess.delete(file);
      removeIfOurs(file, token);
    },
  };
}

function tryCreate(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o644);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function readLock(file: string): { raw: string; owner: LockOwner | undefined } | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  return { raw, owner: parseOwner(raw) };
}

function parseOwner(raw: string): StoredOwner | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, host, startedAt, command, token } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    if (typeof host !== 'string' || typeof startedAt !== 'string') return undefined;
    return {
      pid,
      host,
      startedAt,
      command: typeof command === 'string' ? command : 'unknown command',
      token: typeof token === 'string' ? token : '',
    };
  } catch {
    // A lock file we cannot read was not written by a live wecena (they write it whole).
    return undefined;
  }
}

function isOwnerAlive(owner: LockOwner, file: string): boolean {
  // Another host's processes cannot be checked from here: assume it is running.
  if (owner.host !== hostname()) return true;
  // Our own pid: held by us, or left by a previous incarnation with the same pid (pid 1 in a
  // restarted container).
  if (owner.pid === process.pid) return heldByThisProcess.has(file);
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (isErrno(error, 'ESRCH')) return false;
    // EPERM: the process exists but belongs to another user.
  }
  return !hasStartedAfter(owner.pid, owner.startedAt);
}

/**
 * True when the process with this pid started after the lock was taken, so the pid was
 * reused by another program (Linux only; elsewhere we cannot tell and say false).
 */
function hasStartedAfter(pid: number, lockedAt: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime, in clock ticks after boot) counted after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const startTicks = Number(fields[19]);
    const bootLine = /^btime (?<seconds>\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    const bootSeconds = Number(bootLine?.groups?.['seconds']);
    const lockedMs = Date.parse(lockedAt);
    if (!Number.isFinite(startTicks) || !Number.isFinite(bootSeconds) || !Number.isFinite(lockedMs)) return false;
    // Linux reports starttime in USER_HZ, 100 on every mainstream architecture.
    const startedMs = bootSeconds * 1000 + (startTicks / 100) * 1000;
    // Two seconds of slack: btime is rounded and clocks drift.
    return startedMs > lockedMs + 2_000;
  } catch {
    return false;
  }
}

function takeOver(file: string, staleContent: string, content: string): boolean {
  const guard = `${file}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
    // Another process is taking over; a guard left by a crash mid-takeover is removed.
    if (ageMs(guard) > TAKEOVER_GUARD_STALE_MS) rmdirQuietly(guard);
    return false;
  }
  try {
    const current = readLock(file);
    if (current !== undefined) {
      if (current.raw !== staleContent) return false; // changed hands meanwhile: look again
      unlinkSync(file);
    }
    return tryCreate(file, content);
  } finally {
    rmdirQuietly(guard);
  }
}

function removeIfOurs(file: string, token: string): void {
  try {
    const current = parseOwner(readFileSync(file, 'utf8'));
    if (current?.token === token) unlinkSync(file);
  } catch {
    // Already gone, or the directory was removed: nothing to release.
  }
}

function describeThisProcess(): string {
  const script = process.argv[1];
  const name = script === undefined ? 'node' : basename(script).replace(/\.[cm]?[jt]s$/, '');
  return [name, ...process.argv.slice(2)].join(' ').slice(0, 200);
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function rmdirQuietly(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Removed by its owner meanwhile.
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
