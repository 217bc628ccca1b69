//! What a run found and how fast it went: inputs, accepted and refused per kind, time and
//! inputs per second, the slowest input (size, time, the start of its text), and every panic
//! or broken promise, each written to a file so that it can be looked at and replayed.

use super::inputs::{Input, Kind};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Default, Clone, Copy)]
struct Tally {
    inputs: u64,
    accepted: u64,
    time: Duration,
}

/// One input that made the code panic or break a promise.
pub struct Finding {
    pub rank: u64,
    pub kind: Kind,
    pub what: String,
    pub file: Option<PathBuf>,
}

pub struct Report {
    tallies: [Tally; Kind::ALL.len()],
    slowest: Option<(Duration, u64, Kind, usize, String)>,
    pub panics: Vec<Finding>,
    pub broken: Vec<Finding>,
    folder: PathBuf,
}

/// Findings beyond this many are counted but not written to files.
const FILES_KEPT: usize = 20;

impl Report {
    pub fn new(folder: PathBuf) -> Self {
        Report {
            tallies: [Tally::default(); Kind::ALL.len()],
            slowest: None,
            panics: Vec::new(),
            broken: Vec::new(),
            folder,
        }
    }

    /// The reports of the threads as one; findings in the order of their rank.
    pub fn merge(reports: Vec<Report>) -> Report {
        let mut reports = reports.into_iter();
        let mut all = reports.next().unwrap_or_else(|| Report::new(PathBuf::new()));
        for report in reports {
            for (total, tally) in all.tallies.iter_mut().zip(report.tallies) {
                total.inputs += tally.inputs;
                total.accepted += tally.accepted;
                total.time += tally.time;
            }
            if report.slowest.as_ref().map(|s| s.0) > all.slowest.as_ref().map(|s| s.0) {
                all.slowest = report.slowest;
            }
            all.panics.extend(report.panics);
            all.broken.extend(report.broken);
        }
        all.panics.sort_by_key(|f| f.rank);
        all.broken.sort_by_key(|f| f.rank);
        all
    }

    pub fn inputs(&self) -> u64 {
        self.tallies.iter().map(|t| t.inputs).sum()
    }

    pub fn record(&mut self, rank: u64, input: &Input, accepted: bool, time: Duration) {
        let tally = &mut self.tallies[index(input.kind)];
        tally.inputs += 1;
        tally.accepted += u64::from(accepted);
        tally.time += time;
        if self.slowest.as_ref().is_none_or(|(slowest, ..)| time > *slowest) {
            let size = input.bytes.len();
            self.slowest = Some((time, rank, input.kind, size, preview(&input.bytes)));
        }
    }

    /// Notes a panic (`panicked`) or a broken promise, and writes the input beside the message.
    pub fn find(&mut self, rank: u64, input: &Input, what: String, panicked: bool) {
        let count = self.panics.len() + self.broken.len();
        let file = (count < FILES_KEPT).then(|| self.write(rank, input, &what, panicked));
        let finding = Finding { rank, kind: input.kind, what, file: file.flatten() };
        if panicked {
            self.panics.push(finding);
        } else {
            self.broken.push(finding);
        }
    }

    fn write(&self, rank: u64, input: &Input, what: &str, panicked: bool) -> Option<PathBuf> {
        std::fs::create_dir_all(&self.folder).ok()?;
        let label = if panicked { "panic" } else { "broken" };
        let path = self.folder.join(format!("{label}-{rank}-{}.input", input.kind.name()));
        std::fs::write(&path, &input.bytes).ok()?;
        std::fs::write(path.with_extension("txt"), what).ok()?;
        Some(path)
    }

    pub fn summary(&self, seed: u64, elapsed: Duration) -> String {
        let inputs = self.inputs();
        let seconds = elapsed.as_secs_f64();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "\n{:<13} {:>9} {:>9} {:>10} {:>9}",
            "kind", "inputs", "accepted", "time (s)", "µs/input"
        );
        for (kind, tally) in Kind::ALL.iter().zip(&self.tallies) {
            let per = tally.time.as_secs_f64() * 1e6 / tally.inputs.max(1) as f64;
            let _ = writeln!(
                out,
                "{:<13} {:>9} {:>9} {:>10.1} {:>9.0}",
                kind.name(),
                tally.inputs,
                tally.accepted,
                tally.time.as_secs_f64(),
                per
            );
        }
        if let Some((time, rank, kind, size, preview)) = &self.slowest {
            let _ = writeln!(
                out,
                "\nslowest input: #{rank} {}, {size} bytes, {:.1} ms: {preview}",
                kind.name(),
                time.as_secs_f64() * 1e3
            );
        }
        for (label, findings) in [("PANIC", &self.panics), ("BROKEN", &self.broken)] {
            for f in findings {
                let file = f.file.as_deref().map(Path::display);
                let file = file.map_or(String::new(), |p| format!(" (input in {p})"));
                let _ = writeln!(out, "{label} #{} {}: {}{file}", f.rank, f.kind.name(), f.what);
            }
        }
        let _ = writeln!(
            out,
            "\nfuzz: {inputs} inputs in {seconds:.1} s ({:.0} inputs/s), seed {seed}: {} panics, {} broken promises",
            inputs as f64 / seconds.max(1e-9),
            self.panics.len(),
            self.broken.len()
        );
        if !self.panics.is_empty() || !self.broken.is_empty() {
            let first = self.panics.first().or(self.broken.first()).map_or(0, |f| f.rank);
            let _ = writeln!(out, "replay one input: FUZZ_SEED={seed} FUZZ_RANK={first} make fuzz");
        }
        out
    }
}

fn index(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// The first 80 characters of an input, on one line (runs of spaces and line ends as one
/// space), with anything unprintable escaped.
pub fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = words.chars().flat_map(char::escape_debug).take(80).collect();
    if bytes.len() > 80 {
        out.push('…');
    }
    out
}
