//! Which statement a participant sees next, and whether a new statement repeats an existing one. Pure functions.

use rand::Rng;

/// The next statement: among those not yet voted on, drawn with probability proportional to the engine's routing
/// priority (as Pol.is does), so that statements needing votes come first without every participant seeing the
/// same order. Statements whose priority is not positive are drawn only when no other is left.
pub fn next(candidates: &[(i64, f64)], rng: &mut impl Rng) -> Option<i64> {
    let weight = |p: f64| if p.is_finite() && p > 0.0 { p } else { 0.0 };
    let total: f64 = candidates.iter().map(|c| weight(c.1)).sum();
    if total <= 0.0 {
        return candidates.first().map(|c| c.0);
    }
    let mut point = rng.random_range(0.0..total);
    for &(id, priority) in candidates {
        point -= weight(priority);
        if point < 0.0 {
            return Some(id);
        }
    }
    candidates.iter().rev().find(|c| weight(c.1) > 0.0).map(|c| c.0)
}

pub use crate::platform::search::likeness;

/// From this likeness on, a new statement is pointed out as a near-duplicate.
pub const NEAR_DUPLICATE: f64 = 0.7;

/// The existing statement most like `text`, when it is a near-duplicate.
pub fn near_duplicate<'a>(text: &str, existing: impl IntoIterator<Item = (i64, &'a str)>) -> Option<i64> {
    existing
        .into_iter()
        .map(|(id, other)| (id, likeness(text, other)))
        .filter(|(_, l)| *l >= NEAR_DUPLICATE)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn routing_follows_priority_and_keeps_zero_priority_for_last() {
        let mut rng = rand::rngs::StdRng::seed_from_u64(7);
        let candidates = [(1, 9.0), (2, 1.0), (3, 0.0)];
        let mut seen = [0usize; 4];
        for _ in 0..10_000 {
            seen[next(&candidates, &mut rng).expect("a statement") as usize] += 1;
        }
        assert_eq!(seen[3], 0, "a statement without priority waits while others remain");
        assert!((8_700..9_300).contains(&seen[1]), "about nine in ten: {seen:?}");
        assert_eq!(next(&[(3, 0.0)], &mut rng), Some(3));
        assert_eq!(next(&[], &mut rng), None);
    }

    #[test]
    fn near_duplicates_are_found_across_synonyms_the_stemmer_cannot_see() {
        // «керек» and «қажет» both say "needed": the statement's other words carry the likeness.
        let existing = [(1, "Мәслихаттарда этностық топтарға квота қажет емес")];
        assert_eq!(near_duplicate("Мәслихаттарда этностық топтарға квота керек емес", existing), Some(1));
        assert_eq!(near_duplicate("Мектептерде спорт алаңдары керек", existing), None);
    }

    #[test]
    fn near_duplicates_are_found_across_inflection_and_alphabet() {
        let existing =
            [(1, "Мемлекеттік тілді үйрену барлығына тегін болуы керек"), (2, "Ауылдарда мәдениет үйлері жетіспейді")];
        assert_eq!(near_duplicate("Мемлекеттік тілді үйрену барлығы үшін тегін болуы керек!", existing), Some(1));
        assert_eq!(near_duplicate("Memlekettık tıldı üirenu barlyğyna tegın boluy kerek", existing), Some(1));
        assert_eq!(near_duplicate("Жастарға спорт алаңдары керек", existing), None);
    }
}
