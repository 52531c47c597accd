# Бірлік — қазақша мәтіндер (әдепкі тіл).
# Үш файл (kk, ru, en) бірдей кілттерді қамтуы тиіс: `python3 locales/check.py` тексереді.

## Сайт

site-name = Бірлік
skip-to-content = Негізгі мазмұнға өту
nav-label = Негізгі мәзір
nav-regions = Өңірлер
nav-groups = Этностар
nav-associations = Бірлестіктер
nav-bodies = Органдар
nav-open-data = Ашық деректер
nav-audit = Аудит журналы
nav-jobs = Тапсырмалар
language-switch = Тілді таңдау
search-label = Сайт бойынша іздеу
search-placeholder = Атау, өңір, этнос…
search-button = Іздеу
footer-text = Бірлік — ашық бағдарламалық жасақтама. Демо-деректер ойдан құрастырылған: олар нақты адамдар мен ұйымдарды сипаттамайды.
back-home = Басты бетке оралу

## Басты бет

home-title = Қазақстан халқы Ассамблеясы
home-intro = Қазақстан халқы Ассамблеясы 100-ден астам этностың өкілдерін біріктіреді. Оның құрамында Ассамблея сессиясы, Ассамблея Кеңесі, 20 өңірлік ассамблея, мыңнан астам этномәдени бірлестік, Қоғамдық келісім кеңестері мен Аналар кеңестері бар.
home-work-title = Ассамблея не істейді
home-work = Ассамблея этносаралық келісім мен бірлікті сақтайды, жергілікті қауымдастықтарды ортақ іске тартады, олардың үнін мемлекеттік органдарға жеткізеді және шиеленістің алдын алады. Ол мемлекеттік тіл — қазақ тілін дамытады, бұл ретте оны білмейтін ешкімнің құқығы шектелмейді. Бұл сайттағы демо-деректер ойдан құрастырылған.
figure-groups = этнос
figure-regions = өңір
figure-bodies = орган
figure-associations = этномәдени бірлестік
figure-members = орган мүшесі

## Жалпы

choose = — таңдаңыз —
none = Жоқ
none-yet = Әзірге жоқ.
unknown = белгісіз
edit = Өңдеу
save = Сақтау
archive = Мұрағатқа жіберу
archived = Бұл жазба мұрағатта.
filter-all = Барлығы
filter-apply = Көрсету
sort-by = Сұрыптау:
sort-name = атауы бойынша
sort-population = саны бойынша
pagination = Беттер
page-previous = ← Алдыңғы
page-next = Келесі →
form-has-errors = Формада қателер бар: белгіленген өрістерді түзетіңіз.
date-hint = Күнді ЖЖЖЖ-АА-КК түрінде жазыңыз, мысалы 2023-04-27.

## Кесте бағандары

col-person = Аты-жөні
col-name = Атауы
col-code = Коды
col-centre = Әкімшілік орталығы
col-region = Өңір
col-group = Этнос
col-groups = Өкілдік ететін этностар
col-level = Деңгейі
col-founded = Құрылған жылы
col-website = Веб-сайт
col-population = Саны
col-position = Лауазымы
col-term = Өкілеттік мерзімі
col-represents = Өкілдік ететін бірлестігі
col-table = Кесте
name-kk = Атауы қазақша
name-ru = Атауы орысша
name-en = Атауы ағылшынша

## Өңірлер

regions-title = Өңірлер
region-assembly = Өңір ассамблеясы
region-councils = Кеңестер
region-groups = Бірлестіктері бар этностар
region-members = Өңір ассамблеясының мүшелері

## Этностар

groups-title = Этностар
groups-intro = Қазақстанда жүзден астам этностың өкілдері тұрады. Әр этностың бетінде оның мүддесін білдіретін этномәдени бірлестіктер көрсетілген.
groups-source = Дереккөз: Ұлттық статистика бюросы, 2021 жылғы ұлттық халық санағы; санақ деректері жоқ болса — 2025 жылғы бағалау.
census-2021 = 2021 жылғы санақ
estimate-2025 = 2025 жылғы бағалау

## Бірлестіктер

associations-title = Этномәдени бірлестіктер
association-new = Жаңа бірлестік
association-form-title = Этномәдени бірлестік
association-members = Органдардағы өкілдері
count-associations =
    { $count ->
        [one] { $count } бірлестік
       *[other] { $count } бірлестік
    }
see-all-associations = Барлық бірлестіктерді көрсету
level-republican = Республикалық
level-regional = Өңірлік

## Органдар

bodies-title = Ассамблея органдары
bodies-intro = Ассамблея сессиясы мен Кеңесі, өңірлік ассамблеялар және олардың жанындағы кеңестер: Қоғамдық келісім кеңестері, Аналар кеңестері, этномедиация кеңестері, Ғылыми-сараптамалық кеңес.
body-new = Жаңа орган
body-new-child = Бағынысты орган қосу
body-form-title = Орган
body-kind = Орган түрі
body-parent = Жоғары тұрған орган
body-no-parent = Жоғары тұрған орган жоқ
body-national = Республикалық (өңірсіз)
body-children = Бағынысты органдар
person-seats = Ассамблея органдарындағы орындары
body-members = Құрамы
body-kind-national-session = Ассамблея сессиясы
body-kind-council = Ассамблея Кеңесі
body-kind-regional-assembly = Өңірлік ассамблея
body-kind-public-consent-council = Қоғамдық келісім кеңесі
body-kind-mothers-council = Аналар кеңесі
body-kind-ethnomediation-council = Этномедиация кеңесі
body-kind-scientific-expert-council = Ғылыми-сараптамалық кеңес
body-kind-thematic-council = Тақырыптық кеңес

## Мүшелік

membership-new = Мүше қосу
membership-form-title = Орган мүшесі
term-start = Өкілеттігінің басталуы
term-end = Өкілеттігінің аяқталуы
position-chair = Төраға
position-deputy-chair = Төрағаның орынбасары
position-secretary = Хатшы
position-member = Мүше

## Іздеу

search-title = Іздеу
search-results =
    { $count ->
        [one] { $count } нәтиже табылды
       *[other] { $count } нәтиже табылды
    }
kind-group = Этнос
kind-association = Этномәдени бірлестік
kind-body = Орган
kind-person = Тұлға

## Ашық деректер

open-data-title = Ашық деректер
open-data-intro = Тізілім деректерін CSV және JSON форматында еркін жүктеп алуға болады; органдар мен олардың мүшелері Popolo форматында да бар. API OpenAPI сипаттамасында берілген.
table-regions = Өңірлер
table-ethnic-groups = Этностар
table-bodies = Органдар
table-associations = Этномәдени бірлестіктер
table-members = Орган мүшелері
import-problem = { $row }-жол: { $field }: { $message }
import-unknown-column = Белгісіз баған; файлдың бағандары: { $columns }.
import-missing-column = Баған жоқ; файлдың бағандары: { $columns }.
import-duplicate-column = Баған екі рет көрсетілген.
import-cannot-read = { $file } файлын оқу мүмкін болмады: { $error }
import-refused = { $count } қате табылды; ештеңе импортталмады.
import-checking = Тексерілуде
import-writing = Жазылуда
import-search-later = Жұмыс істеп тұрған серверлер жаңа жолдарды іздеуге бірнеше секундта қосады; тоқтап тұрған сервер — іске қосылғанда.
import-done = { $file } файлынан { $count } жол импортталды.

## Тіркелгі

login = Кіру
logout = Шығу
register = Тіркелу
login-failed = Электрондық пошта немесе құпиясөз қате.
account-title = Жеке кабинет
email = Электрондық пошта
display-name = Көрсетілетін есім
password = Құпиясөз
password-hint = Кемінде 10 таңба.
password-change = Құпиясөзді өзгерту
password-changed = Құпиясөз өзгертілді.
password-current = Қазіргі құпиясөз
password-new = Жаңа құпиясөз
roles = Рөлдері
role-admin = Әкімші
role-secretariat = Хатшылық
role-member = Орган мүшесі
role-participant = Қатысушы

## Аудит

