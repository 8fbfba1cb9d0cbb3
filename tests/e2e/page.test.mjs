// End-to-end: the built page in real headless Chromium with a fake microphone playing a spoken phrase.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { serve, launch, watchRequests, foreign, FIXTURES, OUT } from './harness.mjs';

let server;
before(async () => { server = await serve(); });
after(async () => { await server.close(); });

const origin = () => new URL(server.url).origin;

test('live level, record a take, list it, delete it — and no request leaves the page origin', async () => {
  const context = await launch({ mic: 'fake' });
  const requests = watchRequests(context);
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.click('#mic-start');
    await page.waitForSelector('#mic-status:has-text("Listening")', { timeout: 20_000 });
    // The fake microphone plays "hey jarvis" in a loop: the level must rise well above silence.
    await page.waitForFunction(() => Number(document.querySelector('#level-text').dataset.peakDbfs) > -30,
      null, { timeout: 15_000 });

    // The fixture loops 0.7 s of digital silence, the 1.28 s phrase, 0.7 s of silence. Start recording in
    // the gap, wait for the phrase to begin, and stop 1.5 s later, inside the next gap: one whole phrase.
    // (Predicates are functions, not strings: the page's CSP forbids eval.)
    const level = (cmp) => page.waitForFunction(([below, db]) => {
      const v = Number(document.querySelector('#level-text').dataset.levelDbfs);
      return below ? v < db : v > db;
    }, cmp, { timeout: 10_000 });
    await level([true, -80]);
    await page.click('#record');
    await level([false, -40]);
    await page.waitForTimeout(1_500);
    await page.click('#record');
    const take = page.locator('#takes li.take');
    await take.first().waitFor({ timeout: 15_000 });
    assert.equal(await take.count(), 1);
    const duration = Number(await take.first().getAttribute('data-duration'));
    const speech = Number(await take.first().getAttribute('data-speech'));
    // `wakebuilder inspect` on the fixture: 0.91 s of speech, 1.21 s with the 0.15 s padding each side.
    assert.ok(speech > 0.75 && speech < 1.1, `speech ${speech} s`);
    assert.ok(duration > 1.0 && duration < 1.45, `take duration ${duration} s`);
    assert.equal(await page.locator('#take-error').textContent(), '');
    await page.screenshot({ path: join(OUT, 'page-with-take.png'), fullPage: true });

    // A broken file is refused with a message, and the recorded take stays.
    await page.setInputFiles('#wav-files', { name: 'notes.wav', mimeType: 'audio/wav', buffer: Buffer.from('hello, not audio') });
    await page.waitForSelector('#take-error:has-text("notes.wav: this is not a WAV file")', { timeout: 10_000 });
    assert.equal(await take.count(), 1);

    // A real WAV file is added next to it.
    await page.setInputFiles('#wav-files', join(FIXTURES, 'hey_jarvis_16k.wav'));
    await page.waitForFunction(() => document.querySelectorAll('#takes li.take').length === 2, null, { timeout: 10_000 });

    await take.first().locator('button.delete').click();
    await take.first().locator('button.delete').click();
    assert.equal(await take.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const outside = foreign(requests, origin());
  assert.deepEqual(outside, [], `requests outside ${origin()}: ${outside.join(', ')}`);
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm module was loaded from the page origin');
});

/** Presses "Start microphone" in a browser launched with `mic`; returns the error shown and the button states. */
async function micError(mic, screenshot) {
  const context = await launch({ mic });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.click('#mic-start');
    const status = page.locator('#mic-status.error');
    await status.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(OUT, screenshot) });
    return {
      text: await status.textContent(),
      canRetry: !(await page.locator('#mic-start').isDisabled()),
      canRecord: !(await page.locator('#record').isDisabled()),
    };
  } finally {
    await context.close();
  }
}

test('a denied microphone permission gives a message saying what to do', async () => {
  const { text, canRetry, canRecord } = await micError('denied', 'mic-denied.png');
  assert.match(text, /denied/i);
  assert.match(text, /Allow the microphone/);
  assert.ok(canRetry && !canRecord);
});

test('a machine without a microphone gets a message saying what to do', async () => {
  const { text, canRetry, canRecord } = await micError('absent', 'mic-absent.png');
  assert.match(text, /No microphone was found\. Connect one/);
  assert.ok(canRetry && !canRecord);
});

test('the backend badge reports WebGPU when the browser offers it, else the CPU', async () => {
  for (const webgpu of [true, false]) {
    const context = await launch({ mic: 'none', webgpu });
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      const badge = page.locator('#backend.webgpu, #backend.cpu');
      await badge.waitFor({ timeout: 60_000 });
      const detail = await page.locator('#backend').getAttribute('title');
      await writeFile(join(OUT, `backend-${webgpu ? 'webgpu' : 'no-webgpu'}.txt`), `${await badge.textContent()}: ${detail}\n`);
      assert.equal(await badge.textContent(), webgpu ? 'WebGPU' : 'CPU', detail);
    } finally {
      await context.close();
    }
  }
});
