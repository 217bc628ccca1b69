//! Entry point of the browser app: install the French panic banner, then mount.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        atelier_cls::ui::panic::install();
        atelier_cls::ui::mount();
    }
}
