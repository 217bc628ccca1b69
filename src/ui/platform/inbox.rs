//! The inbox of exchange files: whatever way a file arrives (the picker, a paste, or a drop
//! anywhere on the page), it is checked at once and waits here until the user applies it or
//! puts it away. The Échanges screen shows what is in it.

use crate::exchange::import::{
    too_big, Checked, CheckedBackup, CheckedFile, ImportProblem, MAX_FILE_BYTES,
};
use crate::ui::parts;
use crate::ui::screen::Screen;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

/// A file that arrived, after the checks.
#[derive(Clone, Debug, PartialEq)]
pub enum Received {
    Refused {
        name: String,
        problems: Vec<ImportProblem>,
    },
    Accepted {
        name: String,
        checked: Box<Checked>,
    },
    /// A backup of every contract of a browser (« Télécharger une sauvegarde »).
    Backup {
        name: String,
        checked: Box<CheckedBackup>,
    },
}

#[derive(Clone, Copy)]
pub struct Inbox(pub RwSignal<Option<Received>>);

impl Inbox {
    pub fn provide() {
        provide_context(Inbox(RwSignal::new(None)));
    }

    pub fn get() -> Self {
        expect_context::<Inbox>()
    }

    /// Checks the bytes of a file and puts the verdict in the inbox. The checks are in the
    /// « Échanges » part (`ui/parts.rs`): if it cannot be fetched, the file is refused with why.
    pub fn receive(self, name: String, bytes: Vec<u8>) {
        leptos::task::spawn_local(async move {
            let received = match parts::check_file(bytes).await {
                Ok(Ok(CheckedFile::Contract(checked))) => Received::Accepted { name, checked },
                Ok(Ok(CheckedFile::Backup(checked))) => {
                    Received::Backup { name, checked: Box::new(checked) }
                }
                Ok(Err(problems)) => Received::Refused { name, problems },
                Err(_) => Received::Refused { name, problems: vec![checks_unavailable()] },
            };
            // The app may have gone meanwhile (a page left): nothing to show then.
            let _ = self.0.try_set(Some(received));
        });
    }

    /// Reads a file chosen or dropped by the user, then checks it. Files over the size limit
    /// are refused before being read into memory.
    pub fn receive_file(self, file: web_sys::File) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            self.0.set(Some(Received::Refused {
                name,
                problems: vec![too_big(file.size() as usize)],
            }));
            return;
        }
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => self.receive(name, js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => self.0.set(Some(Received::Refused {
                    name,
                    problems: vec![ImportProblem {
                        location: "fichier".into(),
                        message: "Le navigateur n’a pas pu lire ce fichier : réessayez, ou choisissez-le avec le bouton.".into(),
                    }],
                })),
            }
        });
    }

    pub fn clear(self) {
        self.0.set(None);
    }
}

/// Answers of the yearly collection (spreadsheets) that arrived and wait to be read by
/// « Collecte » (`ui::screens::follow_up::collection`), whose code reads them: the drop only
/// keeps their bytes, so that the first visit never carries the spreadsheet readers.
#[derive(Clone, Copy)]
pub struct AnswerInbox(pub RwSignal<Vec<(String, Vec<u8>)>>);

impl AnswerInbox {
    pub fn provide() {
        provide_context(AnswerInbox(RwSignal::new(Vec::new())));
    }

    pub fn get() -> Self {
        expect_context::<AnswerInbox>()
    }

    /// Reads `file` and keeps it for « Collecte »; a file over the limit is kept empty, so that
    /// its refusal names it.
    pub fn receive_file(self, file: web_sys::File) {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            self.0.update(|files| files.push((name, Vec::new())));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => Vec::new(),
            };
            let _ = self.0.try_update(|files| files.push((name, bytes)));
        });
    }

    /// Every file waiting, taken out of the inbox.
    pub fn take(self) -> Vec<(String, Vec<u8>)> {
        self.0.try_update(std::mem::take).unwrap_or_default()
    }
}

/// Whether a file's name says it is a spreadsheet (an answer to the collection) rather than an
/// exchange file: `.xlsx`, `.ods`, `.csv` and their kin, the old `.xls` (refused with why).
pub fn is_spreadsheet_name(name: &str) -> bool {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    matches!(extension.as_deref(), Some("xlsx" | "xlsm" | "ods" | "csv" | "tsv" | "xls"))
}

/// Hands each file to where it is read: spreadsheets (leads' answers) to `answers`, for
/// « Collecte »; the first other file to the exchange `inbox` (its preview shows one at a time).
/// Says which kind came, so that the caller opens the screen that shows it.
pub fn sort_files(files: Vec<web_sys::File>, inbox: Inbox, answers: AnswerInbox) -> Arrived {
    let (sheets, others): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|f| is_spreadsheet_name(&f.name()));
    if let Some(file) = others.into_iter().next() {
        inbox.receive_file(file);
        return Arrived::Exchange;
    }
    let any = !sheets.is_empty();
    sheets.into_iter().for_each(|file| answers.receive_file(file));
    if any {
        Arrived::Answers
    } else {
        Arrived::Nothing
    }
}

/// What `sort_files` received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrived {
    Exchange,
    Answers,
    Nothing,
}

/// The files of a drop or of a picker, in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The file's checks could not be fetched (offline before the « Échanges » part was kept).
fn checks_unavailable() -> ImportProblem {
    ImportProblem {
        location: "fichier".into(),
        message: "Les vérifications des fichiers n’ont pas pu être chargées : la connexion semble \
                  coupée. Réessayez une fois la connexion revenue ; vos données sont intactes."
            .into(),
    }
}

/// « Collecte » in « Suivi », where dropped answers are read.
const COLLECTION_PATH: &str = "/suivi/?partie=collecte";

/// Lets files be dropped anywhere on the page: while a file is dragged over the window a
/// banner says where it will go; once dropped, an exchange file is checked and « Échanges »
/// opens, spreadsheets (leads' answers) wait for « Collecte », which opens.
#[component]
pub fn DropAnywhere() -> impl IntoView {
    let inbox = Inbox::get();
    let navigate = use_navigate();
    let dragging = RwSignal::new(false);
    let carries_files = |e: &web_sys::DragEvent| {
        e.data_transfer().is_some_and(|t| {
            t.types().iter().any(|kind| kind.as_string().as_deref() == Some("Files"))
        })
    };
    let over = window_event_listener(ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            dragging.set(true);
        }
    });
    let left = window_event_listener(ev::dragleave, move |e| {
        // Leaving for another element of the page also fires: only leaving the window counts.
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let answers = AnswerInbox::get();
    let dropped = window_event_listener(ev::drop, move |e| {
        dragging.set(false);
        let files = files_of(e.data_transfer().and_then(|t| t.files()));
        if files.is_empty() {
            return;
        }
        e.prevent_default();
        match sort_files(files, inbox, answers) {
            Arrived::Exchange => navigate(&Screen::Exchanges.path(), Default::default()),
            Arrived::Answers => navigate(COLLECTION_PATH, Default::default()),
            Arrived::Nothing => {}
        }
    });
    on_cleanup(move || {
        over.remove();
        left.remove();
        dropped.remove();
    });
    view! {
        <Show when=move || dragging.get()>
            <div class="drop-banner" aria-hidden="true">"Déposez le fichier pour l’importer (un fichier d’échange, ou les tableaux des pilotes)"</div>
        </Show>
    }
}

/// The file of an `<input type="file">` change event, if one was chosen.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0);
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    file
}
