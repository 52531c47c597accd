// `sqlx::migrate!` embeds the migrations at compile time, but cargo does not know to compile again when a migration
// file is added (the sqlx documentation's remedy, as `cargo sqlx migrate build-script` writes it).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
