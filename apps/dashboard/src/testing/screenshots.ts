import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** The widths every page is looked at: a laptop and a phone. */
export const SCREENSHOT_VIEWPORTS = [
  { viewport: 'desktop', width: 1280, height: 900 },
  { viewport: 'phone', width: 390, height: 844 },
] as const;

/** The dashboard workspace, where test artefacts are kept (test-artifacts/, ignored by git). */
const WORKSPACE = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where browser tests keep their screenshots, always written so that a person (or CI, as test
 * artefacts) can look at every page after a run: test-artifacts/screenshots unless
 * WECENA_SCREENSHOT_DIR says otherwise.
 */
export function screenshotDirectory(): string {
  return process.env.WECENA_SCREENSHOT_DIR ?? join(WORKSPACE, 'test-artifacts', 'screenshots');
}

/** Saves the whole page (not only the viewport) as `<name>.png`; returns the file's path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const directory = screenshotDirectory();
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** One page looked at: by whom, at which URL path, what it shows, and its screenshots. */
export interface ScreenshotEntry {
  role: string;
  page: string;
  path: string;
  shows: string;
  files: string[];
}

/** Screenshots of pages at every width in SCREENSHOT_VIEWPORTS, listed in an index. */
export interface ScreenshotAlbum {
  /**
   * Screenshots the page as it stands at each width, as `<role>-<page>-<viewport>.png`, and
   * puts the viewport back as it was. Returns the widest the page scrolls at each width, for
   * a test to check that nothing overflows sideways.
   */
  shoot(page: Page, entry: { role: string; page: string; shows: string }): Promise<{ viewport: string; width: number; scrollWidth: number }[]>;
  /** Writes index.md beside the screenshots: one line per page shot, in the order shot. */
  writeIndex(title: string): string;
  readonly entries: readonly ScreenshotEntry[];
}

export function createScreenshotAlbum(): ScreenshotAlbum {
  const entries: ScreenshotEntry[] = [];
  return {
    entries,
    async shoot(page, { role, page: name, shows }) {
      const before = page.viewportSize();
      const files: string[] = [];
      const widths: { viewport: string; width: number; scrollWidth: number }[] = [];
      for (const { viewport, width, height } of SCREENSHOT_VIEWPORTS) {
        await page.setViewportSize({ width, height });
        widths.push({ viewport, width, scrollWidth: await page.evaluate<number>('document.documentElement.scrollWidth') });
        files.push(await saveScreenshot(page, `${role}-${name}-${viewport}`));
      }
      if (before !== null) await page.setViewportSize(before);
      const url = new URL(page.url());
      entries.push({ role, page: name, path: url.pathname + url.search, shows, files });
      return widths;
    },
    writeIndex(title) {
      const directory = screenshotDirectory();
      mkdirSync(directory, { recursive: true });
      const lines = entries.map(
        (entry) =>
          `| \`${entry.path}\` | ${entry.role} | ${entry.shows} | ${entry.files.map((file) => `[${relative(directory, file)}](${relative(directory, file)})`).join('<br>')} |`,
      );
      const index = join(directory, 'index.md');
      writeFileSync(index, [`# ${title}`, '', '| URL path | role | shows | screenshots |', '|---|---|---|---|', ...lines, ''].join('\n'));
      return index;
    },
  };
}
