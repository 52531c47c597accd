//! Page numbers and sizes from query strings. Missing means the first page of the list's default size; a value
//! out of range is brought back into range rather than refused: asking for a list is never an error.

const LAST_PAGE: i64 = 1_000_000;

/// The page asked for, from 1.
pub fn page(requested: Option<i64>) -> i64 {
    requested.unwrap_or(1).clamp(1, LAST_PAGE)
}

/// Rows per page, `default` when not asked, at most `max`.
pub fn per_page(requested: Option<i64>, default: i64, max: i64) -> i64 {
    requested.unwrap_or(default).clamp(1, max)
}

/// The rows to skip before a page.
pub fn offset(page: i64, per_page: i64) -> i64 {
    (page - 1) * per_page
}

#[cfg(test)]
mod tests {
    #[test]
    fn pages_are_brought_into_range() {
        assert_eq!(super::page(None), 1);
        assert_eq!(super::page(Some(-5)), 1);
        assert_eq!(super::page(Some(i64::MAX)), 1_000_000);
        assert_eq!(super::per_page(None, 25, 200), 25);
        assert_eq!(super::per_page(Some(0), 25, 200), 1);
        assert_eq!(super::per_page(Some(10_000), 25, 200), 200);
        assert_eq!(super::offset(3, 25), 50);
    }
}
