//! The browser's clock, the one source of `now` for the pure model.

use crate::model::Timestamp;

pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}

/// The current year, by the browser's local time.
pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// The current month (1-12), by the browser's local time.
pub fn this_month() -> u32 {
    js_sys::Date::new_0().get_month() + 1
}
