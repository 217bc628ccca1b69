//! The browser's clock, the one source of `now` for the pure model.

use crate::model::Timestamp;

pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}
