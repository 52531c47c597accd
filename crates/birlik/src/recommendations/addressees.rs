//! The state bodies and parties recommendations go to, and their liaisons. Shipped as reference data
//! (`reference/addressees.csv`, sources and what is unverified in its NOTE) and added by code at every start, never
//! overwriting what an admin edited; a liaison account belongs to one addressee.

use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::json;

use super::model::{Addressee, AddresseeKind};
use crate::audit;
use crate::platform::audit::Change;
use crate::platform::db::{Db, now};
use crate::{with_read, with_write};

const CSV: &str = include_str!("../../reference/addressees.csv");

#[derive(Clone, Debug, Deserialize)]
pub struct Shipped {
    pub code: String,
    pub kind: AddresseeKind,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub website: Option<String>,
    pub source: Option<String>,
}

static SHIPPED: LazyLock<Vec<Shipped>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    // Compiled in and checked by a test: a row that does not read is left out rather than panicking.
    reader.deserialize().filter_map(Result::ok).collect()
});

pub fn shipped() -> &'static [Shipped] {
    &SHIPPED
}

fn blank(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Adds the shipped addressees the database lacks (by code); those present keep what admins made of them.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        for a in shipped() {
            sqlx::query(
                "INSERT INTO addressees (code, kind, region_code, name_kk, name_ru, name_en, website, source,
                     created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (code) DO NOTHING",
            )
            .bind(&a.code).bind(a.kind).bind(blank(&a.region_code)).bind(&a.name_kk).bind(&a.name_ru)
            .bind(&a.name_en).bind(blank(&a.website)).bind(blank(&a.source)).bind(&at)
            .execute(&mut *tx).await?;
        }
        tx.commit().await?;
    });
    Ok(())
}

const SELECT: &str = "SELECT id, code, kind, region_code, name_kk, name_ru, name_en, website, source, archived_at \
    FROM addressees";

/// Every addressee (archived ones too when asked), ministries first, then akimats, parties, others; by id within.
pub async fn all(db: &Db, archived: bool) -> sqlx::Result<Vec<Addressee>> {
    let sql = format!(
        "{SELECT} WHERE ($1 OR archived_at IS NULL)
         ORDER BY CASE kind WHEN 'ministry' THEN 0 WHEN 'akimat' THEN 1 WHEN 'party' THEN 2 ELSE 3 END, id"
    );
    with_read!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(archived).fetch_all(pool).await)
}

pub async fn get(db: &Db, id: i64) -> sqlx::Result<Option<Addressee>> {
    let sql = format!("{SELECT} WHERE id = $1");
    with_read!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await)
}

pub async fn by_code(db: &Db, code: &str) -> sqlx::Result<Option<Addressee>> {
    let sql = format!("{SELECT} WHERE code = $1");
    with_read!(db, pool => sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(code).fetch_optional(pool).await)
}

/// An admin's correction of an addressee's names and site, or its archiving (a body abolished or renamed).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Edit {
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub website: Option<String>,
    pub archived: bool,
}

pub async fn update(db: &Db, actor: i64, before: &Addressee, edit: &Edit) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "UPDATE addressees SET name_kk = $1, name_ru = $2, name_en = $3, website = $4,
                 archived_at = CASE WHEN $5 THEN COALESCE(archived_at, $6) ELSE NULL END, updated_at = $6
             WHERE id = $7",
        )
        .bind(&edit.name_kk).bind(&edit.name_ru).bind(&edit.name_en).bind(&edit.website).bind(edit.archived)
        .bind(&at).bind(before.id)
        .execute(&mut *tx).await?;
        audit!(tx, &Change { actor: Some(actor), action: "update", entity: "addressee", entity_id: before.id.to_string(),
            before: Some(json!(before)), after: Some(json!(edit)), at: &at })?;
        tx.commit().await?;
    });
    crate::platform::change::committed(&[super::LIST]);
    Ok(())
}

/// The addressee a login is the liaison of.
pub async fn liaison_of(db: &Db, user: i64) -> sqlx::Result<Option<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT addressee_id FROM liaisons WHERE user_id = $1").bind(user).fetch_optional(pool).await
    })
}

/// The liaisons' logins of an addressee.
pub async fn liaisons(db: &Db, addressee: i64) -> sqlx::Result<Vec<i64>> {
    with_read!(db, pool => {
        sqlx::query_scalar("SELECT user_id FROM liaisons WHERE addressee_id = $1 ORDER BY user_id")
            .bind(addressee).fetch_all(pool).await
    })
}

/// Makes `user` a liaison of `addressee` (a login belongs to one addressee: this moves it), or of none.
pub async fn set_liaison(db: &Db, actor: Option<i64>, user: i64, addressee: Option<i64>) -> sqlx::Result<()> {
    let at = now();
    with_write!(db, pool => {
        let mut tx = pool.begin().await?;
        let before: Option<i64> = sqlx::query_scalar("SELECT addressee_id FROM liaisons WHERE user_id = $1")
            .bind(user).fetch_optional(&mut *tx).await?;
        sqlx::query("DELETE FROM liaisons WHERE user_id = $1").bind(user).execute(&mut *tx).await?;
        if let Some(addressee) = addressee {
            sqlx::query("INSERT INTO liaisons (user_id, addressee_id, assigned_at) VALUES ($1, $2, $3)")
                .bind(user).bind(addressee).bind(&at).execute(&mut *tx).await?;
        }
        audit!(tx, &Change { actor, action: "liaison", entity: "user", entity_id: user.to_string(),
            before: Some(json!({ "addressee_id": before })), after: Some(json!({ "addressee_id": addressee })), at: &at })?;
        tx.commit().await?;
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_shipped_row_reads_with_a_unique_code_and_an_akimat_per_region() {
        let rows = super::CSV.lines().skip(1).filter(|l| !l.trim().is_empty()).count();
        assert_eq!(super::shipped().len(), rows, "every row reads");
        let mut codes: Vec<&str> = super::shipped().iter().map(|a| a.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), rows, "codes are unique");
        for region in crate::registry::reference::regions() {
            let akimats = super::shipped()
                .iter()
                .filter(|a| a.kind == super::AddresseeKind::Akimat && a.region_code.as_deref() == Some(&region.code))
                .count();
            assert_eq!(akimats, 1, "one akimat for {}", region.code);
        }
        assert!(super::shipped().iter().filter(|a| a.kind == super::AddresseeKind::Ministry).count() >= 15);
        assert!(super::shipped().iter().any(|a| a.kind == super::AddresseeKind::Party));
    }
}
