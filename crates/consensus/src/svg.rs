//! The opinion map as SVG: participants drawn only as density on a coarse grid (a cell is drawn only when
//! at least `min_cell` participants fall in its 3 × 3 neighbourhood, so no lone participant shows), groups
//! outlined by their 2σ covariance ellipse (an aggregate, not anyone's position; drawn only for groups of at
//! least `min_cell` members), every text escaped.

use std::fmt::Write;

use crate::polis::PolisResult;

/// Settings of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// Side of the image in pixels.
    pub size: f64,
    /// Cells per side.
    pub cells: usize,
    /// Least participants in a cell's 3 × 3 neighbourhood for the cell to be drawn.
    pub min_cell: u32,
    /// Draw the English caption "N participants in the analysis, K groups" under the map; an application that
    /// writes its own caption in the reader's language turns it off.
    pub caption: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self { size: 480.0, cells: 40, min_cell: 5, caption: true }
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

const COLOURS: [&str; 5] = ["#1b6ca8", "#d1495b", "#2e933c", "#8f5bb5", "#e08e0b"];

/// Renders the opinion map of a result. `title` and `group_names` are escaped.
pub fn opinion_map(r: &PolisResult, title: &str, group_names: &[String], o: &SvgOptions) -> String {
    let pts: Vec<([f64; 2], Option<u32>)> =
        r.projection.iter().zip(&r.group_of).filter_map(|(p, g)| p.map(|p| (p, *g))).collect();
    let mut s = String::new();
    let size = o.size;
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {h}" width="{size}" height="{h}" role="img"><title>{t}</title><rect width="100%" height="100%" fill="#ffffff"/>"##,
        h = size + 40.0,
        t = escape(title)
    );
    if pts.is_empty() {
        s.push_str("</svg>");
        return s;
    }
    // Bounds: the 1st–99th percentiles, so that no outlier sets (and so reveals) the frame.
    let bound = |k: usize| {
        let mut v: Vec<f64> = pts.iter().map(|p| p.0[k]).collect();
        v.sort_by(f64::total_cmp);
        let lo = v[(v.len() as f64 * 0.01) as usize];
        let hi = v[((v.len() as f64 * 0.99) as usize).min(v.len() - 1)];
        let pad = ((hi - lo) * 0.1).max(1e-9);
        (lo - pad, hi + pad)
    };
    let (bx, by) = (bound(0), bound(1));
    let n = o.cells;
    let cell = size / n as f64;
    let to_px = |p: [f64; 2]| [(p[0] - bx.0) / (bx.1 - bx.0) * size, size - (p[1] - by.0) / (by.1 - by.0) * size];
    let mut grid = vec![0u32; n * n];
    for (p, _) in &pts {
        let q = to_px(*p);
        let (cx, cy) = ((q[0] / cell).floor(), (q[1] / cell).floor());
        if cx >= 0.0 && cy >= 0.0 && (cx as usize) < n && (cy as usize) < n {
            grid[cy as usize * n + cx as usize] += 1;
        }
    }
    let hood = |x: usize, y: usize| {
        let mut t = 0;
        for dy in -1i64..=1 {
            for dx in -1i64..=1 {
                let (a, b) = (x as i64 + dx, y as i64 + dy);
                if a >= 0 && b >= 0 && (a as usize) < n && (b as usize) < n {
                    t += grid[b as usize * n + a as usize];
                }
            }
        }
        t
    };
    let max = (0..n * n).map(|c| hood(c % n, c / n)).max().unwrap_or(1).max(1) as f64;
    s.push_str(r##"<g fill="#333333">"##);
    for y in 0..n {
        for x in 0..n {
            let h = hood(x, y);
            if h >= o.min_cell {
                let _ = write!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{c:.1}" height="{c:.1}" fill-opacity="{:.3}"/>"#,
                    x as f64 * cell,
                    y as f64 * cell,
                    0.08 + 0.6 * (h as f64 / max).sqrt(),
                    c = cell
                );
            }
        }
    }
    s.push_str("</g>");
    // Group outlines: mean ± 2σ ellipse of the members.
    for g in &r.groups {
        let members: Vec<[f64; 2]> = pts.iter().filter(|p| p.1 == Some(g.id)).map(|p| to_px(p.0)).collect();
        // An ellipse of very few members would come close to showing where they are.
        if members.len() < o.min_cell.max(2) as usize {
            continue;
        }
        let nm = members.len() as f64;
        let mx = members.iter().map(|p| p[0]).sum::<f64>() / nm;
        let my = members.iter().map(|p| p[1]).sum::<f64>() / nm;
        let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
        for p in &members {
            sxx += (p[0] - mx).powi(2) / nm;
            syy += (p[1] - my).powi(2) / nm;
            sxy += (p[0] - mx) * (p[1] - my) / nm;
        }
        let tr = sxx + syy;
        let det = sxx * syy - sxy * sxy;
        let disc = (tr * tr / 4.0 - det).max(0.0).sqrt();
        let (l1, l2) = (tr / 2.0 + disc, (tr / 2.0 - disc).max(0.0));
        let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy) * 180.0 / std::f64::consts::PI;
        let colour = COLOURS[g.id as usize % COLOURS.len()];
        let name = group_names.get(g.id as usize).cloned().unwrap_or_else(|| format!("Group {}", g.id + 1));
        let _ = write!(
            s,
            r#"<ellipse cx="{mx:.1}" cy="{my:.1}" rx="{:.1}" ry="{:.1}" transform="rotate({angle:.1} {mx:.1} {my:.1})" fill="none" stroke="{colour}" stroke-width="2.5"/><text x="{mx:.1}" y="{my:.1}" fill="{colour}" font-family="sans-serif" font-size="14" text-anchor="middle">{} ({})</text>"#,
            2.0 * l1.sqrt(),
            2.0 * l2.sqrt(),
            escape(&name),
            g.size
        );
    }
    if o.caption {
        let _ = write!(
            s,
            r##"<text x="8" y="{:.0}" font-family="sans-serif" font-size="12" fill="#555555">{} participants in the analysis, {} groups</text>"##,
            size + 26.0,
            pts.len(),
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
}
