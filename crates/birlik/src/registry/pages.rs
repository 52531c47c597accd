//! The public registry pages: home, regions, ethnic groups, associations, bodies, search, open data.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use serde::Deserialize;

use crate::platform::i18n::{Lang, Localized};
use crate::platform::search::{Hit, KINDS};
use crate::platform::web::page::render;
use crate::platform::web::sections::{BodyView, Section};
use crate::platform::web::{AppError, IdPath, Link, PageCtx};
use crate::platform::{Platform, notify};
use crate::registry::model::{Association, Body, BodyKind, EthnicGroup, Membership, Region};
use crate::registry::store::{self, AssociationFilter, Figures, MembershipFilter};
use crate::registry::{authz, group_choices, reference, region_choices, sorted_groups, sorted_regions};

type Page = Result<Html<String>, AppError>;

/// A member as lists show him: name, position, term, and the association he represents.
pub struct MemberRow {
    pub id: i64,
    pub person: Link,
    /// The language of the person's name when it is not the page's (`lang` attribute), else empty.
    pub person_lang: &'static str,
    pub position: String,
    pub term: String,
    pub body: Option<Link>,
    pub association: Option<Link>,
}

async fn member_rows(
    state: &Platform,
    ctx: &PageCtx,
    members: &[Membership],
    with_body: bool,
) -> Result<Vec<MemberRow>, AppError> {
    let bodies: HashMap<i64, Body> = if with_body {
        store::bodies(&state.db, true).await?.into_iter().map(|b| (b.id, b)).collect()
    } else {
        HashMap::new()
    };
    let mut ids: Vec<i64> = members.iter().filter_map(|m| m.association_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let associations: HashMap<i64, Association> =
        store::associations_by_ids(&state.db, &ids).await?.into_iter().map(|a| (a.id, a)).collect();
    Ok(members
        .iter()
        .map(|m| MemberRow {
            id: m.id,
            person: Link::new(ctx, format!("/persons/{}", m.person_id), m.person_name.clone()),
            person_lang: ctx.name_lang(&m.person_name),
            position: m.position_label(ctx.lang),
            term: match &m.term_end {
                Some(end) => format!("{} – {}", ctx.lang.date(&m.term_start), ctx.lang.date(end)),
                None => format!("{} –", ctx.lang.date(&m.term_start)),
            },
            body: bodies.get(&m.body_id).map(|b| Link::new(ctx, format!("/bodies/{}", b.id), b.name(ctx.lang))),
            association: m
                .association_id
                .and_then(|id| associations.get(&id))
                .map(|a| Link::new(ctx, format!("/associations/{}", a.id), a.name(ctx.lang))),
        })
        .collect())
}

// ---- home -----------------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/home.html")]
struct HomePage {
    ctx: PageCtx,
    figures: Figures,
    /// What people can do now, from each capability that registered a part of the home page.
    now: Vec<crate::platform::web::sections::Featured>,
}

pub async fn home(State(state): State<Platform>, ctx: PageCtx) -> Page {
    let figures = store::figures(&state.db).await?;
    let now = state.home_sections.of(&state, &ctx).await?;
    render(&HomePage { ctx, figures, now })
}

/// A name as a heading: its first letter capital (Kazakh and Russian names of peoples are written in lower case,
/// «армяндар», «армяне», within a sentence).
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---- regions --------------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/regions.html")]
struct RegionsPage {
    ctx: PageCtx,
    regions: Vec<(Link, String, String)>,
}

pub async fn regions(ctx: PageCtx) -> Page {
    let regions = sorted_regions(ctx.lang)
        .into_iter()
        .map(|r| {
            let centre = match ctx.lang {
                Lang::Kk => r.centre_kk.clone(),
                Lang::Ru => r.centre_ru.clone(),
                Lang::En => r.centre_en.clone(),
            };
            (
                Link::new(&ctx, format!("/regions/{}", r.code), r.name(ctx.lang)),
                r.code.clone(),
                centre.unwrap_or_default(),
            )
        })
        .collect();
    render(&RegionsPage { ctx, regions })
}

#[derive(Template)]
#[template(path = "registry/templates/region.html")]
struct RegionPage {
    ctx: PageCtx,
    region: Region,
    name: String,
    assembly: Option<Link>,
    councils: Vec<(Link, String)>,
    associations: Vec<Link>,
    /// Every association of the region, though the list shows at most [`AREA_LIST_LIMIT`].
    associations_total: i64,
    /// The filtered directory, when the list is cut.
    see_all: Option<String>,
    groups: Vec<Link>,
    members: Vec<MemberRow>,
}

pub async fn region(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<CodePath>) -> Page {
    let region = reference::region(&p.code).cloned().ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let bodies: Vec<Body> = store::bodies(&state.db, false)
        .await?
        .into_iter()
        .filter(|b| b.region_code.as_deref() == Some(&region.code))
        .collect();
    let assembly_body = bodies.iter().find(|b| b.kind == BodyKind::RegionalAssembly);
    let assembly = assembly_body.map(|b| Link::new(&ctx, format!("/bodies/{}", b.id), b.name(lang)));
    let councils = bodies
        .iter()
        .filter(|b| b.kind != BodyKind::RegionalAssembly)
        .map(|b| (Link::new(&ctx, format!("/bodies/{}", b.id), b.name(lang)), b.kind_label(lang)))
        .collect();
    let filter =
        AssociationFilter { region: Some(region.code.clone()), per_page: Some(AREA_LIST_LIMIT), ..Default::default() };
    let (associations, associations_total) = store::associations(&state.db, &filter, lang).await?;
    let see_all = see_all(&ctx, associations.len(), associations_total, "region", &region.code);
    let associations: Vec<Link> =
        associations.iter().map(|a| Link::new(&ctx, format!("/associations/{}", a.id), a.name(lang))).collect();
    let in_region = store::groups_in_region(&state.db, &region.code).await?;
    let groups = sorted_groups(lang)
        .into_iter()
        .filter(|g| in_region.contains(&g.slug))
        .map(|g| Link::new(&ctx, format!("/ethnic-groups/{}", g.slug), g.name(lang)))
        .collect();
    let members = match assembly_body {
        Some(b) => {
            let filter = MembershipFilter { body: Some(b.id), per_page: Some(500), ..Default::default() };
            member_rows(&state, &ctx, &store::memberships(&state.db, &filter).await?.0, false).await?
        }
        None => Vec::new(),
    };
    let name = region.name(lang).to_owned();
    render(&RegionPage {
        ctx,
        region,
        name,
        assembly,
        councils,
        associations,
        associations_total,
        see_all,
        groups,
        members,
    })
}

/// The most associations a region's or a group's page lists; the directory shows the rest.
const AREA_LIST_LIMIT: i64 = 200;

/// The associations directory filtered by `key=value`, when a list shows `shown` of `total` associations.
fn see_all(ctx: &PageCtx, shown: usize, total: i64, key: &str, value: &str) -> Option<String> {
    (i64::try_from(shown).unwrap_or(i64::MAX) < total)
        .then(|| format!("{}?{key}={}", ctx.url("/associations"), crate::platform::web::url_encode(value)))
}

#[derive(Deserialize)]
pub struct CodePath {
    code: String,
}

#[derive(Deserialize)]
pub struct SlugPath {
    slug: String,
}

// ---- ethnic groups --------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/groups.html")]
struct GroupsPage {
    ctx: PageCtx,
    by_population: bool,
    groups: Vec<(Link, String)>,
}

#[derive(Deserialize)]
pub struct GroupsQuery {
    sort: Option<String>,
}

pub async fn groups(ctx: PageCtx, Query(q): Query<GroupsQuery>) -> Page {
    let by_population = q.sort.as_deref() == Some("population");
    let mut groups = sorted_groups(ctx.lang);
    if by_population {
        // Known figures first, largest first; the rest keep alphabetical order (the sort is stable).
        groups.sort_by_key(|g| std::cmp::Reverse(g.population().unwrap_or(-1)));
    }
    let groups = groups
        .iter()
        .map(|g| {
            let population = g.population().map(|n| ctx.num(&n)).unwrap_or_else(|| ctx.t("population-unverified"));
            (Link::new(&ctx, format!("/ethnic-groups/{}", g.slug), g.name(ctx.lang)), population)
        })
        .collect();
    render(&GroupsPage { ctx, by_population, groups })
}

#[derive(Template)]
#[template(path = "registry/templates/group.html")]
struct GroupPage {
    ctx: PageCtx,
    name: String,
    group: EthnicGroup,
    associations: Vec<(Link, String)>,
    /// Every association representing the group, though the list shows at most [`AREA_LIST_LIMIT`].
    associations_total: i64,
    /// The filtered directory, when the list is cut.
    see_all: Option<String>,
}

pub async fn group(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<SlugPath>) -> Page {
    let group = reference::ethnic_group(&p.slug).cloned().ok_or(AppError::NotFound)?;
    let filter =
        AssociationFilter { group: Some(group.slug.clone()), per_page: Some(AREA_LIST_LIMIT), ..Default::default() };
    let (associations, associations_total) = store::associations(&state.db, &filter, ctx.lang).await?;
    let see_all = see_all(&ctx, associations.len(), associations_total, "group", &group.slug);
    let associations = associations
        .iter()
        .map(|a| {
            let place = match &a.region_code {
                Some(code) => reference::region(code).map(|r| r.name(ctx.lang).to_owned()).unwrap_or_default(),
                None => ctx.t("level-republican"),
            };
            (Link::new(&ctx, format!("/associations/{}", a.id), a.name(ctx.lang)), place)
        })
        .collect();
    let name = capitalized(group.name(ctx.lang));
    render(&GroupPage { ctx, name, group, associations, associations_total, see_all })
}

// ---- associations ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/associations.html")]
struct AssociationsPage {
    ctx: PageCtx,
    rows: Vec<(Link, String, String)>,
    total: i64,
    page: i64,
    pages: i64,
    filter: AssociationFilter,
    regions: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    can_create: bool,
}

impl AssociationsPage {
    fn page_url(&self, page: i64) -> String {
        let mut query = vec![format!("page={page}")];
        for (key, value) in
            [("region", &self.filter.region), ("group", &self.filter.group), ("level", &self.filter.level)]
        {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                query.push(format!("{key}={}", crate::platform::web::url_encode(v)));
            }
        }
        format!("{}?{}", self.ctx.url("/associations"), query.join("&"))
    }

    fn selected(&self, field: &str, value: &str) -> bool {
        let current = match field {
            "region" => &self.filter.region,
            "group" => &self.filter.group,
            _ => &self.filter.level,
        };
        current.as_deref() == Some(value)
    }
}

