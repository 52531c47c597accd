//! The opinion map as SVG. No participant is ever drawn: each group is drawn as the density of its members on a
//! grid, softened, and every drawn cell stands for at least `min_cell` of them. Members in a cell with fewer are
//! merged into the cell's parent (a quadtree up to a quarter of the map, further only while nothing is drawn),
//! and those still left over join the group's nearest drawn cell, so a sparse group shows as a wide, pale area instead of an empty outline, and
//! nobody is dropped. Labels are drawn last, on a halo, so that no cell covers them. [`places`] gives where each
//! group lies in numbers, from which an application writes the map's text alternative in the reader's language.
//! Every text is escaped.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use crate::polis::PolisResult;

/// Settings of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// Side of the image in pixels.
    pub size: f64,
    /// Finest cells per side (rounded up to a power of two, for the merging quadtree).
    pub cells: usize,
    /// Least members of a group a drawn cell stands for; a group with fewer members is not drawn at all.
    pub min_cell: u32,
    /// Draw the English caption "N participants in the analysis, K groups" under the map; an application that
    /// writes its own caption in the reader's language turns it off.
    pub caption: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self { size: 480.0, cells: 16, min_cell: 5, caption: true }
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

const COLOURS: [&str; 5] = ["#1b6ca8", "#d1495b", "#2e933c", "#8f5bb5", "#b36b00"];

/// Where a group lies on the map, for words: its centre and spread as shares of the map's side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupPlace {
    /// The group's id.
    pub group: u32,
    /// Its members.
    pub size: u32,
    /// Where it is drawn; `None` when it has fewer than `min_cell` members and is not drawn at all.
    pub at: Option<Place>,
}

/// A drawn group's centre (0 at the left and the bottom, 1 at the right and the top) and its spread (the root
/// mean square distance of its members from the centre).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub x: f64,
    pub y: f64,
    pub spread: f64,
}

/// The map's frame: the 1st–99th percentiles of the positions with a margin, so that no outlier sets (and so
/// reveals) it. Positions outside are drawn on its edge, not dropped.
struct Frame {
    x: (f64, f64),
    y: (f64, f64),
}

impl Frame {
    fn of(pts: &[([f64; 2], Option<u32>)]) -> Frame {
        let bound = |k: usize| {
            let mut v: Vec<f64> = pts.iter().map(|p| p.0[k]).collect();
            v.sort_by(f64::total_cmp);
            let at = |share: f64| v.get(((v.len() as f64 * share) as usize).min(v.len().saturating_sub(1))).copied();
            let (lo, hi) = (at(0.01).unwrap_or(0.0), at(0.99).unwrap_or(0.0));
            let pad = ((hi - lo) * 0.1).max(1e-9);
            (lo - pad, hi + pad)
        };
        Frame { x: bound(0), y: bound(1) }
    }

    /// A position in the unit square (y up), clamped to it.
    fn unit(&self, p: [f64; 2]) -> [f64; 2] {
        [
            ((p[0] - self.x.0) / (self.x.1 - self.x.0)).clamp(0.0, 1.0),
            ((p[1] - self.y.0) / (self.y.1 - self.y.0)).clamp(0.0, 1.0),
        ]
    }
}

/// The members of each group in the unit square, by group id (positions of participants in no group are left out).
fn members(r: &PolisResult) -> Vec<(u32, u32, Vec<[f64; 2]>)> {
    let pts: Vec<([f64; 2], Option<u32>)> =
        r.projection.iter().zip(&r.group_of).filter_map(|(p, g)| p.map(|p| (p, *g))).collect();
    if pts.is_empty() {
        return r.groups.iter().map(|g| (g.id, g.size, Vec::new())).collect();
    }
    let frame = Frame::of(&pts);
    r.groups
        .iter()
        .map(|g| {
            let mine = pts.iter().filter(|p| p.1 == Some(g.id)).map(|p| frame.unit(p.0)).collect();
            (g.id, g.size, mine)
        })
        .collect()
}

/// Where each group lies; a group of fewer than `min_cell` members has no place (it is not drawn).
pub fn places(r: &PolisResult, o: &SvgOptions) -> Vec<GroupPlace> {
    members(r).into_iter().map(|(group, size, pts)| GroupPlace { group, size, at: place(&pts, o.min_cell) }).collect()
}

fn place(pts: &[[f64; 2]], min: u32) -> Option<Place> {
    if pts.is_empty() || pts.len() < min as usize {
        return None;
    }
    let n = pts.len() as f64;
    let (x, y) = (pts.iter().map(|p| p[0]).sum::<f64>() / n, pts.iter().map(|p| p[1]).sum::<f64>() / n);
    let spread = (pts.iter().map(|p| (p[0] - x).powi(2) + (p[1] - y).powi(2)).sum::<f64>() / n).sqrt();
    Some(Place { x, y, spread })
}