audit-title = Аудит журналы
audit-when = Уақыты
audit-actor = Пайдаланушы
audit-action = Әрекет
audit-entity = Нысан
audit-entity-id = Нысан ID
audit-before = Бұрын
audit-after = Кейін
jobs-title = Тоқтатылған тапсырмалар
jobs-intro = Бұл таймерлер барлық әрекетте орындалмай, операторды күтіп тұр. Себебі жойылғанда тапсырманы қайталаңыз: ол бірден қайта орындалады.
jobs-empty = Тоқтатылған тапсырма жоқ.
jobs-kind = Түрі
jobs-key = Кілті
jobs-attempts = Әрекет саны
jobs-parked-at = Тоқтатылған уақыты
jobs-error = Соңғы қате
jobs-retry = Қайталау

## Қателер

error-not-found = Сұралған бет табылмады.
error-validation = Енгізілген деректерде қателер бар.
error-bad-request = Сұрау дұрыс емес.
error-not-utf8 = Формада мәтін емес байттар бар (UTF-8 қате); ештеңе сақталмады. Оны беттен қайта жіберіңіз.
error-login-required = Жалғастыру үшін жүйеге кіріңіз.
error-archived = Бұл жазба мұрағатта: оны өзгертуге болмайды.
error-forbidden = Бұл әрекетке құқығыңыз жоқ.
error-rate-limited = Сұрау тым көп. Біраз күтіп, қайталап көріңіз.
error-too-large = Жіберілген деректер тым үлкен.
error-internal = Серверде қате шықты. Кейінірек қайталап көріңіз.
error-csrf = Форманың мерзімі өтіп кеткен немесе ол басқа сайттан жіберілген. Бетті жаңартып, қайталап көріңіз.

## Өріс қателері

field-required = Бұл өрісті толтырыңыз.
field-too-short = Кемінде { $min } таңба болуы керек.
field-too-long = Ең көбі { $max } таңба болуы керек.
field-invalid-characters = Рұқсат етілмеген таңбалар бар (< > немесе көрінбейтін таңбалар).
field-nothing-visible = Өрісте көрінетін таңба жоқ: әріптер немесе сандар енгізіңіз.
field-not-a-number = Бүтін сан енгізіңіз.
field-out-of-range = { $min }–{ $max } аралығындағы сан енгізіңіз.
field-invalid-date = Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз, мысалы 2023-04-27.
field-invalid-url = Сайт мекенжайы http:// немесе https:// деп басталуы және бос орынсыз жазылуы керек.
field-invalid-choice = Тізімнен таңдаңыз.
field-region-required = Өңірлік бірлестік үшін өңірді таңдаңыз.
field-unknown-region = Мұндай өңір жоқ.
field-groups-required = Кемінде бір этносты таңдаңыз.
field-too-many = Ең көбі { $max } таңдауға болады.
field-unknown-group = Мұндай этнос жоқ.
field-unknown-body = Мұндай орган жоқ.
field-region-of-parent = Өңірлік органға бағынысты орган сол өңірге жатуы керек.
field-parent-cycle = Орган өзіне немесе өзіне бағынысты органға бағына алмайды.
field-unknown-person = Мұндай тұлға жоқ.
field-unknown-association = Мұндай бірлестік жоқ.
field-term-end-before-start = Өкілеттіктің аяқталу күні басталу күнінен бұрын болмауы керек.
field-invalid-email = Электрондық пошта мекенжайын латын әріптерімен енгізіңіз, мысалы name@example.kz (басқа әліпбидегі домен — xn-- түрінде).
field-wrong-password = Құпиясөз қате.

# Қазақ жазуы: кирилл немесе латын әліпбиі (2021).
script-switch = Жазуды таңдау
script-cyrillic = Кирилл
script-latin = Латын

# Күндер: «2023 ж. 27 сәуір».
date = { $year } ж. { $day } { $month }
month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан

## Консультациялар
nav-consultations = Консультациялар
consultations-title = Консультациялар
consultations-lead = Ассамблеяның халыққа қоятын сұрақтары: тұжырымдарға дауыс беріңіз, өз тұжырымыңызды қосыңыз және пікірлерді не біріктіретінін көріңіз.
consultations-none = Әзірге бірде-бір консультация ашылған жоқ.
consultation-new = Консультация ашу
consultation-open = Консультацияны ашу
consultation-page = Қатысу
consultation-body = Орган
consultation-languages-hint = Сұрақты бір немесе бірнеше тілде жазыңыз; қай тілде жоқ болса, оқырман басқа тілдегі мәтінді белгімен көреді.
question-kk = Сұрақ қазақ тілінде
question-ru = Сұрақ орыс тілінде
question-en = Сұрақ ағылшын тілінде
description-kk = Сипаттама қазақ тілінде
description-ru = Сипаттама орыс тілінде
description-en = Сипаттама ағылшын тілінде
consultation-opens = Ашылады (ЖЖЖЖ-АА-КК)
consultation-closes = Жабылады (ЖЖЖЖ-АА-КК)
consultation-moderation = Жаңа тұжырымдар
moderation-publish = Бірден жарияланады
moderation-approve = Модератор мақұлдағаннан кейін жарияланады
consultation-participation = Кім қатыса алады
participation-anyone = Браузері бар кез келген адам
participation-accounts = Тек тіркелгендер
consultation-results = Нәтижелер ашық
results-running = Консультация жүріп жатқанда
results-after-close = Тек жабылғаннан кейін
consultation-questions = Қатысушыларға қосымша сұрақтар
consultation-seeds = Бастапқы тұжырымдар, әр жолға біреуден
consultation-question-required = Сұрақты кемінде бір тілде жазыңыз.
consultation-closes-before-opening = Жабылу күні ашылу күнінен бұрын.
consultation-upcoming = Бұл консультация әлі ашылған жоқ.
consultation-closed = Бұл консультация жабық: дауыс беру аяқталды.
consultation-accounts-only = Бұл консультацияға тек тіркелген қатысушылар қатысады.
phase-upcoming = Алда
phase-open = Жүріп жатыр
phase-closed = Жабық
shown-in-kk = Қазақ тілінде көрсетілген
shown-in-ru = Орыс тілінде көрсетілген
shown-in-en = Ағылшын тілінде көрсетілген
progress = { $total } тұжырымның { $voted }
vote-agree = Келісемін
vote-disagree = Келіспеймін
vote-pass = Өткізу / білмеймін
vote-unknown-statement = Бұл консультацияда дауыс беруге ашық мұндай тұжырым жоқ.
error-not-open = Бұл консультация дауыс беруге ашық емес.
all-voted = Сіз барлық тұжырымға дауыс бердіңіз. Рақмет! Кейінірек қайта келіңіз: жаңа тұжырымдар пайда болуы мүмкін.
no-statements-yet = Әзірге тұжырымдар жоқ.
statement-translated = Аударма: түпнұсқаны көрсету
statement-add = Өз тұжырымыңызды қосыңыз
statement-text = Тұжырым
statement-hint = Бір ой, өз сөзіңізбен, 400 таңбаға дейін. Қарапайым мәтін ретінде жарияланады.
statement-submit = Жіберу
statement-similar = Өте ұқсас тұжырым бұрыннан бар:
statement-confirm = Менікі басқа нәрсе туралы: бәрібір жіберу
statement-published = Тұжырымыңыз жарияланды.
statement-pending = Тұжырымыңыз модератор мақұлдағаннан кейін шығады.
statement-seed = бастапқы
statement = Тұжырым
about-you = Өзіңіз туралы (міндетті емес)
about-you-hint = Барлық жауап міндетті емес. Жауаптар кемінде 10 қатысушының жиынтығында ғана пайдаланылады және жеке адам бойынша ешқашан көрсетілмейді.
prefer-not-to-say = Көрсеткім келмейді
answers-saved = Жауаптарыңыз сақталды.
attribute-region = Өңір
attribute-ethnic_group = Этностық топ
attribute-language = Тіл
language-kk = Қазақ тілі
language-ru = Орыс тілі
language-en = Ағылшын тілі
language-other = Басқа тіл
your-votes = Сіздің дауыстарыңыз
results-link = Нәтижелер
manage-link = Модерация
results-title = Нәтижелер
results-none = Әзірге талдайтын ештеңе жоқ: нәтижелер алғашқы дауыстардан бірнеше секунд кейін шығады.
results-computed = { $at } есептелді: дауыс — { $votes }, қатысушы — { $participants } (топқа кіруге жеткілікті дауыс бергендер — { $grouped }).
results-map = Пікірлер картасы
results-map-hint = Әр боялған аймақ — ұқсас дауыс берген қатысушылар орны; неғұрлым қою болса, соғұрлым көп. Жеке адамдар көрсетілмейді.
results-groups = Пікір топтары
results-no-groups = Топтар құру үшін әзірге тым аз қатысушы дауыс берді.
group-name = { $name } тобы
percent = { $value }%
results-map-caption = Картадағы қатысушылар: { $participants }, топтар: { $groups }.
export-json = JSON
participants-count = { $count } қатысушы
rep-agree = келіседі:
rep-disagree = келіспейді:
results-consensus = Барлық топтағы көпшілік келісетін нәрсе
consensus-agree = Қабылданды
consensus-disagree = Қабылданбады
results-none-yet = Әзірге жоқ.
results-group-informed = Топтарды ескерген консенсус
results-group-informed-hint = Тұжырымдар әр пікір тобының олармен келісу ықтималдығы бойынша реттелген.
results-bridging = Біріктіретін тұжырымдар
results-bridging-hint = Пікір алшақтығының екі жағы да қолдайтын тұжырымдар (Community Notes моделі); сан — алшақтықты ескергеннен кейін қалатын келісім.
bridging-bridging = біріктіретін
bridging-divisive = бөлетін
bridging-neutral = бейтарап
results-unity = Мәлімделген топтар бірлігі
results-unity-none = Қосымша сұрақтарға кез келген топты көрсету үшін тым аз қатысушы жауап берді.
results-unity-hint = Әр топтағы келісетіндер үлесі; { $k } қатысушыдан аз топтар ешқашан көрсетілмейді, ал кесте топта кемінде { $k } қатысушы дауыс бергенде не жауабын өзгерткенде ғана жаңарады, сонда ешкімді бөліп анықтауға болмайды. Алшақтықтар — көпшілік келіседі, бірақ бір топ қарсы — белгіленген.
results-unity-privacy = Топтың әр көрсеткішіне кездейсоқ шу қосылған (дифференциалды құпиялылық, бір кестеге ε = { $epsilon }): топтың басқа мүшелерінің бәрін басқаратын адам да бір адамның қалай жауап бергенін біле алмайды. Бұл — ең көбі { $tables } кестенің { $table }-шісі (жалпы бюджет бір жауапқа ε = { $budget }); топ көлемдері 5-ке дейін дөңгелектенген.
unity-everyone = Барлығы
unity-division = алшақтық
results-api = талдау JSON түрінде
moderation-queue = Модерация кезегі
moderation-empty = Күтіп тұрған ештеңе жоқ.
moderation-reason = Себебі
moderation-publish-one = Жариялау
moderation-reject = Талқылаудан алу
status-pending = күтуде
status-published = жарияланған
status-rejected = модератор алып тастаған
translation-add = Аударма қосу
translation-language = Тіл
documents-title = Құжаттар
documents-none = Әзірге құжат жоқ.
document-title = Атауы
document-lang = Құжаттың тілі
document-version-of = Қай құжаттың нұсқасы
document-original = — жаңа құжат —
document-file = Файл
document-file-hint = PDF, ODT, DOCX, PNG немесе JPEG, { $count } МБ-тан аспауы керек.
document-upload = Жүктеу
document-size-kb = { $size } КБ
document-size-mb = { $size } МБ
field-file-required = Файлды таңдаңыз.
field-file-type = Мұндай файл қабылданбайды: PDF, ODT, DOCX, PNG немесе JPEG файлын тіркеңіз.
field-file-too-large = Файл тым үлкен: { $max } МБ-тан аспауы керек.
field-unknown-item = Құжат тіркелетін мұндай бет жоқ.
field-unknown-document = Мұнда мұндай құжат жоқ.
field-version-exists = Бұл құжаттың осы тілдегі нұсқасы бар.

