//! Clearly fictional demo content for `birlik serve --demo`.
//!
//! Everything here is made up: the people, their positions and terms, the associations' founding years and web
//! sites (all under the reserved domain `example.org`). Only the frame is real: the kinds of bodies of the Assembly
//! of People of Kazakhstan, the regions and the ethnic groups passed in (from `reference/`), and district names
//! taken from general knowledge. The generator is deterministic: a tiny seeded xorshift generator, no clock, no
//! hash-map iteration, so the same regions and groups always give the same content.
//!
//! The loader inserts [`DemoData::bodies`] in order (every parent comes before its children), then the
//! associations, then the members; keys (`DemoBody::key`, `DemoAssociation::key`) tie them together and are not
//! stored.

use std::collections::HashSet;

use crate::registry::model::{BodyKind, EthnicGroup, Level, Position, Region};

/// A body of the Assembly to create; `parent_key` names a body listed earlier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoBody {
    pub key: String,
    pub parent_key: Option<String>,
    pub kind: BodyKind,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
}

/// An ethnocultural association to create; `groups` are slugs of the ethnic groups passed to [`generate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoAssociation {
    pub key: String,
    pub level: Level,
    pub region_code: Option<String>,
    pub name_kk: String,
    pub name_ru: String,
    pub name_en: String,
    pub founded_year: Option<i64>,
    pub website: Option<String>,
    pub groups: Vec<String>,
}

/// A fictional person's seat in a body. The same `full_name` in several bodies is the same person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoMember {
    pub full_name: String,
    pub body_key: String,
    pub association_key: Option<String>,
    pub position: Position,
    /// ISO date.
    pub term_start: String,
    /// ISO date, not before `term_start`.
    pub term_end: Option<String>,
}

/// The whole demo registry, in insertion order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoData {
    pub bodies: Vec<DemoBody>,
    pub associations: Vec<DemoAssociation>,
    pub members: Vec<DemoMember>,
}

/// Builds the demo registry for the given regions and ethnic groups.
pub fn generate(regions: &[Region], groups: &[EthnicGroup]) -> DemoData {
    let mut rng = Rng::new(0x0B1B_11C0_2026);
    let bodies = bodies(regions);
    let associations = associations(&mut rng, regions, groups);
    let members = members(&mut rng, &bodies, &associations);
    DemoData { bodies, associations, members }
}

// ---------------------------------------------------------------------------------------------------------------
// Pseudo-random numbers

