// The page: UI, microphone capture and message passing. All audio maths happens in Rust (the worker).
const $ = (id) => document.getElementById(id);

// ---- the engine worker, request/response by id ----
const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();
function call(type, args = {}, transfer = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, type, ...args }, transfer);
  });
}
worker.onmessage = (e) => {
  const m = e.data;
  if (m.id !== undefined) {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result); else p.reject(new Error(m.error));
  } else if (m.type === 'live') {
    onLive(m);
  } else if (m.type === 'limit') {
    if (recording) stopRecording();
  } else if (m.type === 'live-error') {
    setStatus(`Audio analysis failed: ${m.error}`, true);
  }
};
worker.onerror = (e) => {
  setStatus(`The audio engine stopped (${e.message || 'worker error'}). Reload the page to restart it.`, true);
};

// ---- status and backend badge ----
function setStatus(text, isError = false) {
  const el = $('mic-status');
  el.textContent = text;
  el.classList.toggle('error', isError);
}

call('init').then(() => call('backend')).then(({ backend, detail }) => {
  const badge = $('backend');
  badge.textContent = backend === 'webgpu' ? 'WebGPU' : 'CPU';
  badge.className = `badge ${backend}`;
  badge.title = detail;
}).catch((err) => setStatus(`Could not load the engine: ${err.message}`, true));

// ---- microphone ----
let audioCtx = null;

function micErrorMessage(err) {
  switch (err && err.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Microphone access was denied. Allow the microphone for this page (the icon in the address bar, '
        + 'or your browser\'s site settings), then press "Start microphone" again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect one (or enable it in your system settings), then press "Start microphone" again.';
    case 'NotReadableError':
      return 'The microphone is in use by another program or blocked by the system. Close the other program and try again.';
    default:
      return `Could not start the microphone: ${err && err.message || err}`;
  }
}

async function startMic() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    setStatus('This page cannot use the microphone here: open it over https:// or from http://127.0.0.1 / localhost.', true);
    return;
  }
  $('mic-start').disabled = true;
  setStatus('Asking for the microphone…');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
    });
  } catch (err) {
    setStatus(micErrorMessage(err), true);
    $('mic-start').disabled = false;
    return;
  }
  try {
    audioCtx = new AudioContext();
    await audioCtx.audioWorklet.addModule(new URL('./capture-worklet.js', import.meta.url));
    const source = audioCtx.createMediaStreamSource(stream);
    const node = new AudioWorkletNode(audioCtx, 'capture', { numberOfOutputs: 1 });
    const mute = audioCtx.createGain();
    mute.gain.value = 0;
    source.connect(node).connect(mute).connect(audioCtx.destination);
    const channel = new MessageChannel();
    node.port.postMessage({ port: channel.port1 }, [channel.port1]);
    ({ nMels } = await call('mic', { sampleRate: audioCtx.sampleRate, port: channel.port2 }, [channel.port2]));
    await audioCtx.resume();
    const track = stream.getAudioTracks()[0];
    setStatus(`Listening: ${track ? track.label || 'microphone' : 'microphone'} at ${audioCtx.sampleRate} Hz.`);
    track && track.addEventListener('ended', () => {
      setStatus('The microphone was disconnected. Press "Start microphone" to reconnect.', true);
      $('record').disabled = true;
      $('mic-start').disabled = false;
    });
    $('record').disabled = false;
  } catch (err) {
    setStatus(`Could not start audio capture: ${err.message}`, true);
    $('mic-start').disabled = false;
  }
}
$('mic-start').addEventListener('click', startMic);

