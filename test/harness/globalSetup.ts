// Jest globalSetup: starts the browser the browser suites share.
export { setup as default } from './sharedBrowser';
