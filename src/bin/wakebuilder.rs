//! The `wakebuilder` command-line tool (native only; the page uses the same library through `web`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The CLI is native-only; wasm builds of the crate's targets get an empty entry point.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use std::path::PathBuf;
    use std::process::ExitCode;
    use wakebuilder::audio::{self, Take, TrimConfig};
    use wakebuilder::features::{FeatureConfig, LogMel};

    /// Exit code when an input file cannot be used.
    const EXIT_BAD_INPUT: u8 = 3;

    #[derive(Parser)]
    #[command(name = "wakebuilder", version, about = "Train and check wake-word models from a few recordings")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check recordings as the page does: decode, resample to 16 kHz, trim, measure and warn.
        Inspect {
            /// WAV files (8/16/24/32-bit integer or 32-bit float, any channel count, 8–192 kHz).
            #[arg(required = true)]
            wavs: Vec<PathBuf>,
            /// Longest accepted recording, in seconds.
            #[arg(long, default_value_t = audio::DEFAULT_MAX_SECONDS)]
            max_seconds: f32,
            /// Print one JSON object per file instead of text.
            #[arg(long)]
            json: bool,
        },
        /// Print the log-mel feature contract (FeatureConfig) as JSON.
        FeatureConfig,
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Inspect { wavs, max_seconds, json } => inspect(&wavs, max_seconds, json),
            Command::FeatureConfig => {
                let cfg = FeatureConfig::default();
                println!("{}", serde_json::to_string_pretty(&cfg).expect("config serialises"));
                ExitCode::SUCCESS
            }
        }
    }

    fn inspect(wavs: &[PathBuf], max_seconds: f32, json: bool) -> ExitCode {
        let engine = LogMel::new(FeatureConfig::default()).expect("default config is valid");
        let mut failed = false;
        for path in wavs {
            let result =
                std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display())).and_then(|bytes| {
                    Take::from_wav(&bytes, max_seconds, &TrimConfig::default()).map_err(|e| e.to_string())
                });
            match result {
                Ok(take) => {
                    let frames = engine.compute(&take.samples).frames;
                    if json {
                        let value = serde_json::json!({
                            "file": path, "ok": true, "report": take.report,
                            "messages": take.report.warnings.iter().map(|w| w.message()).collect::<Vec<_>>(),
                            "feature_frames": frames,
                        });
                        println!("{value}");
                    } else {
                        let r = &take.report;
                        println!(
                            "{}: {:.2} s after trim ({:.2} s source, {:.2} s speech), peak {:.1} dBFS, rms {:.1} dBFS, {frames} frames",
                            path.display(),
                            r.duration_s,
                            r.source_duration_s,
                            r.speech_s,
                            r.loudness.peak_dbfs,
                            r.loudness.rms_dbfs
                        );
                        for w in &r.warnings {
                            println!("  warning: {}", w.message());
                        }
                    }
                }
                Err(msg) => {
                    failed = true;
                    if json {
                        println!("{}", serde_json::json!({"file": path, "ok": false, "error": msg}));
                    } else {
                        eprintln!("{}: {msg}", path.display());
                    }
                }
            }
        }
        if failed { ExitCode::from(EXIT_BAD_INPUT) } else { ExitCode::SUCCESS }
    }
}
