// Shared harness for the end-to-end tests: a static server for dist/ on loopback and a Chromium launcher.
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const OUT = join(ROOT, 'test-results');

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.wav': 'audio/wav', '.png': 'image/png',
};

/** Serves dir on 127.0.0.1 at a free port, under a sub-path to prove the page uses relative URLs. */
export async function serve(dir = DIST, prefix = '/some/sub/path/') {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Launches Debian's Chromium, quiet on a closed network. `mic`: 'fake' (a WAV file as the microphone),
 * 'denied' (permission prompts refused), 'absent' (permission granted but no capture device), or 'none'.
 */
export async function launch({ mic = 'fake', wav = join(FIXTURES, 'fake_mic_hey_jarvis_48k.wav'), webgpu = false } = {}) {
  const args = [
    '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--disable-dev-shm-usage', '--autoplay-policy=no-user-gesture-required',
  ];
  if (mic === 'fake') {
    args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`);
  } else if (mic === 'denied') {
    args.push('--use-fake-device-for-media-stream', '--deny-permission-prompts');
  } else if (mic === 'absent') {
    args.push('--use-fake-ui-for-media-stream');
  }
  if (webgpu) args.push('--enable-unsafe-webgpu');
  const userDataDir = await mkdtemp(join(tmpdir(), 'wakebuilder-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args,
  });
  await mkdir(OUT, { recursive: true });
  return context;
}

/** Records every request a page makes, to check that none leaves its origin. */
export function watchRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Requests that left `origin` (data: and blob: URLs stay in the page). */
export function foreign(urls, origin) {
  return urls.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
}
