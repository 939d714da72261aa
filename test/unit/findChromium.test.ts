// The browser lookup npm test and the harness share: CHROMIUM_PATH first, then PATH, then the usual install folders.
import { findChromium, type Platform } from '../../scripts/findChromium';

function machine(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, files: string[]): Platform {
  return { platform, env, home: '/home/ann', isFile: (path) => files.includes(path) };
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH over anything on PATH', () => {
    const m = machine('linux', { CHROMIUM_PATH: '/opt/c/chrome', PATH: '/usr/bin' }, [
      '/opt/c/chrome',
      '/usr/bin/chromium',
    ]);
    expect(findChromium(m)).toBe('/opt/c/chrome');
  });

  it('reports a CHROMIUM_PATH that is not a file instead of quietly using another browser', () => {
    const m = machine('linux', { CHROMIUM_PATH: '/opt/none', PATH: '/usr/bin' }, [
      '/usr/bin/chromium',
    ]);
    expect(() => findChromium(m)).toThrow('CHROMIUM_PATH is /opt/none');
  });

  it.each(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'])(
    'finds %s on PATH, in PATH order',
    (name) => {
      const first = machine('linux', { PATH: '/a:/b' }, [`/a/${name}`, '/b/chromium']);
      expect(findChromium(first)).toBe(`/a/${name}`);
    },
  );

  it('finds Chrome in the macOS Applications folders', () => {
    const app = '/home/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium(machine('darwin', { PATH: '/usr/bin' }, [app]))).toBe(app);
  });

  it('finds Chrome, then Edge, in the Windows program folders, and chrome.exe on Path', () => {
    const env = { Path: 'C:\\tools', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' };
    const chrome = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Users\\ann\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium(machine('win32', env, [edge, chrome]))).toBe(chrome);
    expect(findChromium(machine('win32', env, [edge]))).toBe(edge);
    expect(findChromium(machine('win32', env, ['C:\\tools\\chrome.exe', chrome]))).toBe(
      'C:\\tools\\chrome.exe',
    );
  });

  it('finds nothing on a machine without a browser', () => {
    expect(
      findChromium(machine('linux', { PATH: '/usr/bin:/bin' }, ['/usr/bin/firefox'])),
    ).toBeNull();
    expect(findChromium(machine('darwin', {}, []))).toBeNull();
  });
});
