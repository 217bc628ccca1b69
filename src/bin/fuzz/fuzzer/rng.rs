//! The fuzzer's random numbers: SplitMix64, a few lines, fast, and the same sequence for the
//! same seed on every machine, so that a run (and a failing input) can be replayed from the
//! seed it prints. Not for anything secret.

/// A seeded generator; each input gets its own, derived from the run's seed and its rank, so
/// that one input can be replayed without the ones before it.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The generator of the input of rank `rank` in the run of seed `seed`.
    pub fn for_input(seed: u64, rank: u64) -> Self {
        let mut mixer = Rng::new(seed ^ rank.wrapping_mul(0xA076_1D64_78BD_642F));
        Rng::new(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift: no division, a bias far below what fuzzing cares about.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A small number, most often 0 or 1, rarely up to `max`: sizes of lists and of edits.
    pub fn small(&mut self, max: usize) -> usize {
        let mut n = 0;
        while n < max && self.percent(45) {
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let a: Vec<u64> = (0..5).map(|r| Rng::for_input(7, r).next_u64()).collect();
        let b: Vec<u64> = (0..5).map(|r| Rng::for_input(7, r).next_u64()).collect();
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
        assert_ne!(Rng::for_input(8, 0).next_u64(), a[0]);
    }

    #[test]
    fn below_stays_below() {
        let mut rng = Rng::new(1);
        assert_eq!(rng.below(0), 0);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        let mut seen = [false; 7];
        (0..1000).for_each(|_| seen[rng.below(7)] = true);
        assert!(seen.iter().all(|s| *s));
    }
}
