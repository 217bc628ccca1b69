//! The fuzzer itself, native only (see `main.rs`): what goes in (`inputs`, built from
//! `corpus`, `schema_gen`, `older`, `strings`, `text`, `tree` and `answers`), what each input goes through
//! (`targets`, `screens`), the report (`report`), and here the run: threads, the catching of
//! panics and the settings.

mod answers;
mod corpus;
mod inputs;
mod older;
mod report;
mod rng;
mod schema_gen;
mod screens;
mod strings;
mod targets;
mod text;
mod tree;

use self::corpus::Corpus;
use self::inputs::{generate, Input, Kind};
use self::report::Report;
use self::rng::Rng;
use self::schema_gen::Schema;
use self::targets::Verdict;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

thread_local! {
    /// True while an input runs: its panic is caught and recorded, not printed.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and place of the last caught panic.
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fn setting(name: &str, argument: Option<&String>) -> Option<u64> {
    let text = argument.cloned().or_else(|| std::env::var(name).ok())?;
    match text.trim().replace('_', "").parse() {
        Ok(n) => Some(n),
        Err(_) => {
            eprintln!("fuzz: {name}={text} is not a whole number");
            std::process::exit(2);
        }
    }
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = setting("FUZZ_COUNT", args.first()).unwrap_or(1_000_000);
    let seed = setting("FUZZ_SEED", args.get(1)).unwrap_or_else(clock_seed);
    let only = setting("FUZZ_RANK", None);
    let folder: PathBuf = std::env::var_os("FUZZ_OUT").map_or("target/fuzz".into(), Into::into);

    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if CATCHING.get() {
            LAST_PANIC.set(info.to_string());
        } else {
            default_hook(info);
        }
    }));

    let started = Instant::now();
    let corpus = Corpus::build();
    let schema = Schema::load();
    let ranks = match only {
        Some(rank) => rank..rank + 1,
        None => 0..count,
    };
    println!("fuzz: {} inputs, seed {seed} (FUZZ_COUNT, FUZZ_SEED)", ranks.end - ranks.start);
    println!("seeds: {} (ready in {:.1} s)", corpus.describe(), started.elapsed().as_secs_f64());

    let jobs = setting("FUZZ_JOBS", None)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get() as u64))
        .clamp(1, 64);
    println!("threads: {jobs} (FUZZ_JOBS)");
    let started = Instant::now();
    let progress = Progress { done: AtomicU64::new(0), step: (count / 10).max(1), started };
    let reports: Vec<Report> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|job| {
                let ranks = ranks.clone().skip(job as usize).step_by(jobs as usize);
                let (corpus, schema, folder, progress) = (&corpus, &schema, &folder, &progress);
                std::thread::Builder::new()
                    // Deep inputs recurse in serde_json and in the code under test.
                    .stack_size(256 << 20)
                    .spawn_scoped(scope, move || {
                        let mut report = Report::new(folder.clone());
                        for rank in ranks {
                            one_input(corpus, schema, seed, rank, &mut report, only.is_some());
                            progress.tick();
                        }
                        report
                    })
                    .expect("a fuzzing thread starts")
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("a fuzzing thread ends")).collect()
    });
    let report = Report::merge(reports);
    print!("{}", report.summary(seed, started.elapsed()));
    if report.panics.is_empty() && report.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Prints a line at every tenth of the run.
struct Progress {
    done: AtomicU64,
    step: u64,
    started: Instant,
}

impl Progress {
    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if done.is_multiple_of(self.step) {
            eprintln!("{done} inputs, {:.0} s", self.started.elapsed().as_secs_f64());
        }
    }
}

/// Generates the input of `rank`, runs it under `catch_unwind`, and notes what happened.
fn one_input(
    corpus: &Corpus,
    schema: &Schema,
    seed: u64,
    rank: u64,
    report: &mut Report,
    show: bool,
) {
    let mut rng = Rng::for_input(seed, rank);
    let input = generate(corpus, schema, &mut rng);
    let time = Instant::now();
    CATCHING.set(true);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| run(corpus, &input, &mut rng)));
    CATCHING.set(false);
    let time = time.elapsed();
    match outcome {
        Ok(Ok(verdict)) => report.record(rank, &input, verdict == Verdict::Accepted, time),
        Ok(Err(broken)) => {
            report.record(rank, &input, false, time);
            report.find(rank, &input, broken, false);
        }
        Err(_) => {
            report.record(rank, &input, false, time);
            report.find(rank, &input, LAST_PANIC.take(), true);
        }
    }
    if show {
        println!("input: {}", String::from_utf8_lossy(&input.bytes));
    }
}

fn run(corpus: &Corpus, input: &Input, rng: &mut Rng) -> Result<Verdict, String> {
    match input.kind {
        Kind::StoredText | Kind::StoredTree => targets::storage(&input.bytes, rng),
        Kind::Snapshots => targets::snapshots(&input.bytes),
        Kind::Answer => targets::answer(&corpus.answers.contract, &input.bytes, rng),
        Kind::StoredCopy => {
            let index = input.seed.map_or(0, |seed| seed.index);
            let (key, home) = &corpus.copy_homes[index];
            targets::stored_copy(&input.bytes, key, home, rng)
        }
        _ => {
            let home = match input.seed {
                Some(seed) => corpus.homes.of(seed, rng),
                None => &corpus.homes.small[0],
            };
            targets::import(home, &input.bytes, rng)
        }
    }
}

fn clock_seed() -> u64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    now.unwrap_or(Duration::ZERO).as_secs()
}
