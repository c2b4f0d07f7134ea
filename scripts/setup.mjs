#!/usr/bin/env node
// Sets up a fresh machine that has only Node and npm: system packages the tests need (fonts for the PDF
// fixtures, tesseract language data for OCR, poppler for the benchmark baseline), pnpm, and the locked
// dependencies. Idempotent and quick when everything is already there. Never downloads at run time later.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '12.21.0';
const APT_PACKAGES = [
  'fonts-noto-cjk',
  'fonts-wqy-zenhei',
  'tesseract-ocr',
  'tesseract-ocr-chi-sim',
  'tesseract-ocr-eng',
  'poppler-utils',
  'poppler-data',
];
// A file each package installs: checking files is faster than asking dpkg for every run.
const MARKERS = [
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata',
  '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata',
  '/usr/bin/pdftotext',
  '/usr/share/poppler/cMap',
];

function log(message) {
  process.stderr.write(`[setup] ${message}\n`);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
  }
}

function systemPackages() {
  const missing = MARKERS.filter((file) => !existsSync(file));
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!hasApt) {
    log(`missing ${missing.join(', ')} and no apt-get: install ${APT_PACKAGES.join(' ')} by hand`);
    return;
  }
  // Not root: go through sudo, which asks for a password only where the machine requires one.
  const apt = isRoot ? ['apt-get'] : ['sudo', 'apt-get'];
  log(`installing system packages: ${APT_PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run(apt[0], [...apt.slice(1), 'update', '-qq'], { env });
  run(apt[0], [...apt.slice(1), 'install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES], { env });
}

function pnpmVersion() {
  try {
    return execFileSync('pnpm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function ensurePnpm() {
  if (pnpmVersion() === PNPM_VERSION) return;
  log(`installing pnpm ${PNPM_VERSION}`);
  run('npm', ['install', '-g', `pnpm@${PNPM_VERSION}`]);
  if (pnpmVersion() !== PNPM_VERSION) throw new Error(`pnpm ${PNPM_VERSION} is not on PATH after npm install -g`);
}

systemPackages();
ensurePnpm();
run('pnpm', ['install', '--frozen-lockfile', '--reporter=silent'], { env: { ...process.env, CI: 'true' } });
log('ready');
