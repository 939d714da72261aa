// The add-on's version, embedded by the build from package.json (scripts/build.mjs defines it).

declare const __SWP_VERSION__: string | undefined;

/** The released version ("0.1.0"), or "development" when the source runs unbuilt (unit tests). */
export const VERSION: string =
  typeof __SWP_VERSION__ === 'string' ? __SWP_VERSION__ : 'development';

/** Said under a Sync Log run line and the self-test report: which release did the work. */
export const versionLine = (version = VERSION): string => `Add-on version ${version}`;
