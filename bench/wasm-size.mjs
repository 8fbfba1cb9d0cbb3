// Prints the size of a wasm file, raw and gzipped (level 9), e.g. after the release build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const path = process.argv[2] ?? 'www/pkg/wakebuilder_bg.wasm';
const raw = readFileSync(path);
const gz = gzipSync(raw, { level: 9 });
const mb = (n) => (n / 1024 / 1024).toFixed(2);
console.log(`wasm size: ${path}: ${mb(raw.length)} MiB raw, ${mb(gz.length)} MiB gzipped (${raw.length} / ${gz.length} bytes)`);
