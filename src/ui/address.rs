//! A screen's view kept in the address (the planning's filters, « Suivi »'s year, part and
//! page...), so that a reload or a link sent to a partner shows the same view: the view read
//! from the query as a memo, and a new one written by replacing the history entry, so that
//! Back leaves the screen instead of undoing choices one by one.
//!
//! How an address is written (`address`) is pure and tested natively; reading and navigating
//! need the router.

/// `path` with the query of `pairs` (« /suivi/?annee=2025&partie=budget »), each value encoded
/// as `encodeURIComponent` does; `path` alone when there are none.
pub fn address(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query: Vec<String> =
        pairs.iter().map(|(key, value)| format!("{key}={}", encode_component(value))).collect();
    format!("{path}?{}", query.join("&"))
}

/// A value as `encodeURIComponent` writes it: every byte of its UTF-8 as `%XX`, but for letters,
/// digits and `-_.!~*'()`.
fn encode_component(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(target_arch = "wasm32")]
pub use router::{replacing_navigation, AddressView};

#[cfg(target_arch = "wasm32")]
mod router {
    use leptos::prelude::*;
    use leptos_router::hooks::{use_navigate, use_query_map};
    use leptos_router::params::ParamsMap;
    use leptos_router::NavigateOptions;

    /// Navigates to an address in place of the current history entry, without scrolling. Made
    /// where the router's context is (a component's body).
    pub fn replacing_navigation() -> Callback<String> {
        let navigate = use_navigate();
        Callback::new(move |path: String| {
            navigate(&path, NavigateOptions { replace: true, scroll: false, ..Default::default() })
        })
    }

    /// The view a screen keeps in its address, and how to write another.
    pub struct AddressView<V: Send + Sync + 'static> {
        /// What the address says, read by the screen's `read`.
        pub view: Memo<V>,
        go: Callback<String>,
    }

    impl<V: Send + Sync + 'static> Clone for AddressView<V> {
        fn clone(&self) -> Self {
            *self
        }
    }

    impl<V: Send + Sync + 'static> Copy for AddressView<V> {}

    impl<V: Clone + PartialEq + Send + Sync + 'static> AddressView<V> {
        /// Reads the view from the query with `read`; made in a component's body.
        pub fn new(read: impl Fn(&ParamsMap) -> V + Send + Sync + 'static) -> Self {
            let query = use_query_map();
            let view = Memo::new(move |_| query.with(&read));
            AddressView { view, go: replacing_navigation() }
        }

        /// Shows `address` in place of the current history entry.
        pub fn replace(&self, address: String) {
            self.go.run(address);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_names_only_what_it_is_given() {
        assert_eq!(address("/suivi/", &[]), "/suivi/");
        assert_eq!(
            address("/suivi/", &[("annee", "2025".into()), ("partie", "budget".into())]),
            "/suivi/?annee=2025&partie=budget"
        );
    }

    #[test]
    fn values_are_encoded_as_encode_uri_component_does() {
        let pairs = [("q", "Santé mentale & co/2 ?=#+".to_string())];
        assert_eq!(
            address("/planning/", &pairs),
            "/planning/?q=Sant%C3%A9%20mentale%20%26%20co%2F2%20%3F%3D%23%2B"
        );
        assert_eq!(encode_component("a-z_A.Z!~*'()09"), "a-z_A.Z!~*'()09");
        assert_eq!(encode_component("l’été\u{202f}"), "l%E2%80%99%C3%A9t%C3%A9%E2%80%AF");
    }
}
