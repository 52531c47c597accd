//! A tile map of Kazakhstan's 20 regions: each region one square in roughly its place (cities of republican
//! significance as smaller squares beside their region), coloured by a value. Hand-written SVG (no chart library
//! does tile maps; see ARCHITECTURE.md). A picture never carries information alone: every page that shows one
//! puts a table of the same figures beside it.

use std::fmt::Write;

/// (region code, column, row) of each tile.
const TILES: [(&str, u8, u8); 20] = [
    ("KZ-27", 0, 1),
    ("KZ-23", 0, 2),
    ("KZ-47", 0, 3),
    ("KZ-15", 1, 1),
    ("KZ-43", 1, 3),
    ("KZ-39", 2, 0),
    ("KZ-62", 2, 2),
    ("KZ-61", 2, 3),
    ("KZ-79", 2, 4),
    ("KZ-59", 3, 0),
    ("KZ-11", 3, 1),
    ("KZ-35", 3, 2),
    ("KZ-31", 3, 3),
    ("KZ-55", 4, 0),
    ("KZ-71", 4, 1),
    ("KZ-19", 4, 3),
    ("KZ-75", 4, 4),
    ("KZ-10", 5, 1),
    ("KZ-33", 5, 2),
    ("KZ-63", 6, 1),
];

const CITIES: [&str; 3] = ["KZ-71", "KZ-75", "KZ-79"];
const SIZE: u32 = 86;
const GAP: u32 = 4;

/// One region's tile: its name in the reader's language, its shade (0 = none … 4 = most) and the figure written
/// in it. The caller gives every region (the registry knows their names; the platform does not).
#[derive(Clone, Debug)]
pub struct Tile {
    pub region_code: String,
    pub name: String,
    pub shade: u8,
    pub figure: String,
}

/// A region's short label: the first word of its name longer than two letters, cut to fit a tile.
fn label(name: &str) -> String {
    let word = name.split_whitespace().find(|w| w.chars().count() > 2).unwrap_or(name);
    if word.chars().count() > 9 { format!("{}.", word.chars().take(8).collect::<String>()) } else { word.to_owned() }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The map as an SVG document, titled `title` (its accessible name); tiles without a value are blank.
pub fn svg(title: &str, tiles: &[Tile]) -> String {
    let (width, height) = (7 * (SIZE + GAP), 5 * (SIZE + GAP));
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="map-title" class="tilemap"><title id="map-title">{}</title>"#,
        escape(title)
    );
    for (code, col, row) in TILES {
        let Some(tile) = tiles.iter().find(|t| t.region_code == code) else { continue };
        let shade = tile.shade.min(4);
        let inset = if CITIES.contains(&code) { 14 } else { 0 };
        let (x, y) = (u32::from(col) * (SIZE + GAP) + inset, u32::from(row) * (SIZE + GAP) + inset);
        let side = SIZE - 2 * inset;
        let figure = tile.figure.as_str();
        let _ = write!(
            out,
            r#"<g class="tile shade-{shade}"><title>{}{}</title><rect x="{x}" y="{y}" width="{side}" height="{side}" rx="6"/><text x="{}" y="{}" class="tile-label">{}</text><text x="{}" y="{}" class="tile-figure">{}</text></g>"#,
            escape(&tile.name),
            if figure.is_empty() { String::new() } else { format!(": {}", escape(figure)) },
            x + side / 2,
            y + side / 2 - 6,
            escape(&label(&tile.name)),
            x + side / 2,
            y + side / 2 + 16,
            escape(figure),
        );
    }
    out.push_str("</svg>");
    out
}

/// The shade of `value` on a scale up to `max`: 0 for nothing, else 1 to 4.
pub fn shade(value: f64, max: f64) -> u8 {
    if value <= 0.0 || max <= 0.0 {
        return 0;
    }
    let step = (value / max * 4.0).ceil();
    if step >= 4.0 {
        4
    } else if step <= 1.0 {
        1
    } else {
        step as u8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_one_tile_in_its_own_place() {
        let mut places: Vec<(u8, u8)> = TILES.iter().map(|t| (t.1, t.2)).collect();
        places.sort_unstable();
        places.dedup();
        assert_eq!(places.len(), 20);
        let mut codes: Vec<&str> = TILES.iter().map(|t| t.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 20, "one tile per ISO 3166-2:KZ code");
    }

    #[test]
    fn names_are_escaped_and_shades_bounded() {
        let tiles = [Tile { region_code: "KZ-75".into(), name: "Алматы".into(), shade: 9, figure: "<3>".into() }];
        let svg = svg("a \"map\" & <more>", &tiles);
        assert!(svg.contains("&lt;3&gt;") && !svg.contains("<3>"));
        assert!(svg.contains("shade-4"));
        assert_eq!(shade(0.0, 10.0), 0);
        assert_eq!(shade(0.1, 10.0), 1);
        assert_eq!(shade(10.0, 10.0), 4);
        assert_eq!(shade(5.0, 10.0), 2);
    }
}