pub async fn associations(
    State(state): State<Platform>,
    ctx: PageCtx,
    Query(filter): Query<AssociationFilter>,
) -> Page {
    let filter = AssociationFilter { include_archived: false, ..filter };
    let (rows, total) = store::associations(&state.db, &filter, ctx.lang).await?;
    let all_regions = sorted_regions(ctx.lang);
    let names: HashMap<&str, &str> = all_regions.iter().map(|r| (r.code.as_str(), r.name(ctx.lang))).collect();
    let rows = rows
        .iter()
        .map(|a| {
            let place = a.region_code.as_deref().and_then(|c| names.get(c)).map(|s| s.to_string()).unwrap_or_default();
            let level = ctx.t(&format!("level-{}", a.level));
            (Link::new(&ctx, format!("/associations/{}", a.id), a.name(ctx.lang)), place, level)
        })
        .collect();
    let regions = region_choices(ctx.lang);
    let groups = group_choices(ctx.lang);
    let can_create = match &ctx.user {
        Some(user) => authz::may_register_associations(&state.db, user).await?,
        None => false,
    };
    let pages = ((total + filter.per_page() - 1) / filter.per_page()).max(1);
    let page = filter.page();
    render(&AssociationsPage { ctx, rows, total, page, pages, filter, regions, groups, can_create })
}

