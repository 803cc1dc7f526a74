import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiClient } from './api-client.js';
import { openBrowser } from './browser.js';
import { logInBrowser, PASSWORD, signedInOwner } from './people.js';
import { type RunningServer, startServer } from './server.js';

export interface BrowserSessionOptions {
  /** Runs before the server starts, for what it needs: a fake SAT to call, a data folder made by the CLI. */
  before?: () => Promise<void> | void;
  /** Runs once the browser and the server are closed: removes what `before` made. */
  after?: () => Promise<void> | void;
  /**
   * The server's environment. A function when it names something `before` made (a fake SAT's URL,
   * a data folder): it is read only when the server starts.
   */
  env?: Record<string, string> | (() => Record<string, string>);
  /**
   * An organization's owner, signed up (and verified) through the API as `session.owner`; their
   * password is PASSWORD unless given.
   */
  owner?: { email: string; name: string; organizationName: string; password?: string };
  /**
   * Whether the owner is also logged in in the browser, on `session.page` (the default). Tests that
   * log people in one by one, or set up more data first, leave it to them with `false`.
   */
  ownerPage?: boolean;
}

/** What a browser test works with: filled in by useBrowserSession's beforeAll. */
export interface BrowserSession {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  /** The owner's API client; only with the `owner` option. */
  readonly owner: ApiClient;
  /**
   * The owner's tab, logged in; only with `owner` and `ownerPage` left on. A test may replace it
   * (after logging the owner in again, say) for the tests that follow.
   */
  page: Page;
  /** Logs this person in in the session's browser (whoever was logged in is logged out): a new tab. */
  logIn(email: string, password?: string): Promise<Page>;
}

/**
 * One product server and one browser for the tests of a describe block, and optionally its owner:
 * registers the beforeAll that starts them and the afterAll that closes them. Call it before the
 * spec's own beforeAll (more data through the API) and afterAll: vitest runs beforeAll hooks in the
 * order they are registered and afterAll hooks in the reverse order, so the spec's hooks find the
 * session ready and still open. What must come before the server starts goes in `before` (a second
 * beforeAll ahead of this call would do the same, but Biome rejects two beforeAll in one block).
 */
export function useBrowserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
  let owner: ApiClient | undefined;
  let page: Page | undefined;

  // Read before beforeAll has filled it (or without the option that fills it), a field says so
  // instead of handing out undefined.
  const filled = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowserSession: no ${what} (not set up, or not asked for)`);
    return value;
  };

  const session: BrowserSession = {
    get server() {
      return filled(server, 'server');
    },
    get context() {
      return filled(browser, 'browser').context;
    },
    get owner() {
      return filled(owner, 'owner');
    },
    get page() {
      return filled(page, 'page');
    },
    set page(value) {
      page = value;
    },
    logIn: (email, password = PASSWORD) => logInBrowser(session.context, session.server.url, email, password),
  };

  beforeAll(async () => {
    await options.before?.();
    server = await startServer(typeof options.env === 'function' ? options.env() : options.env);
    browser = await openBrowser();
    if (!options.owner) return;
    const person = { ...options.owner, password: options.owner.password ?? PASSWORD };
    if (options.ownerPage === false) {
      owner = new ApiClient(server.url);
      await owner.signUpOwner(person);
    } else {
      ({ owner, page } = await signedInOwner(browser.context, server.url, person));
    }
  });

  // Each step runs even when the one before it failed: no server or data folder left behind.
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      try {
        await server?.stop();
      } finally {
        await options.after?.();
      }
    }
  });

  return session;
}
