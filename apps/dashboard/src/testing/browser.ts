import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt), never a downloaded browser; WECENA_TEST_CHROMIUM overrides the path. */
export function chromiumPath(): string | null {
  const path = process.env.WECENA_TEST_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export interface DashboardBrowser {
  /**
   * A page of the given size that reaches `served` over HTTP, as a person's browser does, and
   * nothing else. A real server rather than routed requests, because chromium fetches some
   * things out of reach of request routing: redirects after a form, and downloads (it fetches
   * an attachment again).
   */
  visit(served: ServedDashboard, viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** A dashboard answering HTTP on a loopback port of its own. */
export interface ServedDashboard {
  /** `http://127.0.0.1:<port>`: a loopback address, where the demo sign-in answers. */
  origin: string;
  close(): Promise<void>;
}

/** Serves `app` on a free port of 127.0.0.1, reachable from this machine only. */
export function serveOnLoopback(app: Hono): Promise<ServedDashboard> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((closed, failed) => server.close((error) => (error === undefined ? closed() : failed(error)))),
      });
    });
    server.once('error', reject);
  });
}

/** Launches headless chromium with no network of its own: a page reaches only the dashboard it visits. */
export async function launchDashboardBrowser(executablePath: string): Promise<DashboardBrowser> {
  // playwright gives each launch a fresh profile directory of its own and removes it at close.
  const browser: Browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    async visit(served, viewport) {
      const page = await browser.newPage({ viewport, acceptDownloads: true });
      await page.route('**/*', (route) => (route.request().url().startsWith(`${served.origin}/`) ? route.continue() : route.abort()));
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
