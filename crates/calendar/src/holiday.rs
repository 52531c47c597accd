//! The holidays of the Law «О праздниках в Республике Казахстан» and the years each one is a day off.

use std::ops::RangeInclusive;

use time::{Date, Month};

use crate::Lang;

/// A holiday that is a day off (Law «О праздниках в Республике Казахстан», art. 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Holiday {
    /// 1 and 2 January.
    NewYear,
    /// 7 January; a day off that never moves when it falls on a weekend.
    OrthodoxChristmas,
    /// 8 March.
    WomensDay,
    /// 30 August up to 2025; 15 March from 2027 (the day the new Constitution was adopted in 2026).
    ConstitutionDay,
    /// 21–23 March.
    Nauryz,
    /// 1 May, Unity Day of the People of Kazakhstan (the Assembly's own holiday).
    UnityDay,
    /// 7 May.
    DefenderDay,
    /// 9 May.
    VictoryDay,
    /// 6 July.
    CapitalDay,
    /// The first day of Kurban Ait, a lunar date fixed each year; never moves when it falls on a weekend.
    KurbanAit,
    /// 25 October, a day off again from 2022.
    RepublicDay,
    /// 1 December, a day off up to 2021.
    FirstPresidentDay,
    /// 16 December (and 17 December up to 2021).
    IndependenceDay,
}

impl Holiday {
    /// The holiday's name in `lang` ("kk", "ru" or "en"); any other language gets Kazakh.
    pub fn name(self, lang: &str) -> &'static str {
        let [kk, ru, en] = self.names();
        match Lang::parse(lang) {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }

    /// Whether the day off moves to the next working day when the holiday falls on a Saturday or Sunday.
    /// The two religious days off do not (Law on holidays, art. 5; Labour Code art. 85).
    pub fn is_transferred(self) -> bool {
        !matches!(self, Self::OrthodoxChristmas | Self::KurbanAit)
    }

    fn names(self) -> [&'static str; 3] {
        match self {
            Self::NewYear => ["Жаңа жыл", "Новый год", "New Year"],
            Self::OrthodoxChristmas => {
                ["Православиелік Рождество", "Рождество Христово (православное)", "Orthodox Christmas"]
            }
            Self::WomensDay => ["Халықаралық әйелдер күні", "Международный женский день", "International Women's Day"],
            Self::ConstitutionDay => ["Конституция күні", "День Конституции", "Constitution Day"],
            Self::Nauryz => ["Наурыз мейрамы", "Наурыз мейрамы", "Nauryz meiramy"],
            Self::UnityDay => [
                "Қазақстан халқының бірлігі мерекесі",
                "Праздник единства народа Казахстана",
                "Unity Day of the People of Kazakhstan",
            ],
            Self::DefenderDay => ["Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day"],
            Self::VictoryDay => ["Жеңіс күні", "День Победы", "Victory Day"],
            Self::CapitalDay => ["Астана күні", "День столицы", "Capital Day"],
            Self::KurbanAit => ["Құрбан айт", "Курбан айт", "Kurban Ait"],
            Self::RepublicDay => ["Республика күні", "День Республики", "Republic Day"],
            Self::FirstPresidentDay => {
                ["Тұңғыш Президент күні", "День Первого Президента Республики Казахстан", "First President's Day"]
            }
            Self::IndependenceDay => ["Тәуелсіздік күні", "День Независимости", "Independence Day"],
        }
    }
}

/// A holiday on a fixed day of the Gregorian year, and the years in which that day is a day off.
struct Fixed {
    month: Month,
    day: u8,
    holiday: Holiday,
    years: RangeInclusive<i32>,
}

const ALWAYS: RangeInclusive<i32> = i32::MIN..=i32::MAX;

const fn fixed(month: Month, day: u8, holiday: Holiday, years: RangeInclusive<i32>) -> Fixed {
    Fixed { month, day, holiday, years }
}

/// In calendar order. The year bounds follow the amendments of 2022 (Republic Day restored; First President's
/// Day and 17 December dropped) and the Constitution of 2026 (Constitution Day moved from 30 August to
/// 15 March, with no Constitution Day off in 2026 itself). Earlier history is not modelled: before 2021 the
/// 2021 law is applied as is. See data/SOURCES.md.
const FIXED: [Fixed; 17] = [
    fixed(Month::January, 1, Holiday::NewYear, ALWAYS),
    fixed(Month::January, 2, Holiday::NewYear, ALWAYS),
    fixed(Month::January, 7, Holiday::OrthodoxChristmas, ALWAYS),
    fixed(Month::March, 8, Holiday::WomensDay, ALWAYS),
    fixed(Month::March, 15, Holiday::ConstitutionDay, 2027..=i32::MAX),
    fixed(Month::March, 21, Holiday::Nauryz, ALWAYS),
    fixed(Month::March, 22, Holiday::Nauryz, ALWAYS),
    fixed(Month::March, 23, Holiday::Nauryz, ALWAYS),
    fixed(Month::May, 1, Holiday::UnityDay, ALWAYS),
    fixed(Month::May, 7, Holiday::DefenderDay, ALWAYS),
    fixed(Month::May, 9, Holiday::VictoryDay, ALWAYS),
    fixed(Month::July, 6, Holiday::CapitalDay, ALWAYS),
    fixed(Month::August, 30, Holiday::ConstitutionDay, i32::MIN..=2025),
    fixed(Month::October, 25, Holiday::RepublicDay, 2022..=i32::MAX),
    fixed(Month::December, 1, Holiday::FirstPresidentDay, i32::MIN..=2021),
    fixed(Month::December, 16, Holiday::IndependenceDay, ALWAYS),
    fixed(Month::December, 17, Holiday::IndependenceDay, i32::MIN..=2021),
];

/// The fixed-date holidays that are days off in `year`, in calendar order.
pub(crate) fn fixed_holidays(year: i32) -> impl Iterator<Item = (Date, Holiday)> {
    FIXED
        .iter()
        .filter(move |f| f.years.contains(&year))
        .filter_map(move |f| Date::from_calendar_date(year, f.month, f.day).ok().map(|d| (d, f.holiday)))
}