/// xorshift64* (Vigna 2016): small, fast and good enough to scatter demo data. Not for anything secret.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // The state must never be zero.
        Rng((seed ^ 0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "Rng::below needs a non-empty range");
        // The top bits of xorshift64* are the best; the modulo bias is irrelevant for demo data.
        ((self.next() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        assert!(lo <= hi, "Rng::between needs lo <= hi");
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with the given chance in percent.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of the words, separated by spaces, of a non-empty list.
    fn word(&mut self, list: &'static str) -> &'static str {
        let n = list.split_whitespace().count();
        list.split_whitespace().nth(self.below(n)).unwrap_or_else(|| panic!("an empty word list"))
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Bodies

const SESSION: &str = "session";
const COUNCIL: &str = "council";

/// A region's name in the forms the body and association names need.
struct Place {
    /// Nominative, as it stands before a noun: «Абай облысы», «Алматы қаласы».
    kk: String,
    /// Genitive: «Абай облысының», «Алматы қаласының».
    kk_gen: String,
    /// Genitive: «Акмолинской области», «области Абай», «города Алматы».
    ru_gen: String,
    /// «Akmola Region», «Almaty city».
    en: String,
}

fn place(region: &Region) -> Place {
    if region.kind == "city" {
        return Place {
            kk: format!("{} қаласы", region.name_kk),
            kk_gen: format!("{} қаласының", region.name_kk),
            ru_gen: format!("города {}", region.name_ru),
            en: format!("{} city", region.name_en),
        };
    }
    let kk_gen = if region.name_kk.ends_with("облысы") {
        format!("{}ның", region.name_kk)
    } else {
        format!("{} өңірінің", region.name_kk)
    };
    Place {
        kk: region.name_kk.clone(),
        kk_gen,
        ru_gen: russian_region_genitive(&region.name_ru),
        en: region.name_en.clone(),
    }
}

/// «Акмолинская область» → «Акмолинской области»; «область Абай (Абайская область)» → «области Абай».
fn russian_region_genitive(name: &str) -> String {
    // The reference table gives an adjectival variant in brackets for the three 2022 regions: drop it.
    let name = name.split(" (").next().unwrap_or(name).trim();
    if let Some(rest) = name.strip_prefix("область ") {
        format!("области {rest}")
    } else if let Some(adjective) = name.strip_suffix("ая область") {
        format!("{adjective}ой области")
    } else {
        format!("региона «{name}»")
    }
}

/// A district: its Kazakh name, the Russian adjective in the genitive («Аягозского»), the English name.
type District = (&'static str, &'static str, &'static str);

/// Districts that get a demo Public Consent Council: region code, then a [`District`]. The names are real districts
/// (or city districts) of each region as far as the author knows, written from general knowledge and not checked
/// against an official list; the councils and everything about them are fictional. Regions missing here get
/// fictional districts.
const DISTRICTS: &[(&str, &str, &str, &str)] = &[
    ("KZ-10", "Аягөз", "Аягозского", "Ayagoz"),
    ("KZ-10", "Бородулиха", "Бородулихинского", "Borodulikha"),
    ("KZ-10", "Жарма", "Жарминского", "Zharma"),
    ("KZ-11", "Бурабай", "Бурабайского", "Burabay"),
    ("KZ-11", "Зеренді", "Зерендинского", "Zerendi"),
    ("KZ-11", "Шортанды", "Шортандинского", "Shortandy"),
    ("KZ-15", "Мұғалжар", "Мугалжарского", "Mugalzhar"),
    ("KZ-15", "Хромтау", "Хромтауского", "Khromtau"),
    ("KZ-15", "Алға", "Алгинского", "Alga"),
    ("KZ-19", "Еңбекшіқазақ", "Енбекшиказахского", "Enbekshikazakh"),
    ("KZ-19", "Іле", "Илийского", "Ile"),
    ("KZ-19", "Талғар", "Талгарского", "Talgar"),
    ("KZ-23", "Жылыой", "Жылыойского", "Zhylyoi"),
    ("KZ-23", "Исатай", "Исатайского", "Isatay"),
    ("KZ-23", "Махамбет", "Махамбетского", "Makhambet"),
    ("KZ-27", "Бөрлі", "Бурлинского", "Burli"),
    ("KZ-27", "Теректі", "Теректинского", "Terekti"),
    ("KZ-27", "Бәйтерек", "Байтерекского", "Baiterek"),
    ("KZ-31", "Жуалы", "Жуалынского", "Zhualy"),
    ("KZ-31", "Меркі", "Меркенского", "Merki"),
    ("KZ-31", "Шу", "Шуского", "Shu"),
    ("KZ-33", "Кербұлақ", "Кербулакского", "Kerbulak"),
    ("KZ-33", "Ескелді", "Ескельдинского", "Eskeldi"),
    ("KZ-33", "Панфилов", "Панфиловского", "Panfilov"),
    ("KZ-35", "Бұқар жырау", "Бухар-Жырауского", "Bukhar-Zhyrau"),
    ("KZ-35", "Абай", "Абайского", "Abai"),
    ("KZ-35", "Осакаров", "Осакаровского", "Osakarovka"),
    ("KZ-39", "Қарабалық", "Карабалыкского", "Karabalyk"),
    ("KZ-39", "Меңдіқара", "Мендыкаринского", "Mendykara"),
    ("KZ-39", "Федоров", "Федоровского", "Fedorovka"),
    ("KZ-43", "Арал", "Аральского", "Aral"),
    ("KZ-43", "Қазалы", "Казалинского", "Kazaly"),
    ("KZ-43", "Сырдария", "Сырдарьинского", "Syrdarya"),
    ("KZ-47", "Қарақия", "Каракиянского", "Karakiya"),
    ("KZ-47", "Мұнайлы", "Мунайлинского", "Munaily"),
    ("KZ-47", "Түпқараған", "Тупкараганского", "Tupkaragan"),
    ("KZ-55", "Ертіс", "Иртышского", "Irtysh"),
    ("KZ-55", "Успен", "Успенского", "Uspenka"),
    ("KZ-55", "Шарбақты", "Щербактинского", "Sharbakty"),
    ("KZ-59", "Аққайың", "Аккайынского", "Akkayin"),
    ("KZ-59", "Есіл", "Есильского", "Yesil"),
    ("KZ-59", "Тайынша", "Тайыншинского", "Tayinsha"),
    ("KZ-61", "Сарыағаш", "Сарыагашского", "Saryagash"),
    ("KZ-61", "Төлеби", "Толебийского", "Tolebi"),
    ("KZ-61", "Сайрам", "Сайрамского", "Sairam"),
    ("KZ-62", "Ұлытау", "Улытауского", "Ulytau"),
    ("KZ-62", "Жаңаарқа", "Жанааркинского", "Zhanaarka"),
    ("KZ-63", "Глубокое", "Глубоковского", "Glubokoye"),
    ("KZ-63", "Зайсан", "Зайсанского", "Zaisan"),
    ("KZ-63", "Шемонаиха", "Шемонаихинского", "Shemonaikha"),
    ("KZ-71", "Алматы", "Алматинского", "Almaty"),
    ("KZ-71", "Есіл", "Есильского", "Yesil"),
    ("KZ-71", "Сарыарқа", "Сарыаркинского", "Saryarka"),
    ("KZ-75", "Алмалы", "Алмалинского", "Almaly"),
    ("KZ-75", "Бостандық", "Бостандыкского", "Bostandyk"),
    ("KZ-75", "Медеу", "Медеуского", "Medeu"),
    ("KZ-79", "Абай", "Абайского", "Abai"),
    ("KZ-79", "Әл-Фараби", "Аль-Фарабийского", "Al-Farabi"),
    ("KZ-79", "Еңбекші", "Енбекшинского", "Yenbekshi"),
];

/// Fictional districts ("First", "Second") for a region the table above does not know.
const FICTIONAL_DISTRICTS: &[District] = &[("Бірінші", "Первого", "First"), ("Екінші", "Второго", "Second")];

fn districts(code: &str) -> Vec<District> {
    let known: Vec<District> =
        DISTRICTS.iter().filter(|(c, ..)| c.eq_ignore_ascii_case(code)).map(|&(_, kk, ru, en)| (kk, ru, en)).collect();
    if known.is_empty() { FICTIONAL_DISTRICTS.to_vec() } else { known }
}

fn body(key: &str, parent: Option<&str>, kind: BodyKind, region: Option<&str>, names: [String; 3]) -> DemoBody {
    let [name_kk, name_ru, name_en] = names;
    DemoBody {
        key: key.to_owned(),
        parent_key: parent.map(str::to_owned),
        kind,
        region_code: region.map(str::to_owned),
        name_kk,
        name_ru,
        name_en,
    }
}

fn names(kk: &str, ru: &str, en: &str) -> [String; 3] {
    [kk.to_owned(), ru.to_owned(), en.to_owned()]
}

fn bodies(regions: &[Region]) -> Vec<DemoBody> {
    use BodyKind::*;
    let mut out = vec![
        body(
            SESSION,
            None,
            NationalSession,
            None,
            names(
                "Қазақстан халқы Ассамблеясының сессиясы",
                "Сессия Ассамблеи народа Казахстана",
                "Session of the Assembly of People of Kazakhstan",
            ),
        ),
        body(
            COUNCIL,
            Some(SESSION),
            Council,
            None,
            names(
                "Қазақстан халқы Ассамблеясының Кеңесі",
                "Совет Ассамблеи народа Казахстана",
                "Council of the Assembly of People of Kazakhstan",
            ),
        ),
        body(
            "ethnomediation-council",
            Some(COUNCIL),
            EthnomediationCouncil,
            None,
            names(
                "Қазақстан халқы Ассамблеясының Этномедиация жөніндегі кеңесі",
                "Совет по этномедиации Ассамблеи народа Казахстана",
                "Ethnomediation Council of the Assembly of People of Kazakhstan",
            ),
        ),
        body(
            "scientific-expert-council",
            Some(COUNCIL),
            ScientificExpertCouncil,
            None,
            names(
                "Қазақстан халқы Ассамблеясының Ғылыми-сараптамалық кеңесі",
                "Научно-экспертный совет Ассамблеи народа Казахстана",
                "Scientific-Expert Council of the Assembly of People of Kazakhstan",
            ),
        ),
        body(
            "state-language-council",
            Some(COUNCIL),
            ThematicCouncil,
            None,
            names(
                "Қазақстан халқы Ассамблеясының Мемлекеттік тіл жөніндегі кеңесі",
                "Совет по государственному языку Ассамблеи народа Казахстана",
                "State Language Council of the Assembly of People of Kazakhstan",
            ),
        ),
        body(
            "youth-council",
            Some(COUNCIL),
            ThematicCouncil,
            None,
            names(
                "Қазақстан халқы Ассамблеясының Жастар кеңесі",
                "Молодёжный совет Ассамблеи народа Казахстана",
                "Youth Council of the Assembly of People of Kazakhstan",
            ),
        ),
    ];
    for region in regions {
        let code = region.code.as_str();
        let slug = code.to_ascii_lowercase();
        let assembly = format!("assembly-{slug}");
        let (kk, ru, en) = if region.kind == "city" {
            (
                format!("{} қаласы Қазақстан халқы Ассамблеясы", region.name_kk),
                format!("Ассамблея народа Казахстана города {}", region.name_ru),
                format!("Assembly of People of Kazakhstan of {} city", region.name_en),
            )
        } else {
            let p = place(region);
            (
                format!("{} Қазақстан халқы Ассамблеясы", p.kk),
                format!("Ассамблея народа Казахстана {}", p.ru_gen),
                format!("Assembly of People of Kazakhstan of {}", p.en),
            )
        };
        out.push(body(&assembly, Some(SESSION), RegionalAssembly, Some(code), [kk, ru, en]));

        let p = place(region);
        for (i, (d_kk, d_ru, d_en)) in districts(code).iter().enumerate() {
            out.push(body(
                &format!("consent-{slug}-{}", i + 1),
                Some(&assembly),
                PublicConsentCouncil,
                Some(code),
                [
                    format!("{} {d_kk} ауданының Қоғамдық келісім кеңесі", p.kk),
                    format!("Совет общественного согласия {d_ru} района {}", p.ru_gen),
                    format!("Public Consent Council of {d_en} District, {}", p.en),
                ],
            ));
        }
        out.push(body(
            &format!("mothers-{slug}"),
            Some(&assembly),
            MothersCouncil,
            Some(code),
            [
                format!("{} Аналар кеңесі", p.kk_gen),
                format!("Совет матерей {}", p.ru_gen),
                format!("Council of Mothers of {}", p.en),
            ],
        ));
    }
    out
}

// ---------------------------------------------------------------------------------------------------------------
// Associations

/// Russian genitive plural of the groups of `reference/ethnic-groups.csv`, for «Этнокультурный центр немцев».
/// Groups missing here get a quoted name instead («Этнокультурный центр «Немцы»»).
const RUSSIAN_GENITIVE_PLURAL: &[(&str, &str)] = &[
    ("kazakhs", "казахов"),
    ("russians", "русских"),
    ("uzbeks", "узбеков"),
    ("ukrainians", "украинцев"),
    ("uyghurs", "уйгуров"),
    ("germans", "немцев"),
    ("tatars", "татар"),
    ("azerbaijanis", "азербайджанцев"),
    ("koreans", "корейцев"),
    ("turks", "турок"),
    ("dungans", "дунган"),
    ("belarusians", "белорусов"),
    ("tajiks", "таджиков"),
    ("kurds", "курдов"),
    ("kyrgyz", "кыргызов"),
    ("chechens", "чеченцев"),
    ("poles", "поляков"),
    ("bashkirs", "башкир"),
    ("greeks", "греков"),
    ("armenians", "армян"),
    ("bulgarians", "болгар"),
    ("chuvash", "чувашей"),
    ("mordvins", "мордвы"),
    ("moldovans", "молдаван"),
    ("lithuanians", "литовцев"),
    ("latvians", "латышей"),
    ("estonians", "эстонцев"),
    ("ingush", "ингушей"),
    ("karachays", "карачаевцев"),
    ("balkars", "балкарцев"),
    ("lezgins", "лезгин"),
    ("avars", "аварцев"),
    ("dargins", "даргинцев"),
    ("kumyks", "кумыков"),
    ("nogais", "ногайцев"),
    ("ossetians", "осетин"),
    ("georgians", "грузин"),
    ("turkmens", "туркмен"),
    ("karakalpaks", "каракалпаков"),
    ("kalmyks", "калмыков"),
    ("jews", "евреев"),
    ("mari", "марийцев"),
    ("udmurts", "удмуртов"),
    ("komi", "коми"),
    ("gagauz", "гагаузов"),
    ("crimean-tatars", "крымских татар"),
    ("persians", "персов"),
    ("assyrians", "ассирийцев"),
    ("chinese", "китайцев"),
    ("mongols", "монголов"),
    ("czechs", "чехов"),
    ("hungarians", "венгров"),
    ("finns", "финнов"),
    ("roma", "цыган"),
];

/// Groups that often share one association.
const PAIRS: &[(&str, &str)] = &[
    ("russians", "belarusians"),
    ("ukrainians", "belarusians"),
    ("chechens", "ingush"),
    ("karachays", "balkars"),
    ("avars", "lezgins"),
    ("latvians", "lithuanians"),
    ("tatars", "bashkirs"),
];

/// A group's name in the forms association names need.
struct GroupNames {
    slug: String,
    /// The stem used as an attribute: «неміс» (этномәдени орталығы).
    kk_stem: String,
    /// The possessive plural: «немістері» (Қазақстан немістері).
    kk_possessive: String,
    /// The genitive plural, when known: «немцев».
    ru_gen: Option<String>,
    /// The name with a capital letter, for quoting: «Немцы».
    ru_title: String,
    /// «Germans».
    en: String,
}

fn group_names(group: &EthnicGroup) -> GroupNames {
    let kk = group.name_kk.trim();
    let kk_stem = ["лары", "лері", "лар", "лер", "дар", "дер", "тар", "тер"]
        .iter()
        .find_map(|suffix| kk.strip_suffix(suffix).filter(|stem| !stem.is_empty()))
        .unwrap_or(kk)
        .to_owned();
    let kk_possessive = if kk.ends_with('ы') || kk.ends_with('і') {
        kk.to_owned()
    } else if kk.ends_with("ер") {
        format!("{kk}і")
    } else {
        format!("{kk}ы")
    };
    let ru_gen = RUSSIAN_GENITIVE_PLURAL
        .iter()
        .find(|(slug, _)| *slug == group.slug)
        .map(|(_, genitive)| (*genitive).to_owned());
    GroupNames {
        slug: group.slug.clone(),
        kk_stem,
        kk_possessive,
        ru_gen,
        ru_title: capitalize(group.name_ru.trim()),
        en: group.name_en.trim().to_owned(),
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// A weight that favours large groups without drowning the small ones: the square root of thousands of people.
fn weight(group: &EthnicGroup) -> u64 {
    let thousands = group.population().unwrap_or(0).max(0) as u64 / 1000;
    thousands.isqrt().max(2)
}

/// Picks an index by weight, among those not yet used.
fn pick_weighted(rng: &mut Rng, weights: &[u64], used: &[bool]) -> Option<usize> {
    let total: u64 = weights.iter().zip(used).filter(|(_, u)| !**u).map(|(w, _)| *w).sum();
    if total == 0 {
        return None;
    }
    let mut target = rng.next() % total;
    for (i, (w, u)) in weights.iter().zip(used).enumerate() {
        if *u {
            continue;
        }
        if target < *w {
            return Some(i);
        }
        target -= w;
    }
    None
}

fn associations(rng: &mut Rng, regions: &[Region], groups: &[EthnicGroup]) -> Vec<DemoAssociation> {
    // Ethnocultural associations are those of the groups other than the titular one.
    let candidates: Vec<&EthnicGroup> = groups.iter().filter(|g| g.slug != "kazakhs").collect();
    if candidates.is_empty() {
        return Vec::new();
    }
    let names: Vec<GroupNames> = candidates.iter().map(|g| group_names(g)).collect();
    let weights: Vec<u64> = candidates.iter().map(|g| weight(g)).collect();
    let index_of = |slug: &str| names.iter().position(|n| n.slug == slug);
    let mut out = Vec::new();

    // Republican associations: one for each of the ten largest groups.
    let mut by_size: Vec<usize> = (0..candidates.len()).collect();
    by_size.sort_by(|&a, &b| {
        let (ga, gb) = (candidates[a], candidates[b]);
        gb.population().unwrap_or(0).cmp(&ga.population().unwrap_or(0)).then_with(|| ga.slug.cmp(&gb.slug))
    });
    for (n, &i) in by_size.iter().take(10).enumerate() {
        let g = &names[i];
        let key = format!("republican-{}", g.slug);
        let (kk, ru, en) = if n % 3 == 2 {
            (
                format!("Республикалық {} этномәдени орталығы", g.kk_stem),
                match &g.ru_gen {
                    Some(genitive) => format!("Республиканский этнокультурный центр {genitive}"),
                    None => format!("Республиканский этнокультурный центр «{}»", g.ru_title),
                },
                format!("Republican Ethnocultural Centre of the {}", g.en),
            )
        } else {
            (
                format!("Қазақстан {} қауымдастығы", g.kk_possessive),
                match &g.ru_gen {
                    Some(genitive) => format!("Ассоциация {genitive} Казахстана"),
                    None => format!("Ассоциация «{}» Казахстана", g.ru_title),
                },
                format!("Association of the {} of Kazakhstan", g.en),
            )
        };
        out.push(association(rng, key, Level::Republican, None, [kk, ru, en], vec![g.slug.clone()]));
    }

    // Regional associations: three to five in every region, the cities of republican significance having the most.
    for (r, region) in regions.iter().enumerate() {
        let p = place(region);
        let slug = region.code.to_ascii_lowercase();
        let count = (3 + r % 2 + usize::from(region.kind == "city")).min(candidates.len());
        let mut used = vec![false; candidates.len()];
        for n in 1..=count {
            let Some(first) = pick_weighted(rng, &weights, &used) else { break };
            used[first] = true;
            let mut chosen = vec![first];
            if rng.chance(20) {
                let partner = PAIRS.iter().find_map(|&(a, b)| {
                    let (ia, ib) = (index_of(a)?, index_of(b)?);
                    if ia == first && !used[ib] {
                        Some(ib)
                    } else if ib == first && !used[ia] {
                        Some(ia)
                    } else {
                        None
                    }
                });
                if let Some(partner) = partner {
                    used[partner] = true;
                    chosen.push(partner);
                }
            }
            let key = format!("association-{slug}-{n}");
            let group_slugs = chosen.iter().map(|&i| names[i].slug.clone()).collect();
            let texts = match chosen.as_slice() {
                [one] => single_group_names(rng, &names[*one], &p),
                [a, b, ..] => two_group_names(&names[*a], &names[*b], &p),
                [] => unreachable!("an association always has its first group"),
            };
            out.push(association(rng, key, Level::Regional, Some(&region.code), texts, group_slugs));
        }
    }
    out
}

fn single_group_names(rng: &mut Rng, g: &GroupNames, p: &Place) -> [String; 3] {
    let quoted = || format!("«{}»", g.ru_title);
    let ru_gen = g.ru_gen.clone().unwrap_or_else(quoted);
    match rng.below(3) {
        0 => [
            format!("{} {} этномәдени орталығы", p.kk_gen, g.kk_stem),
            format!("Этнокультурный центр {ru_gen} {}", p.ru_gen),
            format!("Ethnocultural Centre of the {} of {}", g.en, p.en),
        ],
        1 => [
            format!("{} {} этномәдени бірлестігі", p.kk_gen, g.kk_stem),
            format!("Этнокультурное объединение {ru_gen} {}", p.ru_gen),
            format!("Ethnocultural Association of the {} of {}", g.en, p.en),
        ],
        _ => [
            format!("{} {} мәдени орталығы", p.kk_gen, g.kk_stem),
            format!("Культурный центр {ru_gen} {}", p.ru_gen),
            format!("Cultural Centre of the {} of {}", g.en, p.en),
        ],
    }
}

fn two_group_names(a: &GroupNames, b: &GroupNames, p: &Place) -> [String; 3] {
    let ru = match (&a.ru_gen, &b.ru_gen) {
        (Some(ga), Some(gb)) => format!("Культурный центр {ga} и {gb} {}", p.ru_gen),
        _ => format!("Культурный центр «{}» и «{}» {}", a.ru_title, b.ru_title, p.ru_gen),
    };
    [
        format!("{} {} және {} мәдени орталығы", p.kk_gen, a.kk_stem, b.kk_stem),
        ru,
        format!("Cultural Centre of the {} and {} of {}", a.en, b.en, p.en),
    ]
}

fn association(
    rng: &mut Rng,
    key: String,
    level: Level,
    region: Option<&str>,
    names: [String; 3],
    groups: Vec<String>,
) -> DemoAssociation {
    let [name_kk, name_ru, name_en] = names;
    let founded_year = if rng.chance(90) { Some(rng.between(1989, 2022)) } else { None };
    let website = if rng.chance(40) { Some(format!("https://example.org/birlik-demo/{key}")) } else { None };
    DemoAssociation {
        key,
        level,
        region_code: region.map(str::to_owned),
        name_kk,
        name_ru,
        name_en,
        founded_year,
        website,
        groups,
    }
}

// ---------------------------------------------------------------------------------------------------------------
// People

/// How patronymics are formed in a name pool. Lists are words separated by spaces.
enum Patronymics {
    /// Kazakh: the father's name and «ұлы» (son) or «қызы» (daughter): «Серікұлы», «Серікқызы».
    Kazakh(&'static str),
    /// Russian-style pairs «male/female»: «Николаевич/Николаевна».
    Russian(&'static str),
}

/// Names as people of one background would write them in the registry: «Surname Given Patronymic», Cyrillic.
/// Lists are words separated by spaces.
struct NamePool {
    /// The ethnic groups (slugs) whose members mostly bear such names.
    groups: &'static [&'static str],
    /// How often the pool is drawn for a person who represents no association of its groups.
    weight: usize,
    male: &'static str,
    female: &'static str,
    surnames: &'static str,
    /// Whether surnames take a feminine form (Ахметов → Ахметова); Ким, Шмидт, Шевченко do not.
    feminine_surnames: bool,
    patronymics: Patronymics,
}

const RUSSIAN_PATRONYMICS: &str = "Александрович/Александровна Сергеевич/Сергеевна Николаевич/Николаевна \
    Владимирович/Владимировна Викторович/Викторовна Петрович/Петровна Иванович/Ивановна Михайлович/Михайловна \
    Юрьевич/Юрьевна Андреевич/Андреевна";

const POOLS: &[NamePool] = &[
    NamePool {
        groups: &["kazakhs"],
        weight: 50,
        male: "Асхат Ерлан Нұрлан Серік Бауыржан Дәурен Арман Ержан Қайрат Мұрат Талғат Жандос Ғалым Нұржан Ақылбек \
            Бекзат",
        female: "Айгүл Гүлнар Динара Сәуле Жанар Әсел Мәдина Ақмарал Салтанат Назгүл Ләззат Гүлмира Айжан Меруерт",
        surnames: "Омаров Сейітов Жұмабаев Қасымов Тұрсынов Бекенов Оспанов Ахметов Сәрсенбаев Есенов Мұхамеджанов \
            Жақсылықов Нұрпейісов Әбдірахманов Құдайбергенов Смағұлов",
        feminine_surnames: true,
        patronymics: Patronymics::Kazakh(
            "Серік Бауыржан Нұрлан Қайрат Мұрат Ерлан Болат Жұмабек Асқар Тимур Самат Ермек",
        ),
    },
    NamePool {
        groups: &["russians", "belarusians"],
        weight: 18,
        male: "Александр Сергей Андрей Владимир Дмитрий Николай Игорь Олег Павел Евгений",
        female: "Елена Ольга Наталья Татьяна Ирина Светлана Марина Людмила Анна Вера",
        surnames: "Иванов Петров Смирнов Кузнецов Соколов Попов Лебедев Новиков Морозов Волков Фёдоров Зайцев",
        feminine_surnames: true,
        patronymics: Patronymics::Russian(RUSSIAN_PATRONYMICS),
    },
    NamePool {
        groups: &["uzbeks"],
        weight: 6,
        male: "Рустам Шерзод Бахтиёр Улугбек Фаррух Азиз Зафар",
        female: "Дильноза Гульноза Нигора Шахноза Мохира Феруза",
        surnames: "Юсупов Рахимов Каримов Турсунов Мирзаев Алимов Хакимов Усманов",
        feminine_surnames: true,
        patronymics: Patronymics::Russian(
            "Алимович/Алимовна Каримович/Каримовна Рахимович/Рахимовна Турсунович/Турсуновна Юсупович/Юсуповна",
        ),
    },
    NamePool {
        groups: &["ukrainians"],
        weight: 5,
        male: "Тарас Богдан Остап Василий Григорий Юрий Степан",
        female: "Оксана Галина Олеся Леся Зоряна Наталья",
        surnames: "Шевченко Коваленко Бондаренко Ткачук Мельничук Кравченко Савчук Гончаренко",
        feminine_surnames: false,
        patronymics: Patronymics::Russian(
            "Тарасович/Тарасовна Богданович/Богдановна Степанович/Степановна Григорьевич/Григорьевна \
                Васильевич/Васильевна",
        ),
    },
    NamePool {
        groups: &["uyghurs"],
        weight: 5,
        male: "Абдулла Ильхам Кадыр Анвар Ахмеджан Шавкат",
        female: "Гульмира Зухра Райхангуль Мадина Патигуль Назугум",
        surnames: "Хасанов Розахунов Мамутов Нурахунов Ахмедов Исмаилов Сабитов Юнусов",
        feminine_surnames: true,
        patronymics: Patronymics::Russian(
            "Абдуллаевич/Абдуллаевна Ильхамович/Ильхамовна Кадырович/Кадыровна Тургунович/Тургуновна",
        ),
    },
    NamePool {
        groups: &["germans"],
        weight: 5,
        male: "Виктор Андреас Вальдемар Генрих Эдуард Роберт",
        female: "Эльвира Лидия Ирина Мария Эмма Ольга",
        surnames: "Шмидт Миллер Вебер Шульц Келлер Фишер Беккер Вагнер",
        feminine_surnames: false,
        patronymics: Patronymics::Russian(
            "Генрихович/Генриховна Эдуардович/Эдуардовна Яковлевич/Яковлевна Андреевич/Андреевна Давидович/Давидовна",
        ),
    },
    NamePool {
        groups: &["koreans"],
        weight: 5,
        male: "Виктор Владимир Евгений Роман Сергей Вячеслав",
        female: "Елена Светлана Анна Марина Юлия Инна",
        surnames: "Ким Пак Ли Цой Хан Тен Югай Шегай",
        feminine_surnames: false,
        patronymics: Patronymics::Russian(RUSSIAN_PATRONYMICS),
    },
    NamePool {
        groups: &["tatars", "bashkirs"],
        weight: 6,
        male: "Рашид Ильдар Рустем Марат Ринат Айдар",
        female: "Гульнара Альфия Лейсан Эльмира Резеда Венера",
        surnames: "Габдуллин Хайруллин Сафин Гарипов Нуриев Валиев Шарипов Ахметзянов",
        feminine_surnames: true,
        patronymics: Patronymics::Russian(
            "Ринатович/Ринатовна Маратович/Маратовна Рашидович/Рашидовна Ильдарович/Ильдаровна",
        ),
    },
];

fn feminine_surname(surname: &str) -> String {
    if ["ов", "ев", "ёв", "ин", "ын"].iter().any(|end| surname.ends_with(end)) {
        format!("{surname}а")
    } else {
        surname.to_owned()
    }
}

/// Hands out fictional full names, each once.
#[derive(Default)]
struct People {
    used: HashSet<String>,
}

impl People {
    /// A new person; one who represents a group usually bears a name of that group, when a pool has them.
    fn person(&mut self, rng: &mut Rng, female: bool, group: Option<&str>) -> String {
        let total: usize = POOLS.iter().map(|p| p.weight).sum();
        let own = group.and_then(|slug| POOLS.iter().find(|p| p.groups.contains(&slug)));
        let mut name = String::new();
        // The pools hold tens of thousands of combinations: a few tries always find a new one in practice; should
        // they not, the last name is reused, which only makes one person sit in two bodies.
        for _ in 0..64 {
            let mut pool = &POOLS[0];
            match own {
                // Families are mixed: one in five representatives bears a name from another pool.
                Some(own) if rng.chance(80) => pool = own,
                _ => {
                    let mut target = rng.below(total);
                    for candidate in POOLS {
                        if target < candidate.weight {
                            pool = candidate;
                            break;
                        }
                        target -= candidate.weight;
                    }
                }
            }
            let surname = rng.word(pool.surnames);
            let surname = if female && pool.feminine_surnames { feminine_surname(surname) } else { surname.to_owned() };
            let given = rng.word(if female { pool.female } else { pool.male });
            let patronymic = match pool.patronymics {
                Patronymics::Kazakh(fathers) => format!("{}{}", rng.word(fathers), if female { "қызы" } else { "ұлы" }),
                Patronymics::Russian(pairs) => {
                    let (m, f) = rng.word(pairs).split_once('/').unwrap_or_else(|| panic!("{pairs}: male/female"));
                    (if female { f } else { m }).to_owned()
                }
            };
            name = format!("{surname} {given} {patronymic}");
            if self.used.insert(name.clone()) {
                break;
            }
        }
        name
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Members

/// An ISO date with a day that exists in every month.
#[derive(Clone, Copy)]
struct Date {
    year: i64,
    month: i64,
    day: i64,
}

impl Date {
    fn random(rng: &mut Rng, from_year: i64, to_year: i64) -> Date {
        Date { year: rng.between(from_year, to_year), month: rng.between(1, 12), day: rng.between(1, 28) }
    }

    fn plus_years(self, years: i64) -> Date {
        Date { year: self.year + years, ..self }
    }

    /// The later of two dates.
    fn max_with(self, other: Date) -> Date {
        if (other.year, other.month, other.day) > (self.year, self.month, self.day) { other } else { self }
    }

    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How many ordinary members (besides chair, deputy chair and secretary) a body of this kind gets.
fn ordinary_members(rng: &mut Rng, kind: BodyKind) -> usize {
    match kind {
        BodyKind::NationalSession => 12,
        BodyKind::Council => rng.between(8, 11) as usize,
        BodyKind::EthnomediationCouncil | BodyKind::ScientificExpertCouncil => rng.between(4, 6) as usize,
        BodyKind::ThematicCouncil => rng.between(3, 5) as usize,
        BodyKind::RegionalAssembly => rng.between(6, 9) as usize,
        BodyKind::PublicConsentCouncil | BodyKind::MothersCouncil => rng.between(1, 3) as usize,
    }
}

fn members(rng: &mut Rng, bodies: &[DemoBody], associations: &[DemoAssociation]) -> Vec<DemoMember> {
    let mut people = People::default();
    let republican: Vec<&DemoAssociation> = associations.iter().filter(|a| a.level == Level::Republican).collect();
    let all: Vec<&DemoAssociation> = associations.iter().collect();
    let mut seats: Vec<DemoMember> = Vec::new();
    // The deputy chairs of the regional assemblies also sit in the national session, so that some people hold two
    // seats (a demo arrangement, not a statement about the real Assembly).
    let mut regional_deputies: Vec<DemoMember> = Vec::new();

    // The session is filled last (it takes in the regional deputies) but listed first.
    for body in bodies.iter().filter(|b| b.kind != BodyKind::NationalSession) {
        let regional: Vec<&DemoAssociation> = match &body.region_code {
            Some(code) => associations.iter().filter(|a| a.region_code.as_deref() == Some(code.as_str())).collect(),
            None => Vec::new(),
        };
        let pool: &[&DemoAssociation] = match body.kind {
            _ if body.region_code.is_some() => &regional,
            BodyKind::Council => &republican,
            BodyKind::ThematicCouncil => &all,
            // Scholars and mediators sit in their own name.
            _ => &[],
        };
        let body_seats = seat_body(rng, &mut people, body, pool);
        if body.kind == BodyKind::RegionalAssembly {
            regional_deputies.extend(body_seats.iter().filter(|s| s.position == Position::DeputyChair).cloned());
        }
        seats.extend(body_seats);
    }

    let mut out = Vec::with_capacity(seats.len() + regional_deputies.len() + 16);
    if let Some(session) = bodies.iter().find(|b| b.kind == BodyKind::NationalSession) {
        let pool: &[&DemoAssociation] = if republican.is_empty() { &all } else { &republican };
        out.extend(seat_body(rng, &mut people, session, pool));
        // Their seat in the session lasts as long as their regional office.
        out.extend(regional_deputies.into_iter().map(|deputy| DemoMember {
            body_key: session.key.clone(),
            position: Position::Member,
            ..deputy
        }));
    }
    out.extend(seats);
    out
}

/// A chair, a deputy chair, a secretary and some members for one body; they represent associations from `pool`
/// when it is not empty.
fn seat_body(rng: &mut Rng, people: &mut People, body: &DemoBody, pool: &[&DemoAssociation]) -> Vec<DemoMember> {
    // Members of a body usually share a term; some joined later, some left early.
    let start = Date::random(rng, 2019, 2023);
    let term_years = rng.between(3, 5);
    let closed = rng.chance(30);
    let ordinary = ordinary_members(rng, body.kind);
    let positions = [Position::Chair, Position::DeputyChair, Position::Secretary]
        .into_iter()
        .chain(std::iter::repeat_n(Position::Member, ordinary));
    let mut out = Vec::new();
    for position in positions {
        let female = body.kind == BodyKind::MothersCouncil || rng.chance(40);
        let term_start = if rng.chance(25) { Date::random(rng, start.year, 2024).max_with(start) } else { start };
        let term_end = if closed {
            Some(start.plus_years(term_years).max_with(term_start.plus_years(1)))
        } else if rng.chance(8) {
            Some(term_start.plus_years(rng.between(1, 2)))
        } else {
            None
        };
        let association = if pool.is_empty() { None } else { Some(*rng.pick(pool)) };
        let group = association.and_then(|a| a.groups.first()).map(String::as_str);
        out.push(DemoMember {
            full_name: people.person(rng, female, group),
            body_key: body.key.clone(),
            association_key: association.map(|a| a.key.clone()),
            position,
            term_start: term_start.iso(),
            term_end: term_end.map(Date::iso),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};
    use std::path::Path;

    use super::*;

    fn reference(file: &str) -> csv::Reader<std::fs::File> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("reference").join(file);
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn columns(reader: &mut csv::Reader<std::fs::File>) -> HashMap<String, usize> {
        reader.headers().unwrap().iter().enumerate().map(|(i, h)| (h.to_owned(), i)).collect()
    }

    fn optional(s: &str) -> Option<String> {
        (!s.is_empty()).then(|| s.to_owned())
    }

    fn regions() -> Vec<Region> {
        let mut reader = reference("regions.csv");
        let col = columns(&mut reader);
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let f = |name: &str| r[col[name]].to_owned();
                Region {
                    code: f("iso_3166_2"),
                    kind: f("type"),
                    name_kk: f("name_kk_cyrl"),
                    name_ru: f("name_ru"),
                    name_en: f("name_en"),
                    centre_kk: optional(&f("centre_kk_cyrl")),
                    centre_ru: optional(&f("centre_ru")),
                    centre_en: optional(&f("centre_en")),
                }
            })
            .collect()
    }

    fn groups() -> Vec<EthnicGroup> {
        let mut reader = reference("ethnic-groups.csv");
        let col = columns(&mut reader);
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                let f = |name: &str| r[col[name]].to_owned();
                let count = |name: &str| optional(&f(name)).map(|n| n.parse::<i64>().unwrap());
                EthnicGroup {
                    slug: f("slug"),
                    name_kk: f("name_kk"),
                    name_ru: f("name_ru"),
                    name_en: f("name_en"),
                    census_2021: count("census_2021"),
                    estimate_2025: count("estimate_2025"),
                }
            })
            .collect()
    }

    fn demo() -> DemoData {
        generate(&regions(), &groups())
    }

    fn is_iso_date(s: &str) -> bool {
        let parts: Vec<&str> = s.split('-').collect();
        let [y, m, d] = parts.as_slice() else { return false };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return false;
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i64>(), m.parse::<i64>(), d.parse::<i64>()) else { return false };
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let days = match m {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&d)
    }

    #[test]
    fn reference_data_is_well_formed() {
        let regions = regions();
        assert_eq!(regions.len(), 20);
        assert_eq!(regions.iter().filter(|r| r.kind == "city").count(), 3);
        assert!(regions.iter().all(|r| r.kind == "city" || r.kind == "region"));
        let groups = groups();
        assert!(groups.len() >= 40, "{} groups", groups.len());
        let mut slugs = HashSet::new();
        for g in &groups {
            assert!(slugs.insert(&g.slug), "duplicate slug {}", g.slug);
            assert!(
                !g.slug.is_empty() && g.slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "bad slug {}",
                g.slug
            );
            for name in [&g.name_kk, &g.name_ru, &g.name_en] {
                assert!(!name.trim().is_empty(), "{} lacks a name", g.slug);
            }
            // Kazakh and Russian names are Cyrillic plural ethnonyms in lower case.
            assert!(g.name_kk.chars().all(|c| c == ' ' || (c.is_lowercase() && !c.is_ascii())), "{}", g.name_kk);
            assert!(g.name_ru.chars().all(|c| c == ' ' || (c.is_lowercase() && !c.is_ascii())), "{}", g.name_ru);
        }
        assert_eq!(groups[0].slug, "kazakhs");
        assert_eq!(groups[0].census_2021, Some(13_497_891));
        // Every group the Russian association names know is in the table, and the other way round.
        for (slug, _) in RUSSIAN_GENITIVE_PLURAL {
            assert!(slugs.contains(&slug.to_string()), "{slug} is not a group");
        }
        for g in &groups {
            assert!(RUSSIAN_GENITIVE_PLURAL.iter().any(|(s, _)| *s == g.slug), "{} lacks a genitive", g.slug);
        }
    }

    #[test]
    fn bodies_have_the_assembly_structure() {
        let regions = regions();
        let data = demo();
        let of_kind = |kind: BodyKind| data.bodies.iter().filter(move |b| b.kind == kind);
        let session: Vec<_> = of_kind(BodyKind::NationalSession).collect();
        assert_eq!(session.len(), 1);
        assert_eq!(session[0].parent_key, None);
        assert_eq!(data.bodies[0].key, session[0].key);
        let council: Vec<_> = of_kind(BodyKind::Council).collect();
        assert_eq!(council.len(), 1);
        assert_eq!(council[0].parent_key.as_ref(), Some(&session[0].key));
        for kind in [BodyKind::EthnomediationCouncil, BodyKind::ScientificExpertCouncil] {
            let bodies: Vec<_> = of_kind(kind).collect();
            assert_eq!(bodies.len(), 1, "{kind:?}");
            assert_eq!(bodies[0].parent_key.as_ref(), Some(&council[0].key));
        }
        let thematic = of_kind(BodyKind::ThematicCouncil).count();
        assert!((1..=2).contains(&thematic));
        assert!(of_kind(BodyKind::ThematicCouncil).all(|b| b.parent_key.as_ref() == Some(&council[0].key)));

        let assemblies: Vec<_> = of_kind(BodyKind::RegionalAssembly).collect();
        assert_eq!(assemblies.len(), 20);
        for region in &regions {
            let mine: Vec<_> =
                assemblies.iter().filter(|b| b.region_code.as_deref() == Some(region.code.as_str())).collect();
            assert_eq!(mine.len(), 1, "{}", region.code);
            let assembly = mine[0];
            assert_eq!(assembly.parent_key.as_ref(), Some(&session[0].key));
            let children: Vec<_> =
                data.bodies.iter().filter(|b| b.parent_key.as_ref() == Some(&assembly.key)).collect();
            let consent = children.iter().filter(|b| b.kind == BodyKind::PublicConsentCouncil).count();
            let mothers = children.iter().filter(|b| b.kind == BodyKind::MothersCouncil).count();
            assert!((2..=3).contains(&consent), "{}: {consent} consent councils", region.code);
            assert_eq!(mothers, 1, "{}", region.code);
            assert!(children.iter().all(|b| b.region_code == assembly.region_code));
        }
        let almaty = assemblies.iter().find(|b| b.region_code.as_deref() == Some("KZ-75")).unwrap();
        assert_eq!(almaty.name_kk, "Алматы қаласы Қазақстан халқы Ассамблеясы");
        assert_eq!(almaty.name_ru, "Ассамблея народа Казахстана города Алматы");
        assert_eq!(almaty.name_en, "Assembly of People of Kazakhstan of Almaty city");
        let akmola = assemblies.iter().find(|b| b.region_code.as_deref() == Some("KZ-11")).unwrap();
        assert_eq!(akmola.name_kk, "Ақмола облысы Қазақстан халқы Ассамблеясы");
        assert_eq!(akmola.name_ru, "Ассамблея народа Казахстана Акмолинской области");
        assert_eq!(akmola.name_en, "Assembly of People of Kazakhstan of Akmola Region");
        let abai = assemblies.iter().find(|b| b.region_code.as_deref() == Some("KZ-10")).unwrap();
        assert_eq!(abai.name_ru, "Ассамблея народа Казахстана области Абай");
    }

    #[test]
    fn keys_are_unique_and_parents_come_first() {
        let data = demo();
        let mut seen = HashSet::new();
        for body in &data.bodies {
            if let Some(parent) = &body.parent_key {
                assert!(seen.contains(parent), "{} is listed before its parent {parent}", body.key);
            }
            assert!(seen.insert(body.key.clone()), "duplicate body key {}", body.key);
        }
        let mut associations = HashSet::new();
        for a in &data.associations {
            assert!(associations.insert(a.key.clone()), "duplicate association key {}", a.key);
        }
        for m in &data.members {
            assert!(seen.contains(&m.body_key), "unknown body {}", m.body_key);
            if let Some(a) = &m.association_key {
                assert!(associations.contains(a), "unknown association {a}");
            }
        }
    }

    #[test]
    fn associations_cover_every_region_and_known_groups() {
        let regions = regions();
        let groups = groups();
        let slugs: HashSet<&str> = groups.iter().map(|g| g.slug.as_str()).collect();
        let data = demo();
        assert!(data.associations.len() >= 80, "{} associations", data.associations.len());
        let republican = data.associations.iter().filter(|a| a.level == Level::Republican).count();
        assert!((8..=12).contains(&republican), "{republican} republican associations");
        for region in &regions {
            assert!(
                data.associations.iter().any(|a| a.region_code.as_deref() == Some(region.code.as_str())),
                "{} has no association",
                region.code
            );
        }
        for a in &data.associations {
            match a.level {
                Level::Republican => assert_eq!(a.region_code, None),
                Level::Regional => assert!(regions.iter().any(|r| Some(&r.code) == a.region_code.as_ref())),
            }
            assert!((1..=2).contains(&a.groups.len()), "{}", a.key);
            for g in &a.groups {
                assert!(slugs.contains(g.as_str()), "{} names unknown group {g}", a.key);
            }
            if let Some(year) = a.founded_year {
                assert!((1989..=2022).contains(&year), "{}: {year}", a.key);
            }
            if let Some(site) = &a.website {
                assert!(site.starts_with("https://example.org/"), "{site}");
            }
            for name in [&a.name_kk, &a.name_ru, &a.name_en] {
                assert!(!name.is_empty() && !name.contains('{') && !name.contains("  "), "{name:?}");
            }
        }
        assert!(data.associations.iter().any(|a| a.groups.len() == 2), "no association of two groups");
    }

    #[test]
    fn members_fill_every_body() {
        let data = demo();
        assert!(data.members.len() >= 400, "{} members", data.members.len());
        let region_of: HashMap<&str, Option<&str>> =
            data.associations.iter().map(|a| (a.key.as_str(), a.region_code.as_deref())).collect();
        for body in &data.bodies {
            let seats: Vec<_> = data.members.iter().filter(|m| m.body_key == body.key).collect();
            for position in [Position::Chair, Position::DeputyChair, Position::Secretary] {
                assert_eq!(seats.iter().filter(|m| m.position == position).count(), 1, "{} {position:?}", body.key);
            }
            assert!(seats.iter().any(|m| m.position == Position::Member), "{} has no members", body.key);
            if let Some(code) = &body.region_code {
                let region_has_associations = region_of.values().any(|r| *r == Some(code.as_str()));
                for m in &seats {
                    match &m.association_key {
                        Some(a) => assert_eq!(region_of[a.as_str()], Some(code.as_str()), "{}", m.full_name),
                        None => assert!(!region_has_associations, "{} represents nothing", m.full_name),
                    }
                }
            }
        }
        for m in &data.members {
            let words: Vec<&str> = m.full_name.split(' ').collect();
            assert_eq!(words.len(), 3, "{}", m.full_name);
            assert!(m.full_name.chars().all(|c| c == ' ' || c == '-' || (c.is_alphabetic() && !c.is_ascii())));
        }
        // Regional deputy chairs also sit in the session: some people hold two seats.
        let mut seats_per_person: HashMap<&str, usize> = HashMap::new();
        for m in &data.members {
            *seats_per_person.entry(&m.full_name).or_default() += 1;
        }
        assert!(seats_per_person.values().any(|&n| n >= 2));
    }

    #[test]
    fn terms_are_valid_dates() {
        let data = demo();
        for m in &data.members {
            assert!(is_iso_date(&m.term_start), "{}", m.term_start);
            let year: i64 = m.term_start[..4].parse().unwrap();
            assert!((2019..=2024).contains(&year), "{}", m.term_start);
            if let Some(end) = &m.term_end {
                assert!(is_iso_date(end), "{end}");
                assert!(end.as_str() >= m.term_start.as_str(), "{} ends {end} before {}", m.full_name, m.term_start);
            }
        }
        assert!(data.members.iter().any(|m| m.term_end.is_none()));
        assert!(data.members.iter().any(|m| m.term_end.is_some()));
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(demo(), demo());
    }

    #[test]
    fn copes_with_minimal_input() {
        let region = Region {
            code: "XX-01".into(),
            kind: "region".into(),
            name_kk: "Сынақ облысы".into(),
            name_ru: "Тестовая область".into(),
            name_en: "Test Region".into(),
            centre_kk: None,
            centre_ru: None,
            centre_en: None,
        };
        let group = EthnicGroup {
            slug: "testers".into(),
            name_kk: "сынақшылар".into(),
            name_ru: "тестировщики".into(),
            name_en: "Testers".into(),
            census_2021: None,
            estimate_2025: None,
        };
        let data = generate(std::slice::from_ref(&region), std::slice::from_ref(&group));
        assert_eq!(data.associations.len(), 2);
        assert!(data.associations.iter().all(|a| a.groups == ["testers"]));
        let consent: Vec<_> = data.bodies.iter().filter(|b| b.kind == BodyKind::PublicConsentCouncil).collect();
        assert_eq!(consent.len(), 2);
        assert_eq!(consent[0].name_ru, "Совет общественного согласия Первого района Тестовой области");
        assert!(data.associations[1].name_ru.contains("«Тестировщики»"), "{}", data.associations[1].name_ru);
        let empty = generate(&[], &[]);
        assert!(empty.associations.is_empty());
        assert!(empty.members.iter().all(|m| m.association_key.is_none()));
    }
}
