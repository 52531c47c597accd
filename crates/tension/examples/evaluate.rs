//! The alert rule on synthetic series with planted rises: detection rate, delay, false alarms per region-year.
//!
//! ```sh
//! cargo run -p tension --release --example evaluate               # held-out seeds 1..=10, default rule
//! cargo run -p tension --release --example evaluate -- --sweep    # the settings grid, tuning seeds 101..=105
//! cargo run -p tension --release --example evaluate -- --compare  # both methods side by side, held-out seeds
//! ```
//!
//! Options: `--seeds N` (how many), `--first-seed S`, `--echo P` (0: pure Poisson background),
//! `--least-rate R` (the quietest region's base rate), `--half-life D`, `--floor F`, `--baseline D`,
//! `--recent D`, `--z T` (the index's z-score with threshold T instead of the CUSUM), `--k K` and `--h H`
//! (the CUSUM's allowance and limit).

use std::process::ExitCode;
use std::time::Instant;

use tension::evaluate::{Report, Scoring, median, percentile, ratio, run};
use tension::synth::SynthConfig;
use tension::{AlertConfig, Config, Method};

#[derive(Clone)]
struct Options {
    seeds: u64,
    first_seed: u64,
    mode: Mode,
    synth: SynthConfig,
    index: Config,
    alert: AlertConfig,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    One,
    Sweep,
    Compare,
}

