//! `make fuzz`: a million generated and mutated inputs through the importer (exchange files,
//! as text and as trees, built from the example, the demonstration, generated contracts and the
//! JSON Schema, in today's and older formats) and through the storage codec (stored workspaces,
//! corrupt or older, and snapshot lists). See `inputs` for the kinds, `targets` for what each
//! input goes through and the promises checked.
//!
//! Every input runs under `catch_unwind`: a panic is recorded with its input (in `FUZZ_OUT`,
//! `target/fuzz/` by default) and the run goes on, then exits with an error. The run is
//! deterministic for its seed: each input's random numbers derive from the seed and its rank,
//! so `FUZZ_SEED=s FUZZ_RANK=n` replays input n alone.
//!
//! Usage: `fuzz [count] [seed]`, or `FUZZ_COUNT`, `FUZZ_SEED` (default: from the clock),
//! `FUZZ_RANK`, `FUZZ_OUT`, `FUZZ_JOBS` (threads; default: one per core). Built in the `fuzz` profile (Cargo.toml) so that panics unwind.
//!
//! Native only: everything is in `fuzzer/`, and wasm32 gets an empty `main`, so that checking
//! every target for wasm32 works.

#[cfg(not(target_arch = "wasm32"))]
mod fuzzer;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    fuzzer::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
