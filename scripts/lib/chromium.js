'use strict';
// The browser suites use Debian's Chromium (test tools may not download browsers here).
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function ensureChromium() {
  const bin = chromiumPath();
  if (fs.existsSync(bin)) return { ok: true, path: bin };
  const canInstall = typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log('Chromium is missing: installing Debian\'s chromium package…');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0 && fs.existsSync(bin)) return { ok: true, path: bin };
  }
  return { ok: false, message: `Chromium was not found at ${bin}. Install it with "sudo apt-get install chromium" (or set CHROMIUM_PATH to a Chromium binary) and run the tests again.` };
}

module.exports = { ensureChromium, chromiumPath };
