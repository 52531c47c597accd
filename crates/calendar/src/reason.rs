//! Why a date is a day off.

use time::Date;

use crate::{Holiday, Lang};

/// Why a date is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// A plain Saturday or Sunday.
    Weekend,
    /// The holiday's own date, also when it falls on a weekend (the holiday is the more useful answer).
    Holiday(Holiday),
    /// The day off of `holiday`, whose date `from` fell on a Saturday or Sunday, moved to the next free
    /// working day (Law on holidays, art. 5; Labour Code art. 85).
    Transferred {
        /// The holiday's own date, a Saturday or Sunday.
        from: Date,
        /// The holiday whose day off this is.
        holiday: Holiday,
    },
    /// A day off moved here from the weekend day `from`, which became a working day, by a yearly act under
    /// Labour Code art. 85 p. 3 (a Government resolution up to 2023, an order of the Minister of Labour
    /// from 2024). Shipped as data, one file a year.
    GovernmentTransfer {
        /// The Saturday or Sunday that became a working day in exchange.
        from: Date,
    },
}

impl Reason {
    /// A short description in `lang` ("kk", "ru" or "en"); any other language gets Kazakh.
    pub fn name(&self, lang: &str) -> String {
        let lang_code = Lang::parse(lang);
        match *self {
            Self::Weekend => match lang_code {
                Lang::Kk => "Демалыс күні",
                Lang::Ru => "Выходной день",
                Lang::En => "Weekend",
            }
            .to_owned(),
            Self::Holiday(holiday) => holiday.name(lang).to_owned(),
            Self::Transferred { from, holiday } => {
                let holiday = holiday.name(lang);
                match lang_code {
                    Lang::Kk => format!("Ауыстырылған демалыс күні: {holiday} ({from})"),
                    Lang::Ru => format!("Перенесённый выходной: {holiday} ({from})"),
                    Lang::En => format!("Day off moved from {holiday} ({from})"),
                }
            }
            Self::GovernmentTransfer { from } => match lang_code {
                Lang::Kk => format!("Демалыс күні {from} күнінен ауыстырылды"),
                Lang::Ru => format!("Выходной перенесён с {from}"),
                Lang::En => format!("Day off moved from {from} by official order"),
            },
        }
    }
}
