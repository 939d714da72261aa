// npm test's pretest: a browser for the browser tests, found as the harness finds it, installed from Debian's package when root.
import { canInstallWithApt, findChromium, installWithApt, NO_BROWSER } from './findChromium';

function main(): number {
  let found: string | null;
  try {
    found = findChromium();
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  if (found) return 0;
  if (canInstallWithApt()) {
    console.log("No Chromium found: installing Debian's chromium package with apt-get...");
    installWithApt();
    return findChromium() ? 0 : 1;
  }
  console.error(NO_BROWSER);
  return 1;
}

process.exitCode = main();
