//! Writes the ODT writer's sample document (every kind of block) to the path given, for the
//! test that has LibreOffice open it: `odt-sample <path.odt>`.
//!
//! Native only (an empty `main` in wasm32, so that checking every target for wasm32 works).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::io::Result<()> {
    use atelier_cls::exchange::odt::{odt_bytes, sample::sample_document};
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage : odt-sample <fichier.odt>");
        std::process::exit(2);
    };
    std::fs::write(path, odt_bytes(&sample_document())?)
}

#[cfg(target_arch = "wasm32")]
fn main() {}
