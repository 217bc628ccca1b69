//! A panic must never leave a blank page: the hook logs the panic to the console and puts a
//! French banner at the top of the page, built with plain DOM calls because the reactive
//! system may be what failed.

use std::panic::PanicHookInfo;

pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show_banner();
    }));
}

const MESSAGE: &str = "Atelier CLS a rencontré une erreur inattendue et s’est arrêté. Les données déjà \
    enregistrées dans ce navigateur sont intactes. Rechargez la page pour reprendre ; si l’erreur revient, \
    exportez vos contrats depuis l’écran Échanges et signalez le problème.";

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(banner) = document.create_element("div") else { return };
    banner.set_class_name("banner banner--error crash-banner");
    let _ = banner.set_attribute("role", "alert");
    if let Ok(text) = document.create_element("p") {
        text.set_text_content(Some(MESSAGE));
        let _ = banner.append_child(&text);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some("Recharger la page"));
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("onclick", "location.reload()");
        let _ = banner.append_child(&button);
    }
    let _ = body.prepend_with_node_1(&banner);
}
