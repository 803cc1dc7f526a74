import { afterAll, beforeAll } from 'vitest';
import { signUpVerifiedOwner } from './accounts-flow.js';
import { buildTestApp, type TestApp } from './test-app.js';
import type { DatabaseKind } from './test-database.js';

export type VerifiedOwner = Awaited<ReturnType<typeof signUpVerifiedOwner>>;

export type TestAppWithOwner = TestApp & { owner: VerifiedOwner };

export interface TestAppOptions {
  /** Settings for loadConfig, over the test defaults of buildTestApp. */
  env?: Record<string, string>;
  /** Also sign up a verified, logged-in owner of a new organization, as `owner`. */
  owner?: boolean;
}

/**
 * The app of one describe block: built (on a fresh database) in a beforeAll, closed in an afterAll.
 * Call it in the describe body before the block's own hooks. Vitest runs beforeAll hooks one after
 * another in the order they were registered, and afterAll hooks in the reverse order (its default
 * `sequence.hooks: 'stack'`), so the block's own beforeAll already sees the app ready and its own
 * afterAll runs while the app is still open.
 *
 * The object returned is filled in place by that beforeAll: hooks and tests use it as the TestApp it
 * becomes (plus `owner` when asked for), with plain properties and no getters in between. Until then
 * each property is a stand-in that throws a clear error, instead of an `undefined` failing later.
 */
export function useTestApp(kind: DatabaseKind, options: TestAppOptions & { owner: true }): TestAppWithOwner;
export function useTestApp(kind: DatabaseKind, options?: TestAppOptions & { owner?: false }): TestApp;
export function useTestApp(kind: DatabaseKind, options: TestAppOptions = {}): TestApp | TestAppWithOwner {
  // Every property of TestApp is listed: a new one there fails to compile here until it is added.
  const fixture: TestApp & { owner?: VerifiedOwner } = {
    app: notReady('app'),
    config: notReady('config'),
    database: notReady('database'),
    mailer: notReady('mailer'),
    clock: notReady('clock'),
    client: notReady('client'),
    close: notReady('close'),
    ...(options.owner ? { owner: notReady('owner') } : {}),
  };
  // Kept apart from the fixture: what afterAll closes is only ever an app that was really built,
  // also one whose build outlived beforeAll's timeout (test files share their worker: an app left
  // open would keep its job worker and database running into the next files).
  let building: Promise<TestApp> | undefined;

  beforeAll(async () => {
    building = buildTestApp(kind, options.env);
    const built = await building;
    Object.assign(fixture, built);
    if (options.owner) fixture.owner = await signUpVerifiedOwner(built);
  });
  // When the build itself failed, its beforeAll already reports why; there is nothing to close.
  afterAll(async () => (await building?.catch(() => undefined))?.close());

  return fixture;
}

/** A stand-in that throws on any use: reading, writing or calling it. */
function notReady(name: string): never {
  const fail = () => {
    throw new Error(
      `useTestApp: "${name}" was used before the fixture's beforeAll ran. ` +
        'Use the test app inside hooks and tests, not directly in the describe body.',
    );
  };
  return new Proxy(fail, { get: fail, set: fail, apply: fail }) as never;
}
