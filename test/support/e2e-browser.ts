/**
 * The end-to-end tests' browser, in one place: Debian's headless Chromium driven through
 * playwright-core with a fresh profile each run, and the built workbench (dist/web, `npm run
 * build`) served as `npm start` serves it, on a free port. `e2eBrowser()` registers the file's
 * beforeAll and afterAll, so every e2e file opens and closes them alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/serve-workbench';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist', 'web');
/** Screenshots go below it (test-artifacts/e2e/…), for a person to look at after a run. */
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

/** Chromium's flags: headless without a sandbox (containers), and nothing that calls out or updates itself. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface E2eBrowser {
  /** The static server over dist/web; its `url` ends in a slash. */
  readonly server: StaticServer;
  readonly context: BrowserContext;
  /** The fresh profile directory, removed after the file: downloads may be saved into it. */
  readonly profile: string;
}

export interface E2eBrowserOptions {
  /** Names the profile directory (resptable-e2e-<name>-…), so a leftover one says whose it is. */
  name: string;
  /**
   * How long one wait may run before it fails and says where. Every step takes well under a second;
   * this is generous on purpose (a 2-core machine under a full suite).
   */
  defaultTimeout?: number;
}

/**
 * Starts the server and the browser before the file's tests and closes both after them. The fields
 * of what it returns are there from the first test on; reading one earlier throws.
 */
export function e2eBrowser(options: E2eBrowserOptions): E2eBrowser {
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's Chromium (apt-get install chromium; .ci/run installs it).`);
    }
    if (!fs.existsSync(path.join(DIST, 'workbench.html'))) {
      throw new Error(`${DIST}/workbench.html is missing: run \`npm run build\` first (\`npm test\` does).`);
    }
    server = await startStaticServer(DIST, 0);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), `resptable-e2e-${options.name}-`));
    // A fresh profile each run; Playwright takes it as the persistent context's directory.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(options.defaultTimeout ?? 15_000);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the e2e ${what} is not started yet: use it inside a test or a hook, not at the top of the file`);
    return value;
  };
  return {
    get server() {
      return started('server', server);
    },
    get context() {
      return started('browser', context);
    },
    get profile() {
      return started('profile', profile);
    },
  };
}
