//! Small pieces every capability's pages and routes share.

use serde::Deserialize;

use crate::platform::web::page::PageCtx;

/// A link with its text, as lists show them.
pub struct Link {
    pub href: String,
    pub label: String,
}

impl Link {
    pub fn new(ctx: &PageCtx, path: String, label: impl Into<String>) -> Link {
        Link { href: ctx.url(&path), label: label.into() }
    }
}

/// A path that names a record by its number, `/…/{id}`.
#[derive(Deserialize)]
pub struct IdPath {
    pub id: i64,
}
