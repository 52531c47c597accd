//! `birlik calendar …`: Kazakhstan's days off and deadlines in working days, from the `calendar` crate. Scripts
//! outside the project read this output: one `YYYY-MM-DD` (and, for days off, its reason) a line.

use clap::{Args, Subcommand};
use time::Date;
use time::macros::format_description;

#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub struct CalendarArgs {
    /// Print every day off of this year (weekends included) with its reason.
    #[arg(long)]
    year: Option<i32>,
    /// The language of the reasons: kk, ru or en.
    #[arg(long, default_value = "kk")]
    lang: String,
    #[command(subcommand)]
    command: Option<CalendarCommand>,
}

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// Print the date N working days after DATE (counting starts the day after, as the law counts from receipt).
    Due { date: String, n: u32 },
}

pub fn run(args: &CalendarArgs, mut out: impl std::io::Write) -> anyhow::Result<()> {
    let iso = format_description!("[year]-[month]-[day]");
    match (&args.command, args.year) {
        (Some(CalendarCommand::Due { date, n }), _) => {
            let date = Date::parse(date, iso).map_err(|_| anyhow::anyhow!("not a date (YYYY-MM-DD): {date}"))?;
            writeln!(out, "{}", calendar::add_working_days(date, *n).format(iso)?)?;
        }
        (None, Some(year)) => {
            anyhow::ensure!((1..=9999).contains(&year), "the year must be between 1 and 9999: {year}");
            for (date, reason) in calendar::days_off(year) {
                writeln!(out, "{} {}", date.format(iso)?, reason.name(&args.lang))?;
            }
        }
        (None, None) => anyhow::bail!("say --year YYYY, or due YYYY-MM-DD N"),
    }
    Ok(())
}
