//! Prints the JSON Schema of the exchange file, as committed in `schema/cls.schema.json`:
//! `cargo run --bin schema > schema/cls.schema.json` after any change to the model.
//!
//! Native only: the schema generator is not compiled into the wasm app (an empty `main` there,
//! so that checking every target of the package for wasm32 still works).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    print!("{}", atelier_cls::exchange::schema::exchange_schema_file());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
