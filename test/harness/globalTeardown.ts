// Jest globalTeardown: closes the browser the browser suites shared.
export { teardown as default } from './sharedBrowser';