// ---- live level and spectrogram ----
const canvas = $('spectrogram');
const ctx2d = canvas.getContext('2d');
ctx2d.fillStyle = '#000';
ctx2d.fillRect(0, 0, canvas.width, canvas.height);
const colour = (() => {
  // A perceptual dark-blue → yellow ramp for log-mel values from -14 (floor) to +2.
  const stops = [[13, 8, 135], [126, 3, 168], [204, 71, 120], [248, 149, 64], [240, 249, 33]];
  return (v) => {
    const x = Math.min(1, Math.max(0, (v + 14) / 16)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    const f = x - i;
    return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  };
})();
let nMels = 80;
function drawFrames(frames) {
  const count = frames.length / nMels;
  if (count < 1) return;
  const w = canvas.width;
  const h = canvas.height;
  ctx2d.drawImage(canvas, count, 0, w - count, h, 0, 0, w - count, h);
  const img = ctx2d.createImageData(count, h);
  for (let t = 0; t < count; t++) {
    for (let y = 0; y < h; y++) {
      const m = Math.min(nMels - 1, Math.floor((h - 1 - y) * nMels / h));
      const [r, g, b] = colour(frames[t * nMels + m]);
      const o = (y * count + t) * 4;
      img.data[o] = r; img.data[o + 1] = g; img.data[o + 2] = b; img.data[o + 3] = 255;
    }
  }
  ctx2d.putImageData(img, w - count, 0);
}

let peakHold = -120;
function onLive(u) {
  peakHold = Math.max(u.peakDbfs, peakHold - 1.5);
  const pct = Math.max(0, Math.min(100, (peakHold + 60) / 60 * 100));
  $('level-bar').style.width = `${pct}%`;
  const text = $('level-text');
  text.textContent = `${peakHold.toFixed(1)} dBFS peak`;
  text.dataset.peakDbfs = peakHold.toFixed(1);
  text.dataset.levelDbfs = u.peakDbfs.toFixed(1); // this chunk's own peak, without the hold
  drawFrames(u.frames);
  if (recording) $('record-time').textContent = `${u.recordedS.toFixed(1)} s`;
}

// ---- takes ----
const takes = [];
let takeSerial = 0;
let recording = false;

function showTakeError(text) { $('take-error').textContent = text; }

function addTake(take, source) {
  takes.push({ id: ++takeSerial, source, ...take, url: URL.createObjectURL(new Blob([take.wav], { type: 'audio/wav' })) });
  renderTakes();
}

function renderTakes() {
  const list = $('takes');
  list.replaceChildren();
  for (const t of takes) {
    const li = document.createElement('li');
    li.className = 'take';
    li.dataset.duration = t.report.duration_s.toFixed(3);
    li.dataset.speech = t.report.speech_s.toFixed(3);
    const r = t.report;
    const info = document.createElement('span');
    info.className = 'take-info';
    info.textContent = `${t.source} — ${r.duration_s.toFixed(2)} s, speech ${r.speech_s.toFixed(2)} s, `
      + `peak ${r.loudness.peak_dbfs.toFixed(1)} dBFS`;
    li.append(info);
    const play = document.createElement('button');
    play.textContent = 'Play';
    play.className = 'play';
    play.addEventListener('click', () => new Audio(t.url).play());
    const del = document.createElement('button');
    del.textContent = 'Delete';
    del.className = 'delete';
    del.addEventListener('click', () => {
      URL.revokeObjectURL(t.url);
      takes.splice(takes.indexOf(t), 1);
      renderTakes();
    });
    li.append(play, del);
    for (const msg of t.messages) {
      const w = document.createElement('div');
      w.className = 'warn';
      w.textContent = `⚠ ${msg}`;
      li.append(w);
    }
    list.append(li);
  }
}

async function startRecording() {
  recording = true;
  showTakeError('');
  $('record').textContent = 'Stop';
  $('record').classList.add('recording');
  await call('startTake');
}

async function stopRecording() {
  recording = false;
  $('record').textContent = 'Record take';
  $('record').classList.remove('recording');
  $('record-time').textContent = '';
  try {
    addTake(await call('finishTake'), `Take ${takeSerial + 1}`);
  } catch (err) {
    showTakeError(`That take could not be used: ${err.message}`);
  }
}
$('record').addEventListener('click', () => (recording ? stopRecording() : startRecording()));

async function addFiles(files) {
  const problems = [];
  for (const file of files) {
    try {
      const bytes = await file.arrayBuffer();
      addTake(await call('wav', { bytes }, [bytes]), file.name);
    } catch (err) {
      problems.push(`${file.name}: ${err.message}`);
    }
  }
  showTakeError(problems.join('\n'));
}
$('wav-files').addEventListener('change', (e) => { addFiles([...e.target.files]); e.target.value = ''; });
document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => { e.preventDefault(); addFiles([...e.dataTransfer.files]); });
