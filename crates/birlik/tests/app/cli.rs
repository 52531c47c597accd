//! The command line: imports (all rows or none, every problem with its row), backup, admin, export, reindex.

use std::path::Path;
use std::process::{Command, Output};

use birlik::platform::db::Db;

use crate::support::demo_data_dir;

fn birlik(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_birlik"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("BIRLIK_DATABASE_URL")
        .output()
        .expect("the birlik binary runs")
}

async fn count(dir: &Path, table: &str) -> i64 {
    let db = Db::connect(None, dir).await.unwrap();
    let sql = format!("SELECT COUNT(*) FROM {table}");
    let n = birlik::with_read!(&db, pool => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql)).fetch_one(pool).await.unwrap());
    db.close().await;
    n
}

#[tokio::test]
async fn import_reports_every_problem_with_its_row_and_imports_nothing() {
    let dir = demo_data_dir().await;
    let before = count(dir.path(), "associations").await;
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n\
         regional,KZ-75,Жақсы бірлестік,Хорошее объединение,Good association,2001,,koreans\n\
         regional,KZ-99,Бірлестік,Объединение,Association,2001,,koreans\n\
         republican,,<b>bold</b>,Объединение,Association,1800,,koreans\n\
         regional,KZ-11,Бірлестік,Объединение,Association,2001,ftp://x,nobody\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", "en"]);
    assert!(!output.status.success());
    let report = String::from_utf8_lossy(&output.stderr);
    for expected in [
        "row 3: region_code",
        "row 4: name_kk",
        "row 4: founded_year",
        "row 5: website",
        "row 5: groups",
        "nothing was imported",
    ] {
        assert!(report.contains(expected), "report mentions {expected:?}:\n{report}");
    }
    assert!(!report.contains("row 2"), "the good row is not reported");
    assert_eq!(count(dir.path(), "associations").await, before, "nothing was imported");
}

