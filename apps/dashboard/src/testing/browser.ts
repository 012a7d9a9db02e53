import { existsSync } from 'node:fs';
import type { Hono } from 'hono';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt), never a downloaded browser; WECENA_TEST_CHROMIUM overrides the path. */
export function chromiumPath(): string | null {
  const path = process.env.WECENA_TEST_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export interface DashboardBrowser {
  /** A page of the given size whose every request to http://dashboard.test is answered by `app`. */
  open(app: Hono, viewport: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export const DASHBOARD_ORIGIN = 'http://dashboard.test';

/**
 * Launches headless chromium with no network of its own: requests to DASHBOARD_ORIGIN go
 * through `app.request()`, anything else is aborted (the page must need nothing from outside).
 */
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
    async open(app, viewport) {
      const page = await browser.newPage({ viewport });
      await page.route('**/*', async (route) => {
        const request = route.request();
        if (!request.url().startsWith(`${DASHBOARD_ORIGIN}/`)) return route.abort();
        const response = await app.request(request.url(), { method: request.method(), headers: await request.allHeaders() });
        return route.fulfill({
          status: response.status,
          headers: Object.fromEntries(response.headers.entries()),
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}