#[derive(Template)]
#[template(path = "registry/templates/association.html")]
struct AssociationPage {
    ctx: PageCtx,
    association: Association,
    name: String,
    region: Option<Link>,
    groups: Vec<Link>,
    members: Vec<MemberRow>,
    can_edit: bool,
}

pub async fn association(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<IdPath>) -> Page {
    let association = store::association(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let region = match &association.region_code {
        Some(code) => reference::region(code).map(|r| Link::new(&ctx, format!("/regions/{code}"), r.name(lang))),
        None => None,
    };
    let groups = sorted_groups(lang)
        .into_iter()
        .filter(|g| association.groups.contains(&g.slug))
        .map(|g| Link::new(&ctx, format!("/ethnic-groups/{}", g.slug), g.name(lang)))
        .collect();
    let filter = MembershipFilter { association: Some(association.id), per_page: Some(500), ..Default::default() };
    let members = member_rows(&state, &ctx, &store::memberships(&state.db, &filter).await?.0, true).await?;
    let can_edit = match &ctx.user {
        Some(user) => authz::edit_association(&state.db, user, &association).await.is_ok(),
        None => false,
    };
    let name = association.name(lang).to_owned();
    render(&AssociationPage { ctx, association, name, region, groups, members, can_edit })
}

// ---- bodies ---------------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/bodies.html")]
struct BodiesPage {
    ctx: PageCtx,
    /// Bodies in tree order with their depth.
    tree: Vec<(usize, Link, String)>,
    can_create: bool,
}

/// Orders bodies as a tree: each body followed by the bodies under it, siblings by id.
pub fn tree_order(bodies: &[Body]) -> Vec<(usize, &Body)> {
    let mut children: HashMap<Option<i64>, Vec<&Body>> = HashMap::new();
    let ids: std::collections::HashSet<i64> = bodies.iter().map(|b| b.id).collect();
    for b in bodies {
        // A body whose parent is archived shows at the top level rather than vanishing.
        let parent = b.parent_id.filter(|p| ids.contains(p));
        children.entry(parent).or_default().push(b);
    }
    let mut out = Vec::with_capacity(bodies.len());
    let mut stack: Vec<(usize, &Body)> =
        children.get(&None).map(|v| v.iter().rev().map(|b| (0, *b)).collect()).unwrap_or_default();
    while let Some((depth, body)) = stack.pop() {
        out.push((depth, body));
        if let Some(kids) = children.get(&Some(body.id)) {
            stack.extend(kids.iter().rev().map(|b| (depth + 1, *b)));
        }
    }
    out
}

pub async fn bodies(State(state): State<Platform>, ctx: PageCtx) -> Page {
    let all = store::bodies(&state.db, false).await?;
    let tree = tree_order(&all)
        .into_iter()
        .map(|(depth, b)| {
            (depth, Link::new(&ctx, format!("/bodies/{}", b.id), b.name(ctx.lang)), b.kind_label(ctx.lang))
        })
        .collect();
    let can_create = ctx.is_admin();
    render(&BodiesPage { ctx, tree, can_create })
}

#[derive(Template)]
#[template(path = "registry/templates/body.html")]
struct BodyPage {
    ctx: PageCtx,
    body: Body,
    name: String,
    kind: String,
    parent: Option<Link>,
    region: Option<Link>,
    children: Vec<(Link, String)>,
    members: Vec<MemberRow>,
    can_edit: bool,
    /// What other capabilities keep of the body (its consultations, …), through their hooks.
    sections: Vec<Section>,
    documents: crate::platform::files::Attached,
    /// The reader follows the body (its notices come to his inbox).
    following: bool,
}

pub async fn body(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<IdPath>) -> Page {
    let body = store::body(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let lang = ctx.lang;
    let all = store::bodies(&state.db, false).await?;
    let parent = body
        .parent_id
        .and_then(|id| all.iter().find(|b| b.id == id))
        .map(|b| Link::new(&ctx, format!("/bodies/{}", b.id), b.name(lang)));
    let children = all
        .iter()
        .filter(|b| b.parent_id == Some(body.id))
        .map(|b| (Link::new(&ctx, format!("/bodies/{}", b.id), b.name(lang)), b.kind_label(lang)))
        .collect();
    let region = match &body.region_code {
        Some(code) => reference::region(code).map(|r| Link::new(&ctx, format!("/regions/{code}"), r.name(lang))),
        None => None,
    };
    let filter = MembershipFilter { body: Some(body.id), per_page: Some(500), ..Default::default() };
    let members = member_rows(&state, &ctx, &store::memberships(&state.db, &filter).await?.0, false).await?;
    let can_edit = match &ctx.user {
        Some(user) => body.archived_at.is_none() && authz::manage_body(&state.db, user, body.id).await.is_ok(),
        None => false,
    };
    let view = BodyView { id: body.id, ctx: &ctx, manages: can_edit };
    let sections = state.body_sections.of(&state, &view).await?;
    let documents = crate::platform::files::attached(
        &state,
        crate::platform::files::ItemKind::Body,
        body.id,
        ctx.user.as_ref().filter(|_| body.archived_at.is_none()),
        lang,
    )
    .await?;
    let name = body.name(lang).to_owned();
    let kind = body.kind_label(lang);
    let following = notify::pages::following(&state, &ctx, super::body_scope(body.id)).await?;
    render(&BodyPage {
        ctx,
        body,
        name,
        kind,
        parent,
        region,
        children,
        members,
        can_edit,
        sections,
        documents,
        following,
    })
}

// ---- persons --------------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/person.html")]
struct PersonPage {
    ctx: PageCtx,
    name: String,
    name_lang: &'static str,
    members: Vec<MemberRow>,
}

/// A person's seats in the bodies of the Assembly. Nothing else about a person is kept or shown.
pub async fn person(State(state): State<Platform>, ctx: PageCtx, Path(p): Path<IdPath>) -> Page {
    let name = store::person_name(&state.db, p.id).await?.ok_or(AppError::NotFound)?;
    let filter = MembershipFilter { person: Some(p.id), per_page: Some(500), ..Default::default() };
    let members = member_rows(&state, &ctx, &store::memberships(&state.db, &filter).await?.0, true).await?;
    let name_lang = ctx.name_lang(&name);
    render(&PersonPage { ctx, name, name_lang, members })
}

// ---- search and open data -------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "registry/templates/search.html")]
struct SearchPage {
    ctx: PageCtx,
    q: String,
    /// The type searched for, or empty for every type.
    kind: String,
    /// The types to choose from: (type, its name).
    kinds: Vec<(&'static str, String)>,
    /// The results by type, in the order of [`KINDS`]: (type, its name, its results, more are found).
    groups: Vec<ResultGroup>,
    total: usize,
    /// When nothing is found: things spelled closely, with their type's name.
    close: Vec<(Link, String)>,
}

struct ResultGroup {
    kind: &'static str,
    title: String,
    hits: Vec<Link>,
    /// More of this type than shown: a link to them alone.
    more: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// What to look for, in any of kk, ru, en.
    #[serde(default)]
    pub q: String,
    /// Only things of this type: `region`, `group`, `body`, `association`, `person`, `consultation`,
    /// `statement` or `meeting` (any other value, or none, finds every type).
    #[serde(default, rename = "type")]
    pub kind: String,
}

impl SearchQuery {
    /// The type asked for, if it is one search knows.
    pub fn kind(&self) -> Option<&'static str> {
        KINDS.into_iter().find(|k| *k == self.kind.trim())
    }
}

/// Search queries longer than this are cut: no name is longer, and it bounds the work.
pub const MAX_QUERY: usize = 200;

/// How many results a search returns, and how many of one type a page shows before "more".
const LIMIT: usize = 100;
const PER_GROUP: usize = 10;

pub fn run_search(state: &Platform, q: &str, lang: Lang, kind: Option<&str>) -> Result<Vec<Hit>, AppError> {
    let q: String = q.chars().filter(|c| !c.is_control()).take(MAX_QUERY).collect();
    Ok(state.search.search(&q, lang, LIMIT, kind)?)
}

pub async fn search(State(state): State<Platform>, ctx: PageCtx, Query(query): Query<SearchQuery>) -> Page {
    let kind = query.kind();
    let hits = run_search(&state, &query.q, ctx.lang, kind)?;
    let total = hits.len();
    let per_group = if kind.is_some() { LIMIT } else { PER_GROUP };
    let groups = KINDS
        .into_iter()
        .filter_map(|k| {
            let of_kind: Vec<&Hit> = hits.iter().filter(|h| h.kind == k).collect();
            (!of_kind.is_empty()).then(|| ResultGroup {
                kind: k,
                title: format!("{} ({})", ctx.t(&format!("search-type-{k}")), ctx.num(&(of_kind.len() as i64))),
                hits: of_kind.iter().take(per_group).map(|h| Link::new(&ctx, h.path.clone(), h.name.clone())).collect(),
                more: (of_kind.len() > per_group).then(|| {
                    format!("{}?q={}&type={k}", ctx.url("/search"), crate::platform::web::url_encode(&query.q))
                }),
            })
        })
        .collect();
    let kinds = KINDS.into_iter().map(|k| (k, ctx.t(&format!("search-type-{k}")))).collect();
    // Nothing found: things spelled closely, in any language and either Kazakh script.
    let close = if total == 0 && !query.q.trim().is_empty() {
        let q: String = query.q.chars().filter(|c| !c.is_control()).take(MAX_QUERY).collect();
        state
            .search
            .close_matches(&q, ctx.lang, PER_GROUP, kind)?
            .into_iter()
            .map(|h| (Link::new(&ctx, h.path.clone(), h.name), ctx.t(&format!("kind-{}", h.kind))))
            .collect()
    } else {
        Vec::new()
    };
    render(&SearchPage { kinds, kind: kind.unwrap_or_default().to_owned(), q: query.q, groups, total, close, ctx })
}

#[derive(Template)]
#[template(path = "registry/templates/open_data.html")]
struct OpenDataPage {
    ctx: PageCtx,
    /// The registry's tables, then those other capabilities offer.
    tables: Vec<&'static str>,
}

pub async fn open_data(State(state): State<Platform>, ctx: PageCtx) -> Page {
    let mut tables = crate::registry::export::TABLES.to_vec();
    tables.extend(state.open_data.table_names());
    render(&OpenDataPage { ctx, tables })
}