## Meetings (sessions and decisions)
nav-meetings = Отырыстар
meetings-title = Отырыстар мен сессиялар
meetings-lead = Ассамблея органдарының сессиялары мен отырыстары: күн тәртібі, қатысу, дауыс беру және шешімдер.
meetings-none = Әзірге отырыс жоқ.
meeting-numbered = { $number } сессия: { $title }
meeting-demo = Демо
meeting-demo-notice = Бұл — демо мазмұн: күн тәртібі, дауыс беру мен шешімдер ойдан шығарылған.
meeting-kind-session = Сессия
meeting-kind-council-meeting = Кеңес отырысы
meeting-kind-meeting = Отырыс
meeting-status-planned = Жоспарланған
meeting-status-convened = Шақырылды
meeting-status-in-progress = Жүріп жатыр
meeting-status-closed = Жабылды
meeting-status-postponed = Кейінге қалдырылды
meeting-status-cancelled = Болдырылмады
meeting-reason = Себебі
meeting-when = Уақыты
meeting-time-zone = Қазақстан уақыты, UTC+5
meeting-place = Өтетін орны
meeting-online = Онлайн қосылу
meeting-agenda = Күн тәртібі
meeting-agenda-empty = Күн тәртібі әлі жарияланған жоқ.
meeting-presenter = Баяндамашы
meeting-consultation-results = Консультация нәтижелері
meeting-item-added = Қосылған уақыты:
meeting-attendance = Қатысу және кворум
meeting-present = Қатысып отыр
meeting-quorum-holds = кворум бар
meeting-quorum-lacking = кворум жоқ
meeting-check-in = Қатысып отырмын
meeting-members = Мүшелер
meeting-is-present = қатысып отыр
meeting-is-absent = жоқ
meeting-votes = Дауыс беру
meeting-votes-none = Әзірге дауыс беру болған жоқ.
meeting-decisions = Шешімдер
meeting-decisions-none = Әзірге шешім жоқ.
motion-open = Дауыс беру жүріп жатыр
motion-votes-cast = { $count } дауыс берілді
motion-adopted = Қабылданды
motion-rejected = Қабылданбады
motion-no-quorum = Кворум болмады
motion-show-of-hands = Қол көтеру арқылы (хатшылық жазды)
motion-roll-call = Кім қалай дауыс берді
vote-for = Жақтайды
vote-against = Қарсы
vote-abstain = Қалыс қалды
decision-number = Шешім №
execution-pending = Орындалуы күтілуде
execution-in-progress = Орындалып жатыр
execution-done = Орындалды
execution-not-done = Орындалмады
field-text-one-language = Мәтінді кемінде бір тілде жазыңыз.
meeting-ends-before-start = Аяқталу уақыты басталу уақытынан бұрын тұр.
meeting-not-a-member = Бұл адам органның мүшесі емес.
meeting-count-exceeds-present = Дауыстар саны қатысып отырғандар санынан көп.
field-invalid-time = Уақытты 2023-04-27T10:00 түрінде жазыңыз (Қазақстан уақыты).
error-meeting-over = Отырыс аяқталды немесе болдырылмады: оны енді өзгертуге болмайды.
error-meeting-status = Отырысты бұл күйге ауыстыруға болмайды.
error-open-vote = Дауыс беру ашық тұрғанда отырысты жабуға болмайды.
error-agenda-published = Күн тәртібі бұрын жарияланған.
error-meeting-not-running = Отырыс қазір жүріп жатқан жоқ.
error-not-a-member = Сіз бұл органның мүшесі емессіз.
error-not-present = Тек қатысып отырған мүшелер дауыс береді: алдымен тіркеліңіз.
error-vote-open = Бұл отырыста дауыс беру ашық тұр.
error-vote-not-open = Бұл дауыс беру ашық емес.
error-already-voted = Сіз бұл мәселе бойынша дауыс бердіңіз: дауыс бір рет беріледі.

