//! A [`Document`] drawn as HTML: the same blocks the ODT writer turns into a file, so the page
//! read on the wall and the file the partners receive say the same thing.
//!
//! The document's own headings start at `<h2>`: the screen's title is its `<h1>`. Texts get
//! French spacing as in the ODT (a narrow no-break space before « ? », so « Pourquoi ? » never
//! breaks before its question mark).

use crate::document::chart_lines::status_class;
use crate::document::{Block, Cell, CellKind, Document, ParagraphKind, Signatory, Table};
use crate::model::french::french_spacing;
use leptos::prelude::*;

#[component]
pub fn DocumentBody(document: Document) -> impl IntoView {
    let mut tables = 0;
    let blocks = document.blocks.into_iter().map(|block| {
        if matches!(block, Block::Table(_)) {
            tables += 1;
        }
        render(block, tables)
    });
    view! { <div class="document">{blocks.collect_view()}</div> }
}

fn render(block: Block, tables: usize) -> AnyView {
    match block {
        Block::Heading { level, text } => heading(level, spaced(text)),
        Block::Paragraph { text, kind } => {
            view! { <p class=paragraph_class(kind)>{spaced(text)}</p> }.into_any()
        }
        Block::List(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{spaced(i)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Table(table) => table_view(table, tables),
        Block::StatusChart(chart) => {
            // The picture is named by its description; its own texts are not read twice.
            let svg = crate::exchange::odt::chart_svg(&chart);
            view! { <div class="document__chart" role="img" aria-label=chart.description inner_html=svg></div> }.into_any()
        }
        Block::PageBreak => {
            view! { <div class="document__page-break" aria-hidden="true"></div> }.into_any()
        }
        Block::Signatures(list) => signatures(list),
    }
}

/// A text with French spacing.
fn spaced(text: String) -> String {
    french_spacing(&text).into_owned()
}

/// Level 1 is `<h2>`; levels past 3 stay `<h4>`.
fn heading(level: u8, text: String) -> AnyView {
    match level {
        0 | 1 => view! { <h2>{text}</h2> }.into_any(),
        2 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

fn paragraph_class(kind: ParagraphKind) -> &'static str {
    match kind {
        ParagraphKind::Body => "",
        ParagraphKind::Cover => "document__cover",
        ParagraphKind::Notice => "document__notice",
    }
}

/// A table in a focusable scrolling region on screen (wide tables stay readable on a phone),
/// its header repeated on each printed page.
fn table_view(table: Table, rank: usize) -> AnyView {
    let Table { caption, header, rows } = table;
    let region = format!("Tableau {rank} : {caption}");
    view! {
        <div class="table-scroll" role="region" aria-label=region tabindex="0">
            <table class="document__table">
                <caption>{spaced(caption)}</caption>
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{spaced(h)}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|row| view! { <tr>{row.into_iter().enumerate().map(|(rank, c)| cell(c, rank)).collect_view()}</tr> }).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A cell at `rank` in its row: a total row's figures (after its label) are aligned right.
fn cell(cell: Cell, rank: usize) -> AnyView {
    let text = spaced(cell.text);
    match cell.kind {
        CellKind::Text => view! { <td>{text}</td> }.into_any(),
        CellKind::Number => view! { <td class="number">{text}</td> }.into_any(),
        CellKind::Total if rank > 0 => view! { <td class="total number">{text}</td> }.into_any(),
        CellKind::Total => view! { <td class="total">{text}</td> }.into_any(),
        CellKind::Status(status) => {
            let class = format!("status-cell {}", status_class(status));
            view! { <td class=class>{text}</td> }.into_any()
        }
    }
}

fn signatures(list: Vec<Signatory>) -> AnyView {
    view! {
        <ul class="signatures">
            {list.into_iter().map(|s| view! {
                <li class="signature">
                    <p class="signature__party">{s.heading()}</p>
                    {s.lines().into_iter().map(|line| view! {
                        <p class="signature__signer">{spaced(line.to_string())}</p>
                    }).collect_view()}
                    <p class="signature__space">"Signature :"</p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
