// AudioWorklet: averages the input channels to mono and posts chunks of 1024 samples to the engine worker
// through the MessagePort it is given. No analysis here.
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.out = null;
    this.buf = new Float32Array(1024);
    this.n = 0;
    this.port.onmessage = (e) => { if (e.data && e.data.port) this.out = e.data.port; };
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0 || !this.out) return true;
    const frames = channels[0].length;
    for (let i = 0; i < frames; i++) {
      let s = 0;
      for (let c = 0; c < channels.length; c++) s += channels[c][i];
      this.buf[this.n++] = s / channels.length;
      if (this.n === this.buf.length) {
        this.out.postMessage(this.buf, [this.buf.buffer]);
        this.buf = new Float32Array(1024);
        this.n = 0;
      }
    }
    return true;
  }
}
registerProcessor('capture', CaptureProcessor);