## The way in: header menu, welcome, home page, error pages, accessibility
menu = Мәзір
flash-welcome-back = Қайта қош келдіңіз! Сіз жүйеге кірдіңіз.
flash-welcome-new = Қош келдіңіз! Тіркелгіңіз ашылды: енді консультацияларға қатыса аласыз.
have-account = Тіркелгіңіз бар ма?
no-account = Тіркелгіңіз жоқ па?
how-it-works-vote = Тұжырымдарға бір-бірден дауыс беріңіз: келісемін, келіспеймін немесе өткізу.
how-it-works-add = Өз тұжырымыңызды төменде қосыңыз; нәтижелер әр түрлі топтардың неде келісетінін көрсетеді.
consultation-about = Консультация туралы
open-until = { $date } дейін ашық
take-part = Қатысу
home-open-consultations = Қазір ашық консультациялар
all-consultations = Барлық консультациялар
home-no-open-consultations = Қазір ашық консультация жоқ. Өткен консультациялар мен олардың нәтижелері тізімде.
home-figures-title = Ассамблея сандармен
error-code = Қате коды:
error-title-not-found = Бет табылмады
error-help-not-found = Мекенжайды тексеріңіз немесе іздеуді пайдаланыңыз; басты беттен қайта бастауға да болады.
error-title-forbidden = Рұқсат жоқ
error-help-forbidden = Тіркелгіңізге бұл әрекетке құқық берілмеген. Қажет болса, органның хатшылығына хабарласыңыз.
error-title-forbidden-anonymous = Рұқсат жоқ
error-help-forbidden-anonymous = Бұл бетті ашу немесе бұл әрекетті жасау тек құқығы бар тіркелгіге рұқсат етілген. Жүйеге кіріп, қайталап көріңіз.
error-title-invalid = Сұрауда қате бар
error-help-invalid = Алдыңғы бетке оралып, өрістерді түзетіңіз де, қайта жіберіңіз.
error-title-conflict = Әрекет орындалмады
error-help-conflict = Бет ашылғаннан бері деректер өзгерген болуы мүмкін. Бетті жаңартып, қайталап көріңіз.
error-title-rate-limited = Әрекет тым көп
error-help-rate-limited = Бірнеше минут күтіп, қайталап көріңіз.
error-title-too-large = Көлемі тым үлкен
error-help-too-large = Кішірек файл таңдаңыз немесе оны бөліктерге бөліңіз.
error-title-internal = Бізде ақау шықты
error-help-internal = Бұл сіздің қатеңіз емес. Біраз уақыттан соң қайталап көріңіз.
accessibility-title = Қолжетімділік туралы мәлімдеме
a11y-intro = Birlik бәріне арналған: телефонда, баяу байланыста, экран оқу бағдарламасымен немесе тек пернетақтамен, қазақ, орыс не ағылшын тілінде.
a11y-standard = Біз веб-мазмұн қолжетімділігі жөніндегі нұсқаулықтың (WCAG) 2.1 нұсқасының AA деңгейіне сай болуды көздейміз. Беттер қолжетімділікті автоматты тексеру құралымен және қолмен тексеріледі.
a11y-works-title = Не істейді
a11y-works-1 = Әр бет пен әр форма JavaScript-сіз және тек пернетақтамен жұмыс істейді, фокус әрдайым көрінеді.
a11y-works-2 = Беттердің тілі белгіленген; қазақ мәтінін кириллицамен де, латын әліпбиімен де оқуға болады.
a11y-works-3 = Қатесі бар өрістің жанында не дұрыс емес екені жазылады, экран оқу бағдарламасы оны оқиды.
a11y-works-4 = Түстердің контрасы кемінде 4,5:1; дауыс беру нұсқалары тек түсімен емес, белгішесімен, пішінімен және мәтінімен ерекшеленеді.
a11y-works-5 = Кең кестелер телефонда көлденең жылжиды, бұл туралы жазылған.
a11y-limits-title = Белгілі шектеулер
a11y-limits-1 = Нәтижелер бетіндегі пікірлер картасы — сурет: топтар мен олардың тұжырымдары оның астында мәтінмен берілген.
a11y-limits-2 = Хатшылықтар жүктеген құжаттар (PDF және басқалар) қолжетімсіз болуы мүмкін; хатшылықтан басқа пішімін сұраңыз.
a11y-contact-title = Бізге хабарлаңыз
a11y-contact = Birlik-те бір нәрсені пайдалану қиын болса, Ассамблеяның немесе өңірлік ассамблеяның хатшылығына хабарлаңыз: біз жауап береміз және қолымыздан келгенін түзетеміз.
search-type = Түрі
search-type-all = Барлығы
search-type-region = Өңірлер
search-type-group = Этностар
search-type-body = Органдар
search-type-association = Этномәдени бірлестіктер
search-type-person = Адамдар
search-type-consultation = Консультациялар
search-type-statement = Консультациялардағы тұжырымдар
search-more = Осы түрдің барлық нәтижесін көрсету
search-empty = Ештеңе табылмады. Сөздің басқа түрін, азырақ сөзді немесе басқа тілді қолданып көріңіз: атаулар қазақ, орыс және ағылшын тілдерінде, қазақ тілінің екі әліпбиінде де ізделеді.
kind-region = Өңір
kind-consultation = Консультация
kind-statement = Тұжырым
table-scrolls = Кесте (көлденең жылжиды)
table-scroll-hint = Кестені толық көру үшін оны көлденеңінен жылжытыңыз.
my-statements-title = Менің тұжырымдарым
my-statements-intro = Тіркелгіңізден немесе осы браузерден қосқан тұжырымдарыңыз және әрқайсысының күйі.
my-statements-none = Сіз әлі бірде-бір тұжырым қоспадыңыз.
my-status-published = Жарияланды: оған дауыс беріп жатыр
my-status-pending = Модераторларды күтуде
my-status-rejected = Модераторлар жарияламады
my-statements-link = Менің тұжырымдарым
search-close = Мүмкін, сіз мыналарды іздедіңіз:
done-moderated-publish = Тұжырым жарияланды.
done-moderated-reject = Тұжырым модерациямен алынып тасталды; себебі журналға жазылды.
done-translated = Аударма сақталды.
form-show-errors = Формаға өту.
done-opened = Консультация ашылды: мұнда оның тұжырымдарын модерациялап, аудармаларын қосасыз.
statement-added-on = Қосылған күні:
statement-in = консультация:
home-coming-meetings = Алдағы сессиялар мен отырыстар
all-meetings = Барлық отырыстар
meeting-follow = Күн тәртібі және толығырақ
search-type-meeting = Сессиялар мен отырыстар
kind-meeting = Отырыс
## Notifications
nav-inbox = Хабарламалар
nav-mail = Пошта
inbox-title = Хабарламалар
inbox-unread = { $count ->
        [one] { $count } оқылмаған хабарлама
       *[other] { $count } оқылмаған хабарлама
    }
inbox-read-all = Барлығын оқылды деп белгілеу
inbox-empty = Әзірге хабарлама жоқ. Консультацияны, отырысты немесе органды бақылаңыз — жаңалықтары осында келеді.
inbox-new = жаңа
inbox-older = Ескілері
follow = Бақылау
following = Бақылап отырсыз · тоқтату
unfollow = Бақылауды тоқтату
notify-settings-title = Хабарлама баптаулары
notify-settings-intro = Әр хабарлама түрін электрондық поштамен қалай алатыныңызды таңдаңыз. Барлық хабарлама бәрібір хабарламалар бетінде сақталады.
notify-settings-save = Сақтау
notify-settings-saved = Баптаулар сақталды.
notify-following = Бақылап отырғандарыңыз
notify-following-none = Сіз әлі ештеңені бақыламайсыз.
notify-delivery-instant = Бірден хатпен
notify-delivery-daily = Күніне бір рет, жинақ хатпен
notify-delivery-never = Хатпен жібермеу
notify-kind-statement-published = Бақылаған консультациядағы жаңа тұжырымдар
notify-kind-statement-moderated = Менің тұжырымдарымды модерациялау
notify-kind-agenda-published = Отырыстардың күн тәртібі
notify-statement-published = «{ $title }» консультациясында дауыс беруге жаңа тұжырым ашылды
notify-statement-moderated-published = «{ $title }» консультациясындағы тұжырымыңыз жарияланды
notify-statement-moderated-rejected = «{ $title }» консультациясындағы тұжырымыңыз қабылданбады
notify-agenda-published = «{ $title }» күн тәртібі жарияланды
notify-digest = күнделікті жинақ хат
unsubscribe-title = Хаттардан бас тарту
unsubscribe-ask = Енді «{ $kind }» туралы хат алмайсыз ба?
unsubscribe-button = Иә, хат жібермеңіз
unsubscribe-done = Енді «{ $kind }» туралы хат жіберілмейді. Хабарламалар бетінде бәрібір көрінеді.
mail-greeting = Сәлеметсіз бе, { $name }!
mail-intro = Birlik-те жаңалық бар:
mail-digest-intro = Соңғы күндегі жаңалықтар:
mail-digest-subject = { $count ->
        [one] Birlik: { $count } жаңа хабарлама
       *[other] Birlik: { $count } жаңа хабарлама
    }
