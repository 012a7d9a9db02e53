import { type Socket, connect } from 'node:net';

export interface LoadOptions {
  url: string;
  body: Buffer;
  /** Headers shared by every delivery (signature included: the body never changes). */
  headers: Record<string, string>;
  /** Header that carries the per-delivery id, and the ids to send, one per request. */
  idHeader: string;
  ids: readonly string[];
  connections: number;
  /** A request still unanswered after this many ms counts as an error, and its connection is replaced. */
  requestTimeoutMs: number;
  /** No new request starts after this many ms: the run always ends. */
  deadlineMs: number;
}

export interface LoadResult {
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  elapsedMs: number;
  /** Latency of each 2xx answer, ms, in completion order. */
  latenciesMs: Float64Array;
  firstError?: string;
  statuses: Record<string, number>;
}

/**
 * Posts one request per id over `connections` keep-alive HTTP/1.1 connections, each sending its
 * next request as soon as the previous one is answered (a closed loop: the throughput is what
 * the server sustains at that concurrency).
 *
 * It writes pre-serialised requests on raw sockets and reads only the status line and framing of
 * the answers: node:http's client costs more CPU per request than a bare node:http server, so on
 * a small machine it, not the server, would set the ceiling.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const port = Number(target.port || 80);
  const head = Buffer.from(
    `POST ${target.pathname}${target.search} HTTP/1.1\r\n` +
      `Host: ${target.host}\r\n` +
      'Connection: keep-alive\r\n' +
      Object.entries(options.headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      `Content-Length: ${options.body.length}\r\n` +
      `${options.idHeader}: `,
    'latin1',
  );
  const latencies = new Float64Array(options.ids.length);
  const result: LoadResult = { sent: 0, ok: 0, non2xx: 0, errors: 0, elapsedMs: 0, latenciesMs: latencies, statuses: {} };
  let next = 0;
  const startedAt = performance.now();

  async function worker(): Promise<void> {
    const connection = new Connection(target.hostname, port, options.requestTimeoutMs);
    try {
      for (;;) {
        const index = next++;
        const id = options.ids[index];
        if (id === undefined || performance.now() - startedAt > options.deadlineMs) return;
        const sentAt = performance.now();
        const outcome = await connection.exchange([head, Buffer.from(`${id}\r\n\r\n`, 'latin1'), options.body]);
        result.sent++;
        if (outcome instanceof Error) {
          result.errors++;
          result.firstError ??= outcome.message;
          continue;
        }
        result.statuses[outcome] = (result.statuses[outcome] ?? 0) + 1;
        if (outcome >= 200 && outcome < 300) {
          latencies[result.ok++] = performance.now() - sentAt;
        } else {
          result.non2xx++;
        }
      }
    } finally {
      connection.close();
    }
  }

  await Promise.all(Array.from({ length: options.connections }, worker));
  result.elapsedMs = performance.now() - startedAt;
  result.latenciesMs = latencies.subarray(0, result.ok);
  return result;
}

/** One keep-alive connection carrying one request at a time; reconnects after a failure or a close. */
class Connection {
  #socket: Socket | undefined;
  #pending: Buffer = Buffer.alloc(0);
  #settle: ((outcome: number | Error) => void) | undefined;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly timeoutMs: number,
  ) {}

  exchange(parts: readonly Buffer[]): Promise<number | Error> {
    return new Promise((resolve) => {
      this.#settle = resolve;
      this.#pending = Buffer.alloc(0);
      const socket = this.#socket ?? this.#open();
      socket.cork();
      for (const part of parts) socket.write(part);
      socket.uncork();
    });
  }

  close(): void {
    this.#socket?.destroy();
    this.#socket = undefined;
  }

  #open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.setTimeout(this.timeoutMs, () => socket.destroy(new Error(`no answer in ${this.timeoutMs} ms`)));
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    // Events of a socket already replaced (closed after a `Connection: close` answer) must not
    // settle the request that the next socket carries.
    socket.on('error', (error) => {
      if (this.#socket !== socket) return;
      this.close();
      this.#finish(error);
    });
    socket.on('close', () => {
      if (this.#socket !== socket) return;
      this.#socket = undefined;
      this.#finish(new Error('the server closed the connection'));
    });
    this.#socket = socket;
    return socket;
  }

  #onData(chunk: Buffer): void {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    const response = parseResponse(this.#pending);
    if (response === undefined) return;
    this.#pending = Buffer.alloc(0);
    if (response.close) this.close();
    this.#finish(response.status);
  }

  #finish(outcome: number | Error): void {
    const settle = this.#settle;
    this.#settle = undefined;
    settle?.(outcome);
  }
}

/** The status of the complete HTTP/1.1 response at the start of `data`, or undefined while incomplete. */
function parseResponse(data: Buffer): { status: number; close: boolean } | undefined {
  const headerEnd = data.indexOf('\r\n\r\n');
  if (headerEnd === -1) return undefined;
  const head = data.toString('latin1', 0, headerEnd);
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection:[ \t]*close/i.test(head);
  const bodyStart = headerEnd + 4;
  const length = /\r\ncontent-length:[ \t]*(?<length>\d+)/i.exec(head)?.groups?.['length'];
  if (length !== undefined) {
    return data.length >= bodyStart + Number(length) ? { status, close } : undefined;
  }
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) {
    return isChunkedBodyComplete(data, bodyStart) ? { status, close } : undefined;
  }
  // No framing: only bodiless answers are expected on this path.
  return { status, close: close || !(status === 204 || status === 304 || status < 200) };
}

function isChunkedBodyComplete(data: Buffer, start: number): boolean {
  let position = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', position);
    if (lineEnd === -1) return false;
    const size = Number.parseInt(data.toString('latin1', position, lineEnd), 16);
    if (Number.isNaN(size)) return true; // malformed: give up on this answer rather than hang
    // The last chunk's line ends with the CRLF that closes the (empty) trailer section.
    if (size === 0) return data.indexOf('\r\n\r\n', lineEnd) !== -1;
    position = lineEnd + 2 + size + 2;
    if (position > data.length) return false;
  }
}

/** The value below which `fraction` of the samples fall (nearest rank). */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