fn parse() -> Result<Options, String> {
    let mut o = Options {
        seeds: 10,
        first_seed: 1,
        mode: Mode::One,
        synth: SynthConfig::default(),
        index: Config::default(),
        alert: AlertConfig::default(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        match flag.as_str() {
            "--sweep" => {
                (o.mode, o.first_seed, o.seeds) = (Mode::Sweep, 101, 5);
                continue;
            }
            "--compare" => {
                o.mode = Mode::Compare;
                continue;
            }
            _ => {}
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<f64>().map_err(|e| format!("{flag} {v}: {e}"));
        let cusum = |a: &AlertConfig| match a.method {
            Method::Cusum { allowance, limit } => (allowance, limit),
            Method::IndexZ { .. } => (0.5, 12.0),
        };
        match flag.as_str() {
            "--seeds" => o.seeds = number(&value)? as u64,
            "--first-seed" => o.first_seed = number(&value)? as u64,
            "--echo" => o.synth.echo = number(&value)?,
            "--least-rate" => o.synth.rate_range.0 = number(&value)?,
            "--half-life" => o.index.half_life_days = number(&value)?,
            "--floor" => o.alert.floor = number(&value)?,
            "--baseline" => o.alert.baseline_days = number(&value)? as u32,
            "--recent" => o.alert.recent_days = number(&value)? as u32,
            "--z" => o.alert.method = Method::IndexZ { threshold: number(&value)?, rearm_score: 1.0 },
            "--k" => o.alert.method = Method::Cusum { allowance: number(&value)?, limit: cusum(&o.alert).1 },
            "--h" => o.alert.method = Method::Cusum { allowance: cusum(&o.alert).0, limit: number(&value)? },
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(o)
}

/// The merged report of the seeds.
fn runs(o: &Options, alert: &AlertConfig) -> Result<Report, String> {
    let mut all = Report::default();
    for seed in o.first_seed..o.first_seed + o.seeds {
        let synth = SynthConfig { seed, ..o.synth.clone() };
        all.merge(run(&synth, &o.index, alert, &Scoring::default()).map_err(|e| e.to_string())?);
    }
    Ok(all)
}

fn describe(m: Method) -> String {
    match m {
        Method::Cusum { allowance, limit } => format!("CUSUM k = {allowance}, h = {limit}"),
        Method::IndexZ { threshold, .. } => format!("index z > {threshold}"),
    }
}

fn delays(d: &[i64]) -> String {
    match (median(d), percentile(d, 0.9)) {
        (Some(m), Some(p)) => format!("{m} | {p}"),
        _ => "– | –".to_owned(),
    }
}

fn row(label: &str, (detected, total, d): (usize, usize, Vec<i64>)) {
    println!("| {label} | {total} | {detected} | {:.1} % | {} |", 100.0 * ratio(detected, total), delays(&d));
}

const SUMMARY_HEAD: &str = "| rule | floor | detected | median delay | p90 delay | false alarms / region-year | \
                            … base rate < 1 a day | … ≥ 3 a day | late | repeats |\n\
                            |---|---|---|---|---|---|---|---|---|---|";

fn summary(alert: &AlertConfig, r: &Report) {
    let (_, _, d) = r.of(|_| true);
    println!(
        "| {} | {} | {:.1} % | {} | {:.3} | {:.3} | {:.3} | {} | {} |",
        describe(alert.method),
        alert.floor,
        100.0 * r.detection_rate(),
        delays(&d),
        r.false_alarms_per_region_year(),
        r.false_alarms_where(|x| x < 1.0),
        r.false_alarms_where(|x| x >= 3.0),
        r.late,
        r.repeats
    );
}

fn sweep(o: &Options) -> Result<(), String> {
    let mut rules = Vec::new();
    for threshold in [3.5, 4.0, 4.5, 5.0, 6.0] {
        rules.push(Method::IndexZ { threshold, rearm_score: 1.0 });
    }
    for allowance in [0.25, 0.5, 1.0] {
        for limit in [6.0, 8.0, 10.0, 12.0, 16.0] {
            rules.push(Method::Cusum { allowance, limit });
        }
    }
    println!("{SUMMARY_HEAD}");
    for method in rules {
        for floor in [0.0, 20.0, 30.0] {
            let alert = AlertConfig { method, floor, ..o.alert.clone() };
            summary(&alert, &runs(o, &alert)?);
        }
    }
    Ok(())
}

fn compare(o: &Options) -> Result<(), String> {
    let z = |threshold| AlertConfig { method: Method::IndexZ { threshold, rearm_score: 1.0 }, ..o.alert.clone() };
    let cusum = |allowance, limit| AlertConfig { method: Method::Cusum { allowance, limit }, ..o.alert.clone() };
    println!("{SUMMARY_HEAD}");
    for alert in [&o.alert, &cusum(0.5, 10.0), &cusum(1.0, 8.0), &z(4.0), &z(4.5), &z(5.0), &z(6.0)] {
        summary(alert, &runs(o, alert)?);
    }
    Ok(())
}

fn one(o: &Options) -> Result<(), String> {
    let started = Instant::now();
    let r = runs(o, &o.alert)?;
    let a = &o.alert;
    println!(
        "{} signals, {} rises, {:.0} region-years scored; half-life {} d; {}, floor {}, min_scale {}, \
         baseline {} d ending {} d back; echo {} ({:.1} s)\n",
        r.signals,
        r.outcomes.len(),
        r.region_years,
        o.index.half_life_days,
        describe(a.method),
        a.floor,
        a.min_scale,
        a.baseline_days,
        a.recent_days + 1,
        o.synth.echo,
        started.elapsed().as_secs_f64()
    );
    let (detected, total, _) = r.of(|_| true);
    let or_dash = |x: Option<String>| x.unwrap_or_else(|| "–".to_owned());
    println!("| measure | value |\n|---|---|");
    println!(
        "| rises detected within 14 days of their start | {:.1} % ({detected} of {total}) |",
        100.0 * r.detection_rate()
    );
    println!("| median delay, days | {} |", or_dash(r.median_delay().map(|m| m.to_string())));
    println!("| p90 delay, days | {} |", or_dash(r.p90_delay().map(|p| p.to_string())));
    println!("| false alarms per region-year | {:.3} ({} alarms) |", r.false_alarms_per_region_year(), r.false_alarms);
    println!(
        "| … where the base rate is < 1 / 1–3 / ≥ 3 signals a day | {:.3} / {:.3} / {:.3} |",
        r.false_alarms_where(|x| x < 1.0),
        r.false_alarms_where(|x| (1.0..3.0).contains(&x)),
        r.false_alarms_where(|x| x >= 3.0)
    );
    println!("| alerts near a rise but later than 14 days | {} |", r.late);
    println!("| second alerts near one rise | {} |", r.repeats);
    println!("| alerts during the burn-in year (not scored) | {} |", r.burn_in_alerts);

    println!("\n| rises | count | detected | rate | median delay | p90 delay |\n|---|---|---|---|---|---|");
    for m in &o.synth.magnitudes {
        row(&format!("magnitude {m}"), r.of(|x| x.magnitude == *m));
    }
    row("burst (even)", r.of(|x| !x.ramp));
    row("ramp (growing)", r.of(|x| x.ramp));
    row("lasting 3–7 days", r.of(|x| (x.end - x.start).whole_days() < 7));
    row("lasting 8–28 days", r.of(|x| (x.end - x.start).whole_days() >= 7));
    row("base rate < 1 a day", r.of(|x| x.base_rate < 1.0));
    row("base rate 1–3 a day", r.of(|x| (1.0..3.0).contains(&x.base_rate)));
    row("base rate ≥ 3 a day", r.of(|x| x.base_rate >= 3.0));
    row("adding < 10 signals", r.of(|x| x.added < 10));
    row("adding 10–29 signals", r.of(|x| (10..30).contains(&x.added)));
    row("adding ≥ 30 signals", r.of(|x| x.added >= 30));
    Ok(())
}

fn main() -> ExitCode {
    let result = parse().and_then(|o| {
        println!(
            "Seeds {}..={}, half-life {} d, echo {}, base rates {}–{} a day.\n",
            o.first_seed,
            o.first_seed + o.seeds - 1,
            o.index.half_life_days,
            o.synth.echo,
            o.synth.rate_range.0,
            o.synth.rate_range.1
        );
        match o.mode {
            Mode::One => one(&o),
            Mode::Sweep => sweep(&o),
            Mode::Compare => compare(&o),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