/// A drawn cell: `side` cells per side at its level, its column and row (row 0 at the bottom), the members it
/// stands for.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    side: usize,
    x: usize,
    y: usize,
    n: u32,
}

/// Members not yet drawn in one cell of a level, and the sum of their positions.
#[derive(Clone, Copy, Default)]
struct Pending {
    n: u32,
    sum: [f64; 2],
}

/// Cells per side of the coarsest level merging stops at once a cell is drawn.
const COARSEST: usize = 4;

/// The cells drawn for one group: each stands for at least `min` members; fewer are merged upwards (to a quarter
/// of the map, or further while nothing is drawn), and the remainder into the nearest drawn cell. Empty when the
/// group has fewer than `min` members.
fn density(pts: &[[f64; 2]], cells: usize, min: u32) -> Vec<Cell> {
    let min = min.max(1);
    let mut side = cells.max(1).next_power_of_two();
    let mut level = vec![Pending::default(); side * side];
    for p in pts {
        let at = |v: f64| ((v * side as f64) as usize).min(side - 1);
        if let Some(c) = level.get_mut(at(p[1]) * side + at(p[0])) {
            c.n += 1;
            c.sum = [c.sum[0] + p[0], c.sum[1] + p[1]];
        }
    }
    let mut drawn = Vec::new();
    loop {
        for (i, c) in level.iter_mut().enumerate() {
            if c.n >= min {
                drawn.push(Cell { side, x: i % side, y: i / side, n: c.n });
                *c = Pending::default();
            }
        }
        // Merging stops at a quarter of the map once something is drawn: what is left joins the nearest drawn
        // cell rather than spreading a pale square over half the map.
        if side == 1 || (side <= COARSEST && !drawn.is_empty()) {
            break;
        }
        let half = side / 2;
        let mut up = vec![Pending::default(); half * half];
        for (i, c) in level.iter().enumerate() {
            if let Some(u) = up.get_mut((i / side / 2) * half + (i % side) / 2) {
                u.n += c.n;
                u.sum = [u.sum[0] + c.sum[0], u.sum[1] + c.sum[1]];
            }
        }
        level = up;
        side = half;
    }
    for rest in level.iter().filter(|c| c.n > 0) {
        let at = [rest.sum[0] / f64::from(rest.n), rest.sum[1] / f64::from(rest.n)];
        let distance = |c: &Cell| {
            let w = 1.0 / c.side as f64;
            ((c.x as f64 + 0.5) * w - at[0]).powi(2) + ((c.y as f64 + 0.5) * w - at[1]).powi(2)
        };
        if let Some(nearest) = drawn.iter_mut().min_by(|a, b| distance(a).total_cmp(&distance(b))) {
            nearest.n += rest.n;
        }
    }
    drawn
}

/// A label's box in pixels: left, top, width, height.
type LabelBox = [f64; 4];

fn overlaps(a: &LabelBox, b: &LabelBox) -> bool {
    a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]
}

/// Places a label of `chars` characters centred near `(cx, cy)`, moving it up or down until it covers no label
/// placed before and stays inside the map.
fn place_label(placed: &[LabelBox], cx: f64, cy: f64, chars: usize, size: f64) -> LabelBox {
    let (w, h) = (chars as f64 * 12.0 + 8.0, 26.0);
    let left = (cx - w / 2.0).clamp(2.0, (size - w - 2.0).max(2.0));
    let top = |dy: f64| (cy - h / 2.0 + dy).clamp(2.0, size - h - 2.0);
    let candidates = (0..24).map(|i| if i % 2 == 0 { f64::from(i / 2) * h } else { -f64::from(i / 2 + 1) * h });
    let mut first = None;
    for dy in candidates {
        let b = [left, top(dy), w, h];
        first.get_or_insert(b);
        if !placed.iter().any(|p| overlaps(p, &b)) {
            return b;
        }
    }
    first.unwrap_or([left, top(0.0), w, h])
}

