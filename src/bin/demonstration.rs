//! Signs the demonstration file with the app's own functions (`exchange::demonstration::signed`)
//! and writes it back in place: `cargo run --bin demonstration`, from the repository's root,
//! after changing the demonstration or the model. A test fails until the file is what this
//! makes.
//!
//! Native only (an empty `main` for wasm32, so that checking every target still works).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use atelier_cls::exchange::demonstration::signed::{signed_file, FILE};
    let text = std::fs::read_to_string(FILE).expect("run from the repository's root");
    let signed = signed_file(&text);
    if signed == text {
        println!("{FILE} is up to date");
    } else {
        std::fs::write(FILE, signed).expect("the file can be written");
        println!("{FILE} written");
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
