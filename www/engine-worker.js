// The engine worker: owns the wasm module. Audio chunks arrive on a MessagePort from the AudioWorklet;
// requests from the page arrive as messages tagged with an id and are answered with the same id.
import init, { LiveAnalyzer, takeFromWav, featureConfig, probeBackend } from './pkg/wakebuilder.js';

let analyzer = null;
const ready = init();

function reply(id, result) { self.postMessage({ id, ok: true, result }); }
function fail(id, error) { self.postMessage({ id, ok: false, error: String(error && error.message || error) }); }

function onAudio(e) {
  if (!analyzer) return;
  try {
    const u = analyzer.push(e.data);
    self.postMessage({ type: 'live', ...u }, [u.frames.buffer]);
    if (u.limitReached) self.postMessage({ type: 'limit' });
  } catch (err) {
    self.postMessage({ type: 'live-error', error: String(err && err.message || err) });
  }
}

const handlers = {
  async init() {
    await ready;
    return { featureConfig: featureConfig() };
  },
  async backend() { await ready; return await probeBackend(); },
  async mic({ sampleRate, port }) {
    await ready;
    if (analyzer) analyzer.free();
    analyzer = new LiveAnalyzer(sampleRate);
    port.onmessage = onAudio;
    return { nMels: analyzer.nMels };
  },
  async startTake() { analyzer.startTake(); return true; },
  async finishTake() { return analyzer.finishTake(); },
  async wav({ bytes }) { await ready; return takeFromWav(new Uint8Array(bytes)); },
};

self.onmessage = async (e) => {
  const { id, type, ...args } = e.data;
  try {
    const result = await handlers[type](args);
    if (result && result.samples) {
      self.postMessage({ id, ok: true, result }, [result.samples.buffer, result.wav.buffer]);
    } else {
      reply(id, result);
    }
  } catch (err) {
    fail(id, err);
  }
};
