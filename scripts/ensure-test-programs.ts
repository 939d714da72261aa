// npm test's pretest: the programs the tests drive (Chromium; LibreOffice and pdfinfo for the print test), installed from Debian's packages when root.
import { ensurePrograms, PRINT_PROGRAMS } from './debianPackages';
import { canInstallWithApt, findChromium, installWithApt, NO_BROWSER } from './findChromium';

function ensureChromium(): boolean {
  let found: string | null;
  try {
    found = findChromium();
  } catch (error) {
    console.error((error as Error).message);
    return false;
  }
  if (found) return true;
  if (canInstallWithApt()) {
    console.log("No Chromium found: installing Debian's chromium package with apt-get...");
    installWithApt();
    return findChromium() !== null;
  }
  console.error(NO_BROWSER);
  return false;
}

/** Installed here, before Jest starts, so no test spends its time budget on apt-get (~190 s fresh). */
function ensurePrintPrograms(): boolean {
  try {
    ensurePrograms(PRINT_PROGRAMS);
    return true;
  } catch (error) {
    console.error((error as Error).message);
    return false;
  }
}

process.exitCode = ensureChromium() && ensurePrintPrograms() ? 0 : 1;
