//! What other capabilities show on a body's page. The registry owns the page; each capability that keeps items
//! of a body (consultations, meetings, proposals…) registers one [`SectionOf`] at start-up (`app::state`), so
//! the registry never imports them: the body page asks every registered hook, in order, and shows what they give.

use std::future::Future;
use std::pin::Pin;

use crate::platform::Platform;
use crate::platform::web::{AppError, Link, PageCtx};

/// A body's page, as a hook sees it.
pub struct BodyView<'a> {
    pub id: i64,
    pub ctx: &'a PageCtx,
    /// The reader acts for the body (its secretariat, or one above it) and the body is not archived.
    pub manages: bool,
}

/// One capability's part of a body's page: a heading, its items, and (for whoever manages the body) actions.
pub struct Section {
    pub title: String,
    pub items: Vec<Link>,
    /// Links to forms, each with an `id` for the page's anchors and tests.
    pub actions: Vec<(Link, &'static str)>,
}

impl Section {
    fn is_empty(&self) -> bool {
        self.items.is_empty() && self.actions.is_empty()
    }
}

pub type Shown<'a> = Pin<Box<dyn Future<Output = Result<Option<Section>, AppError>> + Send + 'a>>;
/// A capability's hook: its section of this body's page, or `None` when it has nothing to show.
pub type SectionOf = for<'a> fn(&'a Platform, &'a BodyView<'a>) -> Shown<'a>;

/// The hooks, in the order their sections appear.
#[derive(Clone, Default)]
pub struct BodySections(Vec<SectionOf>);

impl BodySections {
    pub fn with(mut self, hook: SectionOf) -> BodySections {
        self.0.push(hook);
        self
    }

    /// Every non-empty section of the body's page.
    pub async fn of(&self, platform: &Platform, view: &BodyView<'_>) -> Result<Vec<Section>, AppError> {
        let mut sections = Vec::new();
        for hook in &self.0 {
            if let Some(section) = hook(platform, view).await?.filter(|s| !s.is_empty()) {
                sections.push(section);
            }
        }
        Ok(sections)
    }
}

/// One thing a reader can do now, as the home page lists it: the item, a line about it, the action's words.
pub struct Feature {
    pub link: Link,
    /// The item's text is in this language (a fallback when the reader's is missing).
    pub lang: String,
    pub meta: String,
    pub action: String,
}

/// One capability's part of the home page: what people can do there now (open consultations, later sessions
/// and proposals), with a link to all of them and what to say when there is nothing now.
pub struct Featured {
    pub id: &'static str,
    pub title: String,
    pub items: Vec<Feature>,
    pub all: Link,
    pub none: String,
}

pub type FeaturedNow<'a> = Pin<Box<dyn Future<Output = Result<Option<Featured>, AppError>> + Send + 'a>>;
/// A capability's hook for the home page.
pub type FeatureOf = for<'a> fn(&'a Platform, &'a PageCtx) -> FeaturedNow<'a>;

/// The home page's hooks, in the order their parts appear, registered at start-up (`app::state`) so that the
/// registry, which owns the home page, imports none of them.
#[derive(Clone, Default)]
pub struct HomeSections(Vec<FeatureOf>);

impl HomeSections {
    pub fn with(mut self, hook: FeatureOf) -> HomeSections {
        self.0.push(hook);
        self
    }

    /// Every part the hooks give.
    pub async fn of(&self, platform: &Platform, ctx: &PageCtx) -> Result<Vec<Featured>, AppError> {
        let mut parts = Vec::new();
        for hook in &self.0 {
            if let Some(part) = hook(platform, ctx).await? {
                parts.push(part);
            }
        }
        Ok(parts)
    }
}