/// Renders the opinion map of a result. `title` and `group_names` (by group id) are escaped.
pub fn opinion_map(r: &PolisResult, title: &str, group_names: &[String], o: &SvgOptions) -> String {
    let size = o.size;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {h}" width="{size}" height="{h}" role="img"><title>{t}</title><rect width="100%" height="100%" fill="#ffffff"/>"##,
        h = size + 40.0,
        t = escape(title)
    );
    // The cells are softened into a density: their edges say nothing the cells do not.
    let _ = write!(
        s,
        r#"<defs><filter id="opinion-map-soft" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="{:.1}"/></filter></defs>"#,
        size / o.cells.max(1).next_power_of_two() as f64 * 0.3
    );
    let groups = members(r);
    let mut labels = Vec::new();
    for (group, group_size, pts) in &groups {
        let cells = density(pts, o.cells, o.min_cell);
        let Some(at) = place(pts, o.min_cell).filter(|_| !cells.is_empty()) else { continue };
        let colour = COLOURS.get(*group as usize % COLOURS.len()).copied().unwrap_or("#333333");
        // Shade by members per unit of area, against the group's densest cell: a sparse group is as visible
        // as a tight one, only paler where it thins out.
        let finest = o.cells.max(1).next_power_of_two() as f64;
        let per_area = |c: &Cell| f64::from(c.n) / (finest / c.side as f64).powi(2);
        let densest = cells.iter().map(per_area).fold(f64::MIN_POSITIVE, f64::max);
        let _ = write!(s, r#"<g fill="{colour}" filter="url(#opinion-map-soft)" data-group="{group}">"#);
        // Coarse (merged) cells first, so the denser fine cells lie on top of them.
        let mut ordered: Vec<&Cell> = cells.iter().collect();
        ordered.sort_by_key(|c| c.side);
        for c in ordered {
            let w = size / c.side as f64;
            let _ = write!(
                s,
                r#"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{w:.1}" rx="{:.1}" fill-opacity="{:.3}" data-n="{}"/>"#,
                c.x as f64 * w,
                size - (c.y as f64 + 1.0) * w,
                (w / 4.0).min(6.0),
                0.12 + 0.58 * (per_area(c) / densest).sqrt(),
                c.n
            );
        }
        s.push_str("</g>");
        let name = group_names.get(*group as usize).cloned().unwrap_or_else(|| format!("Group {}", group + 1));
        labels.push((format!("{name} ({group_size})"), colour, at));
    }
    // Labels last: nothing drawn after them can cover them, and they avoid each other.
    let mut placed: Vec<LabelBox> = Vec::new();
    for (text, colour, at) in labels {
        let b = place_label(&placed, at.x * size, size - at.y * size, text.chars().count(), size);
        placed.push(b);
        let _ = write!(
            s,
            r##"<text class="map-label" x="{:.1}" y="{:.1}" fill="{colour}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke" font-family="sans-serif" font-size="20" font-weight="bold" text-anchor="middle">{}</text>"##,
            b[0] + b[2] / 2.0,
            b[1] + 19.0,
            escape(&text)
        );
    }
    if o.caption {
        let grouped = groups.iter().map(|g| g.2.len()).sum::<usize>();
        let _ = write!(
            s,
            r##"<text x="8" y="{:.0}" font-family="sans-serif" font-size="12" fill="#555555">{} participants in the analysis, {} groups</text>"##,
            size + 26.0,
            grouped,
            r.groups.len()
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }

    /// Points on a regular lattice over the whole square: no finest cell holds two of them.
    fn scattered(n: usize) -> Vec<[f64; 2]> {
        let side = (n as f64).sqrt().ceil() as usize;
        (0..n).map(|i| [((i % side) as f64 + 0.5) / side as f64, ((i / side) as f64 + 0.5) / side as f64]).collect()
    }

    #[test]
    fn a_sparse_group_is_drawn_whole_in_cells_of_at_least_k() {
        let pts = scattered(43);
        let cells = density(&pts, 32, 5);
        assert!(!cells.is_empty());
        assert_eq!(cells.iter().map(|c| c.n).sum::<u32>(), 43, "every member is in a drawn cell");
        assert!(cells.iter().all(|c| c.n >= 5), "{cells:?}");
    }

    #[test]
    fn a_group_below_k_is_not_drawn_and_a_tight_group_stays_fine() {
        assert!(density(&scattered(4), 32, 5).is_empty());
        let tight = vec![[0.3, 0.3]; 12];
        assert_eq!(density(&tight, 32, 5), vec![Cell { side: 32, x: 9, y: 9, n: 12 }]);
        // Two members apart from the tight twelve join their cell instead of vanishing.
        let mut near = tight.clone();
        near.extend([[0.9, 0.9], [0.95, 0.1]]);
        let cells = density(&near, 32, 5);
        assert_eq!(cells, vec![Cell { side: 32, x: 9, y: 9, n: 14 }]);
    }

    #[test]
    fn labels_avoid_each_other() {
        let mut placed = Vec::new();
        for _ in 0..4 {
            let b = place_label(&placed, 240.0, 240.0, 6, 480.0);
            assert!(!placed.iter().any(|p| overlaps(p, &b)));
            placed.push(b);
        }
    }
}