#[tokio::test]
async fn import_of_a_valid_file_imports_every_row() {
    let dir = demo_data_dir().await;
    let before = count(dir.path(), "associations").await;
    let links_before = count(dir.path(), "association_groups").await;
    let file = dir.path().join("good.csv");
    let mut csv = String::from("level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n");
    for i in 0..250 {
        csv.push_str(&format!(
            "regional,KZ-79,Бірлестік {i},Объединение {i},Association {i},2001,https://example.org/{i},koreans;uzbeks\n"
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(count(dir.path(), "associations").await, before + 250);
    assert_eq!(count(dir.path(), "association_groups").await, links_before + 500, "two groups per row");

    let members = dir.path().join("members.csv");
    std::fs::write(&members, "body_id,person_name,position,term_start,term_end,association_id\n1,Жаңа Мүше,member,2024-05-01,,\n1,Екінші Мүше,secretary,2024-05-01,2027-05-01,\n").unwrap();
    let persons = count(dir.path(), "persons").await;
    let output = birlik(dir.path(), &["import", "members", members.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(count(dir.path(), "persons").await, persons + 2);
    std::fs::write(&members, "body_id,person_name,position,term_start,term_end,association_id\n1,Жаңа Мүше,member,2024-05-01,2020-01-01,\n99999,X Y Z,member,2024-13-01,,\n").unwrap();
    let output = birlik(dir.path(), &["import", "members", members.to_str().unwrap(), "--lang", "ru"]);
    assert!(!output.status.success());
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(
        report.contains("строка 2: term_end")
            && report.contains("строка 3: body_id")
            && report.contains("строка 3: term_start"),
        "the report is in Russian: {report}"
    );
    assert!(report.contains("Найдено 3 ошибки; ничего не импортировано."), "{report}");
}

#[tokio::test]
async fn import_reports_the_line_a_row_starts_on_when_quoted_fields_span_lines() {
    let dir = demo_data_dir().await;
    let before = count(dir.path(), "associations").await;
    let file = dir.path().join("multiline.csv");
    // Lines: 1 header; 2–3 a name broken over two lines (refused: a name has no line breaks); 4–6 a good row whose
    // groups span three lines; 7 an unknown region.
    std::fs::write(
        &file,
        "level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n\
         regional,KZ-75,\"Екі\nжолды атау\",Объединение,Association,2001,,koreans\n\
         regional,KZ-75,Жақсы бірлестік,Хорошее объединение,Good association,2001,,\"koreans;\nuzbeks;\ngreeks\"\n\
         regional,KZ-99,Бірлестік,Объединение,Association,2001,,koreans\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", "en"]);
    assert!(!output.status.success());
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("row 2: name_kk"), "the broken name is reported on its first line:\n{report}");
    assert!(report.contains("row 7: region_code"), "the bad row is reported on the line it starts on:\n{report}");
    assert!(!report.contains("row 4:") && !report.contains("row 3:"), "{report}");
    assert!(report.contains("2 problems found; nothing was imported."), "{report}");
    assert_eq!(count(dir.path(), "associations").await, before);

    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("2-жол: name_kk") && report.contains("7-жол: region_code"), "Kazakh by default:\n{report}");
    assert!(report.contains("2 қате табылды; ештеңе импортталмады."), "{report}");

    std::fs::write(
        &file,
        "level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n\
         regional,KZ-75,Жақсы бірлестік,Хорошее объединение,Good association,2001,,koreans\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", "en"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let done = String::from_utf8_lossy(&output.stdout);
    assert!(done.contains("Imported 1 row from ") && done.contains("multiline.csv"), "{done}");
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", "ru"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("Импортирована 1 строка из файла "));
    assert_eq!(count(dir.path(), "associations").await, before + 2);
}

#[tokio::test]
async fn backup_is_a_consistent_copy() {
    let dir = demo_data_dir().await;
    let target = dir.path().join("copy.sqlite3");
    let output = birlik(dir.path(), &["backup", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&target, copy.path().join("birlik.sqlite3")).unwrap();
    assert_eq!(count(copy.path(), "associations").await, count(dir.path(), "associations").await);
    let again = birlik(dir.path(), &["backup", target.to_str().unwrap()]);
    assert!(!again.status.success(), "an existing file is never overwritten");
}

#[tokio::test]
async fn admin_export_and_reindex_commands() {
    let dir = demo_data_dir().await;
    let output = birlik(
        dir.path(),
        &["admin", "create-user", "--email", "sec@example.kz", "--role", "secretariat", "--body", "1"],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("password: "), "a generated password is printed once");
    let output = birlik(dir.path(), &["admin", "create-user", "--email", "x@example.kz", "--role", "secretariat"]);
    assert!(!output.status.success(), "a secretariat needs a body");
    let output = birlik(dir.path(), &["export", "regions.csv"]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 21);
    let output = birlik(dir.path(), &["reindex"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("documents"));
}

#[tokio::test]
async fn serve_answers_and_stops_gracefully_on_sigterm() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_birlik"))
        .args(["--log-format", "json", "--data-dir"])
        .arg(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("BIRLIK_DATABASE_URL")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "prints its URL: {line}");
    let health: serde_json::Value = reqwest::get(format!("{url}healthz")).await.unwrap().json().await.unwrap();
    assert_eq!(health["status"], "ok");
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "exits cleanly on SIGTERM");
    let logs = String::from_utf8_lossy(&output.stderr);
    let last = logs.lines().last().unwrap();
    let entry: serde_json::Value = serde_json::from_str(last).expect("log lines are JSON");
    assert_eq!(entry["fields"]["message"], "stopped");
}

#[test]
fn consensus_commands_find_the_planted_groups() {
    let dir = tempfile::tempdir().unwrap();
    let votes = dir.path().join("votes.csv");
    let output = birlik(
        dir.path(),
        &["consensus", "synth", "--participants", "300", "--statements", "40", "--out", votes.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json = dir.path().join("analysis.json");
    let svg = dir.path().join("map.svg");
    let output = birlik(
        dir.path(),
        &[
            "consensus",
            "analyze",
            "--votes",
            votes.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let analysis: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(analysis["k"], 3, "three planted groups are found");
    assert_eq!(analysis["participants"].as_array().unwrap().len(), 300);
    assert_eq!(analysis["groups"].as_array().unwrap().len(), 3);
    assert!(!analysis["group_informed_consensus"].as_array().unwrap().is_empty());
    assert!(analysis["consensus"]["agree"].is_array() && analysis["consensus"]["disagree"].is_array());
    assert!(!analysis["bridging"]["statements"].as_array().unwrap().is_empty(), "the analysis has bridging scores");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn text_commands_answer_line_by_line() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_birlik"))
        .args(["text", "translit", "--to", "latin"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Қазақстан халқы Ассамблеясы\nБірлік\n".as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    // The 2021 alphabet: қ → q, ы → y, я → ia, і → ı.
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "Qazaqstan halqy Assambleiasy\nBırlık\n");
}

#[test]
fn moderation_flag_prints_the_terms_of_each_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("ru.txt");
    std::fs::write(&lexicon, "убить\nвыгнать\nказино\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_birlik"))
        .args(["moderation", "flag", "--lang", "ru", "--lexicon", lexicon.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Inflected, a Latin look-alike, a zero-width space, spaced letters; and an innocent line.
    let input = "их надо выгнать отсюда\nлучшее кaзинo\nу\u{200b}бить\nв ы г н а т ь\nдобрый вечер\n";
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "выгнать\nказино\nубить\nвыгнать\n\n");
}

#[tokio::test]
async fn import_works_while_the_server_runs() {
    use std::io::{BufRead, BufReader};
    let dir = demo_data_dir().await;
    let mut server = Command::new(env!("CARGO_BIN_EXE_birlik"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("BIRLIK_DATABASE_URL")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.contains("http://"), "the server is up: {line}");
    let file = dir.path().join("one.csv");
    std::fs::write(
        &file,
        "level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n\
         regional,KZ-75,Тумарқа орталығы,Центр Тумарка,Tumarqa centre,2020,,koreans\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", "en"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("within seconds"));
    // The running server hears of the import (its change worker looks at the events every second) and rebuilds
    // its search index: another process, so the test can only ask it, for at most 20 s.
    let address = line.trim().trim_start_matches("Birlik is listening on ").trim_end_matches('/').to_owned();
    let mut found = false;
    for _ in 0..80 {
        let page = reqwest::get(format!("{address}/en/search?q=Tumarqa")).await.unwrap().text().await.unwrap();
        // Only a hit shows the whole name (the search field holds the query alone).
        if page.matches("Tumarqa centre").count() >= 1 {
            found = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(found, "the running server's search finds the imported association");
}

#[tokio::test]
async fn admin_refuses_an_address_that_is_not_one() {
    let dir = demo_data_dir().await;
    let output = birlik(dir.path(), &["admin", "create-user", "--email", "not-an-address", "--role", "admin"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not an e-mail address"));
}

#[tokio::test]
async fn a_polis_export_is_loaded_from_the_command_line() {
    let dir = demo_data_dir().await;
    let polis = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polis/brexit-consensus");
    let body =
        birlik::registry::store::bodies(&Db::connect(None, dir.path()).await.unwrap(), false).await.unwrap()[0].id;
    let output =
        birlik(dir.path(), &["consultations", "import-polis", polis.to_str().unwrap(), "--body", &body.to_string()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stdout).contains("as consultation 1"));
    assert_eq!(count(dir.path(), "consultation_votes").await, 5312);
    assert_eq!(count(dir.path(), "consultation_analyses").await, 1, "analysed on import");
    let missing = birlik(dir.path(), &["consultations", "import-polis", "/nonexistent", "--body", &body.to_string()]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("comments.csv"));
    assert_eq!(count(dir.path(), "consultations").await, 1);
}

#[test]
fn the_calendar_prints_days_off_and_due_dates() {
    let dir = tempfile::tempdir().unwrap();
    let output = birlik(dir.path(), &["calendar", "--year", "2025", "--lang", "en"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let dates: Vec<&str> = text.lines().map(|l| l.split(' ').next().unwrap()).collect();
    // Nauryz 2025: Friday 21 March off, Saturday 22 and Sunday 23 moved to Monday 24 and Tuesday 25.
    for day in ["2025-01-01", "2025-01-07", "2025-03-10", "2025-03-21", "2025-03-24", "2025-03-25", "2025-12-16"] {
        assert!(dates.contains(&day), "{day} is a day off in 2025:\n{text}");
    }
    assert!(!dates.contains(&"2025-03-26"), "26 March 2025 is a working day");
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "one line a day, in date order");
    assert!(text.lines().all(|l| l.len() > 11), "every line has its reason:\n{text}");
    // Fifteen working days after 5 March 2025, counting from the day after: 10 March (8 March was a Saturday)
    // and Nauryz (21, 24 and 25 March) are skipped.
    let output = birlik(dir.path(), &["calendar", "due", "2025-03-05", "15"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "2025-04-01\n");
    let output = birlik(dir.path(), &["calendar", "due", "2025-02-30", "15"]);
    assert!(!output.status.success(), "an impossible date is refused");
}

#[tokio::test]
async fn import_checks_the_header_by_name() {
    let dir = demo_data_dir().await;
    let before = count(dir.path(), "associations").await;
    let file = dir.path().join("header.csv");
    let row = "regional,KZ-75,Жақсы бірлестік,Хорошее объединение,Good association,2001,,koreans";
    let import = |lang: &str| {
        let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap(), "--lang", lang]);
        assert!(!output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    // An extra column would be silently dropped.
    std::fs::write(
        &file,
        format!("level,region_code,name_kk,name_ru,name_en,founded_year,website,groups,note\n{row},x\n"),
    )
    .unwrap();
    let report = import("en");
    assert!(report.contains("row 1: note: Unknown column"), "{report}");
    assert!(report.contains("level, region_code, name_kk"), "the expected columns are listed: {report}");
    // A misspelt column is unknown, and the one it should have been is missing: no row is checked.
    std::fs::write(&file, format!("level,region_code,name,name_ru,name_en,founded_year,website,groups\n{row}\n"))
        .unwrap();
    let report = import("ru");
    assert!(report.contains("строка 1: name: Неизвестный столбец"), "{report}");
    assert!(report.contains("строка 1: name_kk: Нет столбца"), "{report}");
    assert!(!report.contains("строка 2"), "no row is reported as missing values: {report}");
    // A column listed twice.
    std::fs::write(
        &file,
        format!("level,region_code,name_kk,name_ru,name_en,founded_year,website,groups,level\n{row},regional\n"),
    )
    .unwrap();
    let report = import("kk");
    assert!(report.contains("1-жол: level: Баған екі рет"), "{report}");
    assert_eq!(count(dir.path(), "associations").await, before, "nothing was imported");

    // Members: `person_id` may be there or not; nothing else.
    let members = dir.path().join("members.csv");
    std::fs::write(
        &members,
        "body_id,person_id,person_name,position,term_start,term_end,association_id\n1,,Жаңа Мүше,member,2024-05-01,,\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "members", members.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[tokio::test]
async fn import_names_the_file_it_cannot_read_and_prints_integers_whole() {
    let dir = demo_data_dir().await;
    let folder = dir.path().join("a-folder.csv");
    std::fs::create_dir(&folder).unwrap();
    let output = birlik(dir.path(), &["import", "associations", folder.to_str().unwrap(), "--lang", "en"]);
    assert!(!output.status.success());
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("Cannot read") && report.contains("a-folder.csv"), "the file is named: {report}");
    let missing = dir.path().join("missing.csv");
    let output = birlik(dir.path(), &["import", "members", missing.to_str().unwrap(), "--lang", "ru"]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("Не удалось прочитать") && report.contains("missing.csv"), "{report}");

    let members = dir.path().join("members.csv");
    std::fs::write(
        &members,
        "body_id,person_name,position,term_start,term_end,association_id\n0,Жаңа Мүше,member,2024-05-01,,\n",
    )
    .unwrap();
    let output = birlik(dir.path(), &["import", "members", members.to_str().unwrap(), "--lang", "en"]);
    let report = String::from_utf8_lossy(&output.stderr);
    assert!(report.contains("9223372036854775807"), "the largest id is printed whole: {report}");
    assert!(!report.contains("9223372036854776000"), "{report}");
}

#[tokio::test]
async fn backup_includes_documents_and_restores_into_a_fresh_data_dir() {
    use crate::documents::{pdf, post_upload, upload_form};
    use crate::support::TestApp;
    let app = TestApp::sqlite().await;
    let body = app.body_id("regional_assembly", Some("KZ-75")).await;
    let admin = app.admin().await;
    let bytes = pdf("backup");
    let form = upload_form("body", body, "Сақтық көшірме", "kk", "backup.pdf", bytes.clone());
    let (status, document) = post_upload(&admin, "/api/v1/documents", form).await;
    assert_eq!(status, reqwest::StatusCode::CREATED, "{document}");
    let id = document["id"].as_i64().unwrap();
    // Backed up while the server runs.
    let backups = tempfile::tempdir().unwrap();
    let target = backups.path().join("birlik-backup.sqlite3");
    let output = birlik(app.data_dir(), &["backup", target.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let files = backups.path().join("birlik-backup.sqlite3.files");
    assert!(files.is_dir(), "the files are beside the database copy");
    // Restored as the README says: the database copy as birlik.sqlite3, the files as files/, in a new data dir.
    let restored = tempfile::tempdir().unwrap();
    std::fs::copy(&target, restored.path().join("birlik.sqlite3")).unwrap();
    let copied = Command::new("cp").arg("-r").arg(&files).arg(restored.path().join("files")).status().unwrap();
    assert!(copied.success());
    let key = backups.path().join("birlik-backup.sqlite3.mediation.key");
    assert!(String::from_utf8_lossy(&output.stdout).contains("keep it apart"), "the operator is told where the key is");
    std::fs::copy(&key, restored.path().join("mediation.key")).unwrap();
    drop(app);
    let app = TestApp::builder().demo(false).restored(restored).start().await;
    let response = app.get(&format!("/api/v1/documents/{id}")).await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice(), "the same bytes come back");
}

/// A Pol.is export without `votes.csv` (some public ones ship only the matrix of last votes): both the analysis
/// and the import read `participants-votes.csv` instead, every non-empty cell a vote.
#[tokio::test]
async fn a_polis_export_without_its_vote_log_is_read_from_the_matrix_of_last_votes() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/polis/brexit-consensus");
    let export = tempfile::tempdir().unwrap();
    for file in ["comments.csv", "participants-votes.csv", "summary.csv"] {
        std::fs::copy(fixture.join(file), export.path().join(file)).unwrap();
    }
    let matrix = std::fs::read_to_string(export.path().join("participants-votes.csv")).unwrap();
    let cells: usize =
        matrix.lines().skip(1).map(|row| row.split(',').skip(6).filter(|cell| !cell.trim().is_empty()).count()).sum();
    assert!(cells > 4_000, "the fixture's matrix has votes");

    let dir = demo_data_dir().await;
    let json = dir.path().join("analysis.json");
    let output = birlik(
        dir.path(),
        &["consensus", "analyze", "--polis-dir", export.path().to_str().unwrap(), "--json", json.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let analysis: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(analysis["groups"].as_array().unwrap().len() >= 2, "groups found without the log");

    let body =
        birlik::registry::store::bodies(&Db::connect(None, dir.path()).await.unwrap(), false).await.unwrap()[0].id;
    let output = birlik(
        dir.path(),
        &["consultations", "import-polis", export.path().to_str().unwrap(), "--body", &body.to_string()],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(count(dir.path(), "consultation_votes").await, cells as i64, "every cell of the matrix, once");
    assert_eq!(count(dir.path(), "consultation_analyses").await, 1, "analysed on import");

    // With neither file the import says which is missing and changes nothing.
    std::fs::remove_file(export.path().join("participants-votes.csv")).unwrap();
    let missing = birlik(
        dir.path(),
        &["consultations", "import-polis", export.path().to_str().unwrap(), "--body", &body.to_string()],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("votes.csv"));
    assert_eq!(count(dir.path(), "consultations").await, 1);
}

/// `kill -9` in the middle of a large import: the chunks it committed are never shown, and they are removed when
/// found abandoned (by the next import or the server's start); the import run again goes in whole.
#[tokio::test]
async fn an_import_killed_mid_write_is_never_shown_and_is_removed() {
    let dir = demo_data_dir().await;
    let file = dir.path().join("many.csv");
    let mut csv = String::from("level,region_code,name_kk,name_ru,name_en,founded_year,website,groups\n");
    for i in 0..30_000 {
        csv.push_str(&format!(
            "regional,KZ-63,Үлкен бірлестік {i},Большое объединение {i},Big association {i},2003,,tatars\n"
        ));
    }
    std::fs::write(&file, csv).unwrap();
    let db = Db::connect(None, dir.path()).await.unwrap();
    let shown = || async { birlik::registry::store::figures(&db).await.unwrap().associations };
    let staged = || async {
        birlik::with_read!(&db, pool => sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM associations WHERE import_id <> 0")
            .fetch_one(pool).await.unwrap())
    };
    let (before, rows) = (shown().await, count(dir.path(), "associations").await);
    let mut child = Command::new(env!("CARGO_BIN_EXE_birlik"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["import", "associations", file.to_str().unwrap()])
        .env_remove("BIRLIK_DATABASE_URL")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while staged().await == 0 {
        assert!(child.try_wait().unwrap().is_none(), "the import ended before a chunk of it was seen");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    assert_eq!(shown().await, before, "a committed chunk is hidden while the import runs");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(staged().await > 0, "the killed import left rows");
    assert_eq!(shown().await, before, "which are never shown");

    birlik::registry::store::remove_abandoned_imports(&db, std::time::Duration::ZERO).await.unwrap();
    assert_eq!((staged().await, count(dir.path(), "associations").await), (0, rows), "they are removed");
    let output = birlik(dir.path(), &["import", "associations", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(shown().await, before + 30_000);
    db.close().await;
}
