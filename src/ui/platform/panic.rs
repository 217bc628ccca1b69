//! Panics. A panic must never leave a blank page: the release build aborts at once
//! (`panic=immediate-abort`, see scripts/wasm-env.sh), the WebAssembly trap reaches JavaScript
//! and `src/loader.js` puts up the French banner. Development builds also log the panic's
//! message to the console first, for the developer.

pub fn install() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}
