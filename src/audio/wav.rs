//! WAV decoding (hound) to mono f32 at the source rate, and 16-bit PCM encoding.

use super::{AudioError, MAX_SOURCE_RATE, MIN_SOURCE_RATE, check_finite};
use std::io::Cursor;

/// A decoded WAV file, downmixed to mono, still at its own sample rate.
#[derive(Debug, Clone)]
pub struct DecodedWav {
    /// Mono samples in [-1, 1] (floats may exceed it).
    pub samples: Vec<f32>,
    /// Source sample rate in Hz.
    pub sample_rate: u32,
    /// Channel count of the file (downmixed by averaging).
    pub channels: u16,
    /// Bits per sample of the file.
    pub bits_per_sample: u16,
    /// Whether the file stores floats.
    pub float: bool,
}

/// Guesses what a non-WAV file is, for the error message.
fn sniff(bytes: &[u8]) -> String {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let kind = if starts(b"ID3") || (bytes.len() > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) {
        "an MP3 file"
    } else if starts(b"OggS") {
        "an Ogg (Vorbis/Opus) file"
    } else if starts(b"fLaC") {
        "a FLAC file"
    } else if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        "a WebM/Matroska file"
    } else if bytes.len() > 8 && &bytes[4..8] == b"ftyp" {
        "an MP4/M4A file"
    } else if starts(b"RIFF") {
        "a RIFF file that is not WAVE"
    } else if bytes.is_empty() {
        "an empty file"
    } else {
        ""
    };
    if kind.is_empty() { String::new() } else { format!(" (it looks like {kind})") }
}

/// Decodes 8/16/24/32-bit integer or 32-bit float WAV of any channel count to mono f32.
///
/// Files longer than `max_seconds` are rejected from the header alone, before decoding.
pub fn decode_wav(bytes: &[u8], max_seconds: f32) -> Result<DecodedWav, AudioError> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(AudioError::NotWav { hint: sniff(bytes) });
    }
    let reader = hound::WavReader::new(Cursor::new(bytes)).map_err(map_hound)?;
    let spec = reader.spec();
    if !(MIN_SOURCE_RATE..=MAX_SOURCE_RATE).contains(&spec.sample_rate) {
        return Err(AudioError::SampleRate(spec.sample_rate));
    }
    if spec.channels == 0 {
        return Err(AudioError::Malformed("the header declares zero channels".into()));
    }
    let channels = spec.channels as usize;
    let expected_frames = reader.duration() as u64;
    let seconds = expected_frames as f32 / spec.sample_rate as f32;
    if seconds > max_seconds {
        return Err(AudioError::TooLong { seconds, limit: max_seconds });
    }
    let float = spec.sample_format == hound::SampleFormat::Float;
    let interleaved: Vec<f32> = match (spec.sample_format, spec.bits_per_sample) {
        (hound::SampleFormat::Float, 32) => collect(reader.into_samples::<f32>(), |s| s, expected_frames, channels)?,
        (hound::SampleFormat::Int, bits @ (8 | 16 | 24 | 32)) => {
            let scale = 1.0 / (1u64 << (bits - 1)) as f32;
            collect(reader.into_samples::<i32>(), |s| s as f32 * scale, expected_frames, channels)?
        }
        (format, bits) => {
            return Err(AudioError::Unsupported(format!(
                "{bits}-bit {}",
                if format == hound::SampleFormat::Float { "float" } else { "integer" }
            )));
        }
    };
    if interleaved.is_empty() {
        return Err(AudioError::Empty);
    }
    check_finite(&interleaved, spec.sample_rate * spec.channels as u32)?;
    let samples = if channels == 1 {
        interleaved
    } else {
        interleaved.chunks_exact(channels).map(|f| f.iter().sum::<f32>() / channels as f32).collect()
    };
    Ok(DecodedWav {
        samples,
        sample_rate: spec.sample_rate,
        channels: spec.channels,
        bits_per_sample: spec.bits_per_sample,
        float,
    })
}

/// Reads all samples, turning a short read into [`AudioError::Truncated`].
fn collect<S, I: Iterator<Item = hound::Result<S>>>(
    samples: I,
    convert: impl Fn(S) -> f32,
    expected_frames: u64,
    channels: usize,
) -> Result<Vec<f32>, AudioError> {
    let mut out = Vec::with_capacity((expected_frames as usize).saturating_mul(channels).min(1 << 26));
    for s in samples {
        match s {
            Ok(v) => out.push(convert(v)),
            // The data ended early: reported as truncated below, with the frames that were there.
            Err(hound::Error::IoError(e)) if is_short_read(&e) => break,
            Err(e) => return Err(map_hound(e)),
        }
    }
    if (out.len() as u64) < expected_frames * channels as u64 {
        return Err(AudioError::Truncated { expected: expected_frames, found: (out.len() / channels) as u64 });
    }
    Ok(out)
}

/// hound reports running out of bytes as `UnexpectedEof` or as an `Other` error with this message.
fn is_short_read(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::UnexpectedEof || e.to_string() == "Failed to read enough bytes."
}

fn map_hound(e: hound::Error) -> AudioError {
    match e {
        hound::Error::Unsupported => AudioError::Unsupported("a compressed or unusual format code".into()),
        hound::Error::FormatError(msg) => AudioError::Malformed(msg.to_string()),
        hound::Error::IoError(e) if is_short_read(&e) => {
            AudioError::Malformed("the header ends before the sample data starts (truncated file)".into())
        }
        other => AudioError::Malformed(other.to_string()),
    }
}

/// Encodes mono samples as a 16-bit PCM WAV (values outside [-1, 1] are clipped).
pub fn encode_wav(samples: &[f32], sample_rate: u32) -> Vec<u8> {
    let spec =
        hound::WavSpec { channels: 1, sample_rate, bits_per_sample: 16, sample_format: hound::SampleFormat::Int };
    let mut cursor = Cursor::new(Vec::with_capacity(44 + samples.len() * 2));
    {
        let mut writer = hound::WavWriter::new(&mut cursor, spec).expect("writing to memory cannot fail");
        for &s in samples {
            // Same scale as decoding (1/32768), so a round trip is exact to half a step.
            let v = (s * 32768.0).round().clamp(-32768.0, 32767.0) as i16;
            writer.write_sample(v).expect("writing to memory cannot fail");
        }
        writer.finalize().expect("writing to memory cannot fail");
    }
    cursor.into_inner()
}