mail-why = Бұл хатты сіз бақылаған нәрсе немесе органдағы рөліңіз үшін аласыз.
mail-settings = Хабарлама баптаулары
mail-unsubscribe = «{ $kind }» хаттарынан бас тарту
mail-unsubscribe-digest = Күнделікті жинақ хаттан бас тарту
mail-admin-title = Электрондық пошта
mail-admin-pending = Жіберуді күтіп тұр
mail-admin-digest = Жинақ хатты күтіп тұр
mail-admin-sent = Соңғы тәулікте жіберілді
mail-admin-failing = Жіберілмей жатқандар
mail-admin-failing-none = Жіберу қатесі жоқ.
mail-admin-state = Күйі
mail-admin-retry = Тоқтатылған тапсырмаларды қайта іске қосу
mail-transport-outbox = SMTP бапталмаған: хаттар { $dir } қалтасына .eml файл болып жазылады.
mail-transport-smtp = Хаттар SMTP арқылы жіберіледі.

## Meetings: the secretariat's forms
meeting-new = Отырыс тағайындау
meeting-manage = Отырысты жүргізу
meeting-public-page = Жария бет
meeting-body = Орган
meeting-kind = Отырыс түрі
meeting-number = Сессия нөмірі
meeting-number-hint = Міндетті емес: сессиялар нөмірленіп, рим цифрларымен көрсетіледі (32 — XXXII).
meeting-title-legend = Атауы (кемінде бір тілде)
meeting-description-legend = Сипаттамасы
meeting-text-kk = Қазақша
meeting-text-ru = Орысша
meeting-text-en = Ағылшынша
meeting-time-hint = Уақыт — Қазақстан уақыты (UTC+5), мысалы 2023-04-27T10:00.
meeting-starts = Басталуы
meeting-ends = Аяқталуы
meeting-online-url = Онлайн қатысуға арналған сілтеме (https://)
meeting-create = Отырысты тағайындау
meeting-status-change = Мәртебесі
meeting-status-final = Отырыс аяқталды: оның мәртебесі енді өзгермейді.
meeting-status-choose = Таңдаңыз…
meeting-new-status = Жаңа мәртебе
meeting-reason-hint = Кейінге қалдыру немесе болдырмау үшін себеп керек; ол отырыс бетінде көрсетіледі.
meeting-status-save = Мәртебені өзгерту
agenda-empty-draft = Әзірге тармақ жоқ.
agenda-published-on = Күн тәртібі жарияланған күн:
agenda-publish = Күн тәртібін жариялау (мүшелер мен жазылушыларға хабарланады)
agenda-add = Күн тәртібіне тармақ қосу
agenda-item-title = Тармақтың атауы (кемінде бір тілде)
agenda-presenter = Баяндамашы (орган мүшесі немесе шақырылған адам)
agenda-consultation = Нәтижелері тармақтың қасында көрсетілетін консультация
agenda-consultation-none = Жоқ
agenda-add-button = Тармақты қосу
attendance-hint = Қатысып отырған мүшелерді белгілеңіз
attendance-by-self = өзі белгіленді
attendance-save = Қатысуды сақтау
attendance-closed = Қатысу отырыс шақырылғанда немесе жүріп жатқанда тіркеледі.
motion-put = Мәселені дауысқа салу
motion-text = Мәселенің мәтіні (кемінде бір тілде)
motion-item = Күн тәртібінің тармағы
motion-item-none = Жоқ
motion-method = Мүшелер қалай дауыс береді
motion-method-roll-call = Атаулы: әр мүше өз есептік жазбасынан дауыс береді
motion-method-show-of-hands = Қол көтеру: хатшылық санын жазады
motion-count = Қол көтеру арқылы дауыс санау
motion-count-hint = Тек қол көтеру кезінде: залда саналған жақтаған, қарсы және қалыс қалған дауыстар.
motion-submit = Дауысқа салу
motion-close = Дауыс беруді жабу және санау
motion-when = Мәселелер отырыс жүріп жатқанда дауысқа салынады.
decision-execution = Орындалуы
decision-execution-save = Сақтау
rules-title = Отырыстар регламенті
rules-lead = Орган отырысына қажетті кворум және шешім қабылдауға қажетті көпшілік. Әр өзгеріс аудит журналында сақталады.
rules-quorum = Кворум
rules-quorum-more-than-half = Мүшелердің жартысынан көбі
rules-quorum-two-thirds = Мүшелердің кемінде үштен екісі
rules-majority-of = Көпшілік кімнен саналады
rules-majority-of-present = қатысып отырған мүшелерден
rules-majority-of-all = органның барлық мүшелерінен
rules-majority = Көпшілік
rules-majority-simple = Жартысынан көбі
rules-majority-two-thirds = Кемінде үштен екісі
rules-save = Регламентті сақтау

## Meetings: minutes
minutes-title = Хаттама
minutes-version = Нұсқа
minutes-approved-on = бекітілген күні
minutes-approved-by = Бекіткен
minutes-draft-notice = Отырыс жазбасы бойынша сервер жасаған жоба: әлі бекітілмеген.
minutes-attendance = Қатысу және кворум
minutes-present = Қатысқандар
minutes-absent = Қатыспағандар
minutes-proceedings = Отырыстың барысы
minutes-vote = Дауыс беру
minutes-on-item = күн тәртібінің тармағы
minutes-changes = Бұл нұсқада не түзетілді
minutes-note = Түзетудің себебі
minutes-versions = Хаттаманың бекітілген нұсқалары
minutes-edit = Хаттаманы жасау және бекіту
minutes-narrative = Отырыстың барысы (хатшылық мәтіні)
minutes-narrative-hint = Сервер хаттаманы жазба бойынша жасайды (қатысу, күн тәртібі, атаулы дауыс беру, шешімдер); отырыстың барысын бір немесе бірнеше тілде, әр жолға бір абзац етіп қосыңыз. Оқырмандар оны хаттама бекітілгеннен кейін көреді.
minutes-narrative-save = Мәтінді сақтау
minutes-approve = Хаттаманы бекіту
minutes-approve-hint = Бекіту осы нұсқаны қазіргі күйінде бекітеді; кейінгі түзету жаңа нұсқа болады, ал бұл нұсқа оқуға қолжетімді қалады. Ескертпе міндетті емес.
minutes-correction-hint = Бұл бекіту — түзету: жаңа нұсқа алдыңғысынан бері не өзгергенін көрсетеді. Түзетудің себебін жазыңыз.
minutes-approve-when = Хаттама отырыс жабылғаннан кейін бекітіледі.
minutes-change-particulars = Отырыс туралы мәліметтер (атауы, уақыты, орны немесе мәртебесі) өзгертілді.
minutes-change-narrative-kk = Қазақша мәтін өзгертілді.
minutes-change-narrative-ru = Орысша мәтін өзгертілді.
minutes-change-narrative-en = Ағылшынша мәтін өзгертілді.
minutes-change-attendance = Қатысу белгісі өзгертілді: { $name }.
minutes-change-quorum = Қатысқандар саны немесе кворум өзгерді.
minutes-change-item = Күн тәртібінің { $number }-тармағы өзгертілді.
minutes-change-vote = { $number }-дауыс беру өзгертілді.
minutes-change-decision = № { $number } шешім өзгертілді.
minutes-note-required = Хаттаманың неге түзетілетінін жазыңыз.
error-minutes-cancelled = Болдырылмаған отырыстың хаттамасы жоқ.
error-minutes-not-closed = Хаттама отырыс жабылғаннан кейін бекітіледі.
error-minutes-unchanged = Соңғы бекітілген нұсқадан бері ештеңе өзгерген жоқ.
error-minutes-approved-meanwhile = Осы арада хаттаманы басқа біреу бекітті: жаңа нұсқаны қарап, қайталаңыз.
minutes-majority-simple-present = қатысып отырған мүшелердің жартысынан көбі
minutes-majority-simple-all = барлық мүшелердің жартысынан көбі
minutes-majority-two-thirds-present = қатысып отырған мүшелердің кемінде үштен екісі
minutes-majority-two-thirds-all = барлық мүшелердің кемінде үштен екісі

## Calendars
calendar-all = Қазақстан халқы Ассамблеясының отырыстары
table-meetings = Отырыстар
table-agenda-items = Күн тәртібінің мәселелері
table-motions = Дауысқа қойылған ұсыныстар
table-votes = Дауыстар (кім қалай дауыс берді)
table-decisions = Шешімдер
meeting-live = Отырыс жүріп жатыр
meeting-live-item = Қаралып жатқан мәселе
meeting-live-vote = Дауыс беру жүріп жатыр
meeting-live-no-vote = Қазір дауыс беру жоқ.

## Month view of meetings
month-name-1 = Қаңтар
month-name-2 = Ақпан
month-name-3 = Наурыз
month-name-4 = Сәуір
month-name-5 = Мамыр
month-name-6 = Маусым
month-name-7 = Шілде
month-name-8 = Тамыз
month-name-9 = Қыркүйек
month-name-10 = Қазан
month-name-11 = Қараша
month-name-12 = Желтоқсан
weekday-1 = Дс
weekday-2 = Сс
weekday-3 = Ср
weekday-4 = Бс
weekday-5 = Жм
weekday-6 = Сб
weekday-7 = Жс
calendar-month = { $year } жылғы { $month }
calendar-previous = Алдыңғы ай
calendar-next = Келесі ай
calendar-as-list = Тізім ретінде
calendar-month-view = Ай күнтізбесі
calendar-count = { $count ->
        [one] Осы айда { $count } отырыс
       *[other] Осы айда { $count } отырыс
    }

## Account mail: password reset, address confirmation
forgot-password = Құпиясөзді ұмыттыңыз ба?
reset-title = Жаңа құпиясөз
reset-intro = Тіркелгіңіздің мекенжайын енгізіңіз: оған жаңа құпиясөз орнату сілтемесін жібереміз.
reset-send = Сілтемені жіберу
reset-sent = Бұл мекенжай бір тіркелгіге тиесілі болса, оған жаңа құпиясөз орнату сілтемесі жіберілді. Сілтеме бір рет, бір сағат бойы жарамды. Хат келмеді ме? «Спам» қалтасын қараңыз немесе бірнеше минуттан кейін қайта сұраңыз.
reset-new-title = Жаңа құпиясөз ойлап табыңыз
reset-done = Құпиясөз өзгертілді, тіркелгіңіздің барлық сеанстары аяқталды. Жаңа құпиясөзбен кіріңіз.
reset-invalid = Бұл сілтеме енді жарамсыз: ол пайдаланылған, бір сағаты өтіп кеткен немесе оны жаңа сілтеме алмастырған.
reset-again = Жаңа сілтеме сұрау
link-invalid-title = Сілтеме жарамсыз
confirm-title = Мекенжайды растаңыз
confirm-intro = Бұл электрондық пошта мекенжайы сіздікі екенін растаңыз: хабарламалар поштамен тек расталған мекенжайларға жіберіледі.
confirm-button = Мекенжайымды растау
confirm-done = Мекенжайыңыз расталды. Енді хабарламалар сізге поштамен келе алады.
confirm-invalid = Бұл растау сілтемесі енді жарамсыз: ол пайдаланылған, үш күні өтіп кеткен немесе оны жаңа сілтеме алмастырған. Жаңасын жеке кабинеттен жіберуге болады.
email-confirmed = расталған
email-unconfirmed = Әлі расталмаған: оған хабарламалар поштамен жіберілмейді. Біздің хаттағы сілтемені ашыңыз немесе оны қайта жіберіңіз.
confirm-resend = Растау сілтемесін қайта жіберу
confirm-sent = Жаңа растау сілтемесі жіберілді.
mail-reset-subject = Birlik тіркелгіңізге жаңа құпиясөз
mail-reset-body = Біреу, сіз деп үміттенеміз, { $email } мекенжайлы Birlik тіркелгісіне жаңа құпиясөз орнатуды сұрады. Төмендегі сілтеме бір рет, бір сағат бойы жарамды.
mail-reset-action = Жаңа құпиясөз орнату
mail-reset-footer = Егер сіз сұрамаған болсаңыз, бұл хатқа мән бермеңіз: құпиясөзіңіз өзгермейді.
mail-taken-subject = Біреу сіздің мекенжайыңызбен тіркелмек болды
mail-taken-body = Біреу тіркелгісі бар { $email } мекенжайымен жаңа Birlik тіркелгісін ашпақ болды: жаңа тіркелгі ашылған жоқ. Бұл сіз болсаңыз және құпиясөзіңізді ұмытсаңыз, жаңасын орнатыңыз.
mail-taken-action = Жаңа құпиясөз орнату
mail-taken-footer = Бұл сіз болмасаңыз, ештеңе істеудің қажеті жоқ: тіркелгіңіз өзгерген жоқ.
mail-confirm-subject = Birlik-те мекенжайыңызды растаңыз
mail-confirm-body = Birlik-ке қош келдіңіз. Хабарламалар сізге поштамен келе алуы үшін { $email } мекенжайы сіздікі екенін растаңыз. Сілтеме бір рет, үш күн бойы жарамды.
mail-confirm-action = Мекенжайымды растау
mail-confirm-footer = Егер сіз Birlik-те тіркелмеген болсаңыз, бұл хатқа мән бермеңіз: мекенжай расталмаған күйінде қалады.
notify-kind-minutes-approved = Отырыстардың бекітілген хаттамалары
notify-minutes-approved = «{ $title }» хаттамасы бекітілді
done-meeting-planned = Отырыс тағайындалды: оны осы жерден жүргізесіз — мәртебесі, күн тәртібі, қатысу, дауыс беру және шешімдер.
done-meeting-status = Отырыстың мәртебесі өзгертілді.
done-agenda-item = Тармақ күн тәртібіне қосылды.
done-agenda-published = Күн тәртібі жарияланды: мүшелер мен жазылушыларға хабарланды.
done-attendance = Қатысу сақталды.
done-motion = Дауыс беру жазылды.
done-vote-closed = Дауыс беру жабылып, саналды.
done-execution = Шешімнің орындалуы сақталды.
done-rules = Отырыстар регламенті сақталды.
done-narrative = Мәтін сақталды: оқырмандар оны хаттама бекітілгеннен кейін көреді.
done-minutes-approved = Хаттама бекітілді: бұл нұсқа бекітіліп қойылды.
vote-corrected = Дауыс беру нәтижесі түзетілді
vote-correction-reason = Себебі

## Ұсыныстар (issue 13)
nav-proposals = Ұсыныстар
proposals-title = Жергілікті қауымдастықтардың ұсыныстары
proposals-lead = Аудандық кеңес естігені республикаға дейін жете алады: кеңеске немесе ассамблеяға ұсыныс беріңіз, келісетін ұсыныстарды қолдаңыз және орган жасаған әр қадамды себебімен бірге бақылаңыз.
proposals-none = Сәйкес ұсыныс жоқ.
proposals-found = { $count ->
    [one] { $count } ұсыныс
   *[other] { $count } ұсыныс
}
filter-any = Кез келген
proposal-new = Ұсыныс беру
proposal-new-lead = Ұсынысыңызды қазақ, орыс немесе ағылшын тілінде (немесе бірнеше тілде) жазыңыз. Берілгеннен кейін сіз оның алғашқы қолдаушысысыз; басқалар органның мерзімі жабылғанша қолдай алады.
proposal-to-body = Қай органға
proposal-to-body-hint = Аудандық Қоғамдық келісім кеңесі, өңірлік ассамблея немесе Ассамблеяның өзі. Кеңес не ассамблея оны жоғары жолдай алады.
proposal-title-legend = Тақырыбы
proposal-text-legend = Ұсыныстың мәтіні
proposal-category = Санаты
proposal-region = Өңір
proposal-region-of-body = Органның өз өңірі
proposal-on-behalf = Кімнің атынан
proposal-on-behalf-self = Өз атымнан
proposal-documents-later = Құжаттарды ұсыныс берілген соң оның бетінде тіркеуге болады.
proposal-file = Ұсынысты беру
proposal-similar-intro = Ұқсас ұсыныстар бұрын берілген. Бәлкім, солардың бірін қолдаған жөн:
proposal-similar-hint = Сіздікі өзгеше болса, оны бәрібір беруге болады.
proposal-not-representative = Сіз бұл бірлестікті Ассамблеяның ешбір органында өкілдік етпейсіз.
proposal-status = Мәртебесі
proposal-status-open = Қолдау жиналуда
proposal-status-queued = Органның кезегінде
proposal-status-accepted = Қабылданды
proposal-status-forwarded = Жоғары органға жолданды
proposal-status-merged = Басқа ұсыныспен біріктірілді
proposal-status-rejected = Қабылданбады
proposal-body = Қарайтын орган
proposal-author = Берген
proposal-by-participant = қатысушы
proposal-by-association = { $name } атынан
proposal-by-body = { $name } атынан
proposal-reason = Себебі
proposal-at-meeting = Осы отырыста шешілді
proposal-continues-in = Оның қолдаушылары енді мына ұсынысты қолдайды:
proposal-support-title = Қолдау
proposal-support-progress = Қолдаушылар мен шекті саны
proposal-supporters-of = { $count ->
    [one] { $count } қолдаушы
   *[other] { $count } қолдаушы
}
proposal-window-until = Қолдау мерзімі:
proposal-window-passed = Қолдау жинау мерзімі аяқталды.
proposal-you-support = Сіз бұл ұсынысты қолдайсыз.
proposal-withdraw = Қолдауымды қайтарып алу
proposal-support = Ұсынысты қолдау
proposal-support-login = Қолдау үшін кіріңіз
proposal-rise-title = Қалай көтерілді
proposal-raised-in = { $body } { $day } ұсынылды
proposal-forwarded-by = { $body } { $day } жолдады
proposal-lineage-title = Оған не құйылды
proposal-joined-merged = біріктірілген:
proposal-joined-forwarded = жолданған:
proposal-origins = { $count ->
    [one] { $count } бастапқы ұсыныс
   *[other] { $count } бастапқы ұсыныс
}
proposal-districts = { $count ->
    [one] { $count } ауданнан
   *[other] { $count } ауданнан
}
proposal-regions = { $count ->
    [one] { $count } өңірде
   *[other] { $count } өңірде
}
proposal-map-title = Оның бастаулары қай жерде ұсынылды
proposal-origins-column = Бастапқы ұсыныстар
proposal-steps-title = Органның шешімі
proposal-steps-hint = Қабылдау, қолдаушыларымен бірге жоғары органға жолдау, осы органның ұқсас ұсынысымен біріктіру немесе қабылдамау. Себебін авторы, қолдаушылары мен жазылушылары біледі.
proposal-step = Шешім
proposal-step-accept = Қабылдау
proposal-step-forward = Жоғары органға жолдау
proposal-step-merge = Басқа ұсыныспен біріктіру
proposal-step-reject = Қабылдамау
proposal-meeting = Отырыста
proposal-meeting-none = Отырыссыз
proposal-merge-into = Қайсысымен біріктіру (біріктіру үшін)
proposal-merge-none = —
proposal-take-step = Шешімді жазу
proposal-rules-title = Ұсыныстардың шегі мен мерзімі
proposal-rules-lead = Ұсыныс органның келесі отырысына кезекке түсу үшін берілгеннен (немесе төменнен келгеннен) бастап неше күнде неше қолдаушы жинауы керек.
proposal-threshold = Қажетті қолдаушылар
proposal-window-days = Жинауға берілетін күн
done-proposal-filed = Ұсынысыңыз берілді. Сіз оның алғашқы қолдаушысысыз.
done-proposal-supported = Қолдауыңыз есептелді.
done-proposal-queued = Қолдауыңыз есептелді, ұсыныс шекке жетті: ол органның кезегінде.
done-proposal-withdrawn = Қолдауыңыз қайтарылды.
done-proposal-step = Шешім жазылды, қатысы барларға хабарланды.
done-proposal-rules = Шек пен мерзім сақталды.
error-address-unconfirmed = Алдымен электрондық поштаңызды растаңыз: сілтеме тіркелгенде жіберілген хатта.
error-proposal-not-live = Бұл ұсыныс енді органның қарауында емес.
error-proposal-window-closed = Бұл ұсынысты қолдау мерзімі аяқталды.
error-proposal-supported-already = Сіз бұл ұсынысты қолдап қойғансыз.
error-proposal-not-supported = Сіз бұл ұсынысты қолдамайсыз.
error-proposal-nowhere-above = Бұл органнан жоғары ұсыныс қабылдайтын орган жоқ.
error-proposal-forward-circle = Ұсыныс бұл органда болған: оны шеңбер бойымен жолдауға болмайды.
error-proposal-merge-itself = Ұсынысты өзімен немесе өзіне құйылған ұсыныспен біріктіруге болмайды.
error-proposal-merge-target = Тек сол органның әлі қаралып жатқан ұсынысымен біріктіруге болады.
error-proposal-body-kind = Бұл орган ұсыныс қабылдамайды.
search-type-proposal = Ұсыныстар
kind-proposal = Ұсыныс
notify-kind-proposal-queued = Органымның шегіне жеткен ұсыныстар
notify-kind-proposal-decided = Мен берген, қолдайтын не жазылған ұсыныстар бойынша шешімдер
notify-proposal-queued = Ұсыныс шекке жетті: «{ $title }»
notify-proposal-decided-accepted = Ұсыныс қабылданды: «{ $title }»
notify-proposal-decided-forwarded = Ұсыныс жоғары органға жолданды: «{ $title }»
notify-proposal-decided-merged = Ұсыныс ұқсасымен біріктірілді: «{ $title }»
notify-proposal-decided-rejected = Ұсыныс қабылданбады: «{ $title }»

## Ұсынымдар (issue 13)
nav-recommendations = Ұсынымдар
recommendations-title = Мемлекеттік органдарға ұсынымдар
recommendations-lead = Ассамблея органдары министрліктерге, әкімдіктерге және партияларға не ұсынады, олар заң бойынша беруге міндетті жауаптар — ашық.
recommendations-none = Әзірге ұсынымдар жоқ.
recommendations-all = Барлық ұсынымдар
recommendations-overdue-only = Тек мерзімі өткендер
recommendations-found = { $count ->
    [one] { $count } ұсыным
   *[other] { $count } ұсыным
}
recommendation-new = Ұсыным жолдау
recommendation-new-lead = Белгіленген әр адресат бірдей мәтінді алады; әрқайсысы оны бүгін алады және 15 жұмыс күні ішінде жауап беруге міндетті.
recommendation-body = Жолдаушы
recommendation-addressees = Адресаттар
recommendation-title-legend = Тақырыбы
recommendation-text-legend = Ұсынымның мәтіні
recommendation-clock-hint = Мерзімдер Қазақстанның жұмыс күндерімен есептеледі (Әкімшілік рәсімдік-процестік кодекс, 76-бап).
recommendation-send = Жолдау
recommendation-from = Кімнен
recommendation-to = Кімге
recommendation-from-proposal = Ұсыныс бойынша
recommendation-proposal-not-accepted = Органның ұсынымы тек ол қабылдаған ұсыныстан болады.
recommendation-status = Мәртебесі
recommendation-status-awaiting = Жауап күтілуде
recommendation-status-answered = Жауап берілді
recommendation-status-forwarded = Басқа адресатқа жолданды
recommendation-status-closed = Жабылды
recommendation-implementation = Орындалуы
implementation-none = Әзірге хабарланбаған
implementation-planned = Жоспарланды
implementation-in-progress = Орындалуда
implementation-implemented = Орындалды
implementation-declined = Бас тартылды
recommendation-overdue = Мерзімі өткен
recommendation-term = Жауап мерзімі
recommendation-clock-title = Мерзімдер
recommendation-term-column = Мерзім
recommendation-date-column = Күні
recommendation-rule-column = Ереже
recommendation-received-on = Алынды
recommendation-due-on = Жауап мерзімі
recommendation-forward-by = Адресат қате болса, жолдау мерзімі
recommendation-latest-extension = Ұзартудың ең соңғы мерзімі
recommendation-extended-to = Ұзартылған мерзім
recommendation-binding = қолданыстағы
recommendation-extension-reason = Ұзарту себебі
recommendation-acknowledged = Адресат алғанын растады.
rule-receipt = Платформа жеткізген күн
rule-answer-15-working-days = Алған күннен бастап 15 жұмыс күні (ӘРПК, 76-бап)
rule-forward-3-working-days = Алған күннен бастап 3 жұмыс күні, жолдаушыға хабарлай отырып (ӘРПК, 76-бап)
rule-extension-2-months = Алған күннен бастап екі айдан аспайды, 3 жұмыс күні ішінде хабарланатын дәлелді шешіммен (ӘРПК, 76-бап)
rule-extended-by-decision = Адресаттың дәлелді шешімімен ұзартылды
recommendation-answer-title = Жауап
recommendation-on-time = мерзімінде
recommendation-late = кешігіп
recommendation-reports-title = Орындалуы туралы есептер
recommendation-batch-title = Сондай-ақ жолданды
recommendation-forwarded-from = Мына ұсынымнан жолданды
recommendation-continued-in = Тиісті адресатқа ұсыным ретінде жолданды
recommendation-decline-needs-reason = Бас тарту себебін жазыңыз.
recommendation-extension-out-of-range = Ұзартылған мерзім жауап мерзімінен кейін және алған күннен бастап екі айдан кешікпей болуы керек.
recommendation-feed-addressee = Адресатқа ұсынымдар: { $name }
recommendation-feed-body = Органның ұсынымдары: { $name }
recommendation-feed-summary = { $status }. Алынды: { $received }, жауап мерзімі: { $term }.
recommendation-feed-link = Осы ұсынымдардың Atom арнасы
liaison-actions-title = Адресат үшін
liaison-acknowledge = Алғанын растау
liaison-answer = Жауап
liaison-answer-text = Жауаптың мәтіні
liaison-answer-lang = Жауаптың тілі
liaison-answer-send = Жауапты жіберу
liaison-extend = Мерзімді ұзарту
liaison-extend-to = Жаңа мерзім
liaison-reason = Себебі
liaison-extend-send = Ұзарту
liaison-forward = Тиісті адресатқа жолдау
liaison-forward-to = Адресат
liaison-forward-send = Жолдау
liaison-report = Орындалуы туралы хабарлау
liaison-note = Ескертпе
liaison-report-send = Хабарлау
liaison-inbox-title = Органыма келген ұсынымдар
liaison-inbox-lead = Алдымен мерзімі өткендер, содан кейін жауап мерзімі бойынша.
liaison-inbox-empty = Жауап күтіп тұрған ештеңе жоқ.
liaison-not-a-liaison = Тіркелгіңіз ешбір мемлекеттік органның немесе партияның байланыс тұлғасы емес. Әкімші байланыс тұлғаларын адресат бетінде тағайындайды.
liaison-title = Байланыс тұлғалары
liaison-count = { $count ->
    [one] { $count } байланыс тұлғасы
   *[other] { $count } байланыс тұлғасы
}
liaison-email = Байланыс тұлғасы тіркелгісінің эл. поштасы
liaison-assign = Байланыс тұлғасы ету
liaison-no-such-account = Бұл мекенжаймен тіркелгі жоқ. Байланыс тұлғасы алдымен тіркеледі.
addressee-kind-ministry = Министрлік
addressee-kind-akimat = Әкімдік
addressee-kind-party = Саяси партия
addressee-kind-other = Басқа орган
addressee-archived = Бұл адресат енді ұсынымдар алмайды.
addressee-source = Анықтамалық деректердің көзі:
done-recommendation-sent = Ұсыным жолданды. Адресат 15 жұмыс күні ішінде жауап беруге міндетті.
done-recommendation-acknowledged = Алғаны расталды.
done-recommendation-extended = Мерзім ұзартылды; жолдаушыға хабарланды.
done-recommendation-forwarded = Ұсыным жолданды; жолдаушыға хабарланды.
done-recommendation-answered = Жауап жіберілді; жолдаушыға хабарланды.
done-recommendation-reported = Есеп жазылды.
done-liaison-assigned = Тіркелгі енді осы адресаттың байланыс тұлғасы.
error-recommendation-answered = Бұл ұсынымға жауап берілген.
error-recommendation-closed = Бұл ұсыным жабылған.
error-recommendation-acknowledged = Алғаны бұрын расталған.
error-recommendation-extended = Мерзім бұрын ұзартылған.
error-recommendation-overdue = Мерзім өтіп кетті: оны енді ұзартуға болмайды.
error-recommendation-not-answered = Орындалуы туралы хабарламас бұрын ұсынымға жауап беріңіз.
scorecard-title = Мемлекеттік органдардың рейтингі
scorecard-lead = Әр министрлік, әкімдік және партия Ассамблея ұсынымдарына қалай жауап береді: мерзімінде ме, кешігіп пе, қаншалықты жылдам және нені орындайды.
scorecard-on = Деректер күні:
scorecard-ranking = Адресаттардың рейтингі
scorecard-rank = Орны
scorecard-addressee = Адресат
scorecard-received = Алынғаны
scorecard-answered-on-time = Мерзімінде жауап
scorecard-median = Жауапқа дейінгі жұмыс күндерінің медианасы
scorecard-overdue = Қазір мерзімі өткен
scorecard-implemented = Орындалғаны
scorecard-method = Мерзімінде: мерзімі келгендердің ішінде мерзімге дейін (ұзартылған не ұзартылмаған) берілген жауаптар. Орындалғаны: жауап берілгендердің ішінде. Тиісті адресатқа жолданғандар сонда есептеледі.
scorecard-chart-title = Мерзімінде берілген жауаптар, мерзім айы бойынша
scorecard-month = Ай
scorecard-due = Мерзімі келген жауаптар
scorecard-on-time = Мерзімінде
notify-kind-recommendation-received = Органыма келген ұсынымдар
notify-kind-recommendation-answered = Органымның немесе мен жазылған ұсынымдарға жауаптар
notify-kind-recommendation-reminder = Мерзімдер туралы еске салу
notify-kind-recommendation-overdue = Мерзімі өткен ұсынымдар
notify-recommendation-received = Органыңызға ұсыным жолданды: «{ $title }»
notify-recommendation-answered-answered = Жауап алынды: «{ $title }»
notify-recommendation-answered-extended = Мерзім ұзартылды: «{ $title }»
notify-recommendation-answered-forwarded = Басқа адресатқа жолданды: «{ $title }»
notify-recommendation-reminder-due-in-5 = Жауап 5 жұмыс күнінен кейін керек: «{ $title }»
notify-recommendation-reminder-due-in-1 = Жауап келесі жұмыс күні керек: «{ $title }»
notify-recommendation-overdue = Мерзімі өтті, жауап жоқ: «{ $title }»
scorecard-idle = { $count ->
    [one] { $count } адресат әзірге ештеңе алған жоқ
   *[other] { $count } адресат әзірге ештеңе алған жоқ
}
done-addressee-edited = Адресат сақталды.
addressee-edit = Адресатты түзету
addressee-website = Сайты
addressee-archive = Енді ұсынымдар алмайды (атауы өзгерген не таратылған)
