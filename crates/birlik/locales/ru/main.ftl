# Бирлик — тексты на русском языке.
# Три файла (kk, ru, en) должны содержать одинаковые ключи: это проверяет `python3 locales/check.py`.

## Сайт

site-name = Бирлик
skip-to-content = Перейти к содержанию
nav-label = Главное меню
nav-regions = Регионы
nav-groups = Этносы
nav-associations = Объединения
nav-bodies = Органы
nav-open-data = Открытые данные
nav-audit = Журнал аудита
nav-jobs = Задания
language-switch = Выбор языка
search-label = Поиск по сайту
search-placeholder = Название, регион, этнос…
search-button = Найти
footer-text = Бирлик — открытое программное обеспечение. Демонстрационные данные вымышлены и не описывают реальных людей и организаций.
back-home = Вернуться на главную

## Главная

home-title = Ассамблея народа Казахстана
home-intro = Ассамблея народа Казахстана объединяет представителей более 100 этносов. В её структуру входят сессия и Совет Ассамблеи, 20 региональных ассамблей, более тысячи этнокультурных объединений, советы общественного согласия и советы матерей.
home-work-title = Чем занимается Ассамблея
home-work = Ассамблея сохраняет межэтническое согласие и единство, вовлекает местные сообщества в общее дело, доносит их голос до государственных органов и предупреждает напряжённость. Она развивает государственный язык — казахский, не ущемляя никого из тех, кто им не владеет. Демонстрационные данные на этом сайте вымышлены.
figure-groups = этносы
figure-regions = регионы
figure-bodies = органы
figure-associations = этнокультурные объединения
figure-members = члены органов

## Общее

choose = — выберите —
none = Нет
none-yet = Пока нет.
edit = Изменить
save = Сохранить
archive = В архив
archived = Эта запись в архиве.
filter-all = Все
filter-apply = Показать
sort-by = Сортировка:
sort-name = по названию
sort-population = по численности
pagination = Страницы
page-previous = ← Назад
page-next = Далее →
form-has-errors = В форме есть ошибки: исправьте отмеченные поля.
date-hint = Даты вводите в формате ГГГГ-ММ-ДД, например 2023-04-27.

## Столбцы таблиц

col-person = ФИО
col-name = Название
col-code = Код
col-centre = Административный центр
col-region = Регион
col-group = Этнос
col-groups = Представляемые этносы
col-level = Уровень
col-founded = Год основания
col-website = Сайт
col-population = Численность
col-position = Должность
col-term = Срок полномочий
col-represents = Представляет объединение
col-table = Таблица
name-kk = Название на казахском
name-ru = Название на русском
name-en = Название на английском

## Регионы

regions-title = Регионы
region-assembly = Ассамблея региона
region-councils = Советы
region-groups = Этносы, представленные объединениями
region-members = Члены ассамблеи региона

## Этносы

groups-title = Этносы
groups-intro = В Казахстане живут представители более ста этносов. На странице каждого этноса перечислены этнокультурные объединения, которые его представляют.
groups-source = Источник: Бюро национальной статистики, национальная перепись населения 2021 года; где данных переписи нет — оценка на 2025 год.
census-2021 = Перепись 2021 года
population-unverified = нет проверенных данных
census-not-shipped = Пока нет в справочных данных Birlik: итоги переписи 2021 года по национальностям публикует Бюро национальной статистики (stat.gov.kz); здесь показаны только сверенные с ними цифры.
estimate-2025 = Оценка на 2025 год

## Объединения

associations-title = Этнокультурные объединения
association-new = Новое объединение
association-form-title = Этнокультурное объединение
association-members = Представители в органах
count-associations =
    { $count ->
        [one] { $count } объединение
        [few] { $count } объединения
        [many] { $count } объединений
       *[other] { $count } объединения
    }
see-all-associations = Показать все объединения
level-republican = Республиканское
level-regional = Региональное

## Органы

bodies-title = Органы Ассамблеи
bodies-intro = Сессия и Совет Ассамблеи, ассамблеи регионов и советы при них: советы общественного согласия, советы матерей, советы по этномедиации, Научно-экспертный совет.
body-new = Новый орган
body-new-child = Добавить подчинённый орган
body-form-title = Орган
body-kind = Вид органа
body-parent = Вышестоящий орган
body-no-parent = Нет вышестоящего органа
body-national = Республиканский (без региона)
body-children = Подчинённые органы
person-seats = Места в органах Ассамблеи
body-members = Состав
body-kind-national-session = Сессия Ассамблеи
body-kind-council = Совет Ассамблеи
body-kind-regional-assembly = Ассамблея региона
body-kind-public-consent-council = Совет общественного согласия
body-kind-mothers-council = Совет матерей
body-kind-ethnomediation-council = Совет по этномедиации
body-kind-scientific-expert-council = Научно-экспертный совет
body-kind-thematic-council = Тематический совет

## Членство

membership-new = Добавить члена
membership-form-title = Член органа
term-start = Начало полномочий
term-end = Окончание полномочий
position-chair = Председатель
position-deputy-chair = Заместитель председателя
position-secretary = Секретарь
position-member = Член

## Поиск

search-title = Поиск
search-results =
    { $count ->
        [one] Найден { $count } результат
        [few] Найдено { $count } результата
        [many] Найдено { $count } результатов
       *[other] Найдено { $count } результата
    }
kind-group = Этнос
kind-association = Этнокультурное объединение
kind-body = Орган
kind-person = Человек

## Открытые данные

open-data-title = Открытые данные
open-data-intro = Данные реестра можно свободно скачать в форматах CSV и JSON; органы и их члены доступны и в формате Popolo. API описан в спецификации OpenAPI.
table-regions = Регионы
table-ethnic-groups = Этносы
table-bodies = Органы
table-associations = Этнокультурные объединения
table-members = Члены органов
import-problem = строка { $row }: { $field }: { $message }
import-unknown-column = Неизвестный столбец; столбцы файла: { $columns }.
import-missing-column = Нет столбца; столбцы файла: { $columns }.
import-duplicate-column = Столбец указан дважды.
import-cannot-read = Не удалось прочитать { $file }: { $error }
import-refused =
    { $count ->
        [one] Найдена { $count } ошибка; ничего не импортировано.
        [few] Найдено { $count } ошибки; ничего не импортировано.
        [many] Найдено { $count } ошибок; ничего не импортировано.
       *[other] Найдено { $count } ошибки; ничего не импортировано.
    }
import-checking = Проверка
import-writing = Запись
import-abandoned = Импорт простоял больше двух минут и был прерван: из него ничего не сохранено. Запустите его снова.
import-search-later = Работающие серверы добавят новые строки в поиск за несколько секунд; остановленный сервер — при запуске.
import-done =
    { $count ->
        [one] Импортирована { $count } строка из файла { $file }.
        [few] Импортировано { $count } строки из файла { $file }.
        [many] Импортировано { $count } строк из файла { $file }.
       *[other] Импортировано { $count } строки из файла { $file }.
    }

## Учётная запись

login = Войти
logout = Выйти
register = Регистрация
login-failed = Неверный адрес электронной почты или пароль.
account-title = Личный кабинет
email = Электронная почта
display-name = Отображаемое имя
password = Пароль
password-hint = Не менее 10 символов.
password-change = Сменить пароль
password-changed = Пароль изменён.
password-current = Текущий пароль
password-new = Новый пароль
roles = Роли
role-admin = Администратор
role-secretariat = Секретариат
role-member = Член органа
role-participant = Участник

## Аудит

audit-title = Журнал аудита
audit-when = Время
audit-actor = Пользователь
audit-action = Действие
audit-entity = Объект
audit-entity-id = ID объекта
audit-before = До
audit-after = После
jobs-title = Остановленные задания
jobs-intro = Эти таймеры не сработали ни с одной попытки и ждут оператора. Когда причина устранена, повторите задание: оно сразу выполнится снова.
jobs-empty = Остановленных заданий нет.
jobs-kind = Вид
jobs-key = Ключ
jobs-attempts = Попыток
jobs-parked-at = Остановлено
jobs-error = Последняя ошибка
jobs-retry = Повторить

## Ошибки

error-not-found = Запрошенная страница не найдена.
error-validation = Введённые данные содержат ошибки.
error-bad-request = Некорректный запрос.
error-not-utf8 = Форма содержит байты, не являющиеся текстом (некорректный UTF-8); ничего не сохранено. Отправьте её снова со страницы.
error-login-required = Войдите, чтобы продолжить.
error-archived = Эта запись в архиве: её нельзя изменить.
error-forbidden = У вас нет прав на это действие.
error-rate-limited = Слишком много запросов. Подождите немного и попробуйте снова.
error-too-large = Отправленные данные слишком велики.
error-internal = На сервере произошла ошибка. Попробуйте позже.
error-csrf = Форма устарела или отправлена с другого сайта. Обновите страницу и попробуйте снова.

## Ошибки полей

field-required = Заполните это поле.
field-too-short =
    { $min ->
        [one] Не менее { $min } символа.
       *[other] Не менее { $min } символов.
    }
field-too-long =
    { $max ->
        [one] Не более { $max } символа.
       *[other] Не более { $max } символов.
    }
field-invalid-characters = Поле содержит недопустимые символы (< > или невидимые символы).
field-nothing-visible = В поле нет видимых знаков: введите буквы или цифры.
field-not-a-number = Введите целое число.
field-out-of-range = Введите число от { $min } до { $max }.
field-invalid-date = Введите дату в формате ГГГГ-ММ-ДД, например 2023-04-27.
field-invalid-url = Адрес сайта должен начинаться с http:// или https:// и не содержать пробелов.
field-invalid-choice = Выберите значение из списка.
field-region-required = Для регионального объединения выберите регион.
field-unknown-region = Такого региона нет.
field-groups-required = Выберите хотя бы один этнос.
field-too-many = Можно выбрать не более { $max }.
field-unknown-group = Такого этноса нет.
field-unknown-body = Такого органа нет.
field-region-of-parent = Орган, подчинённый региональному органу, должен относиться к тому же региону.
field-parent-cycle = Орган не может подчиняться самому себе или своему подчинённому органу.
field-unknown-person = Такого человека нет.
field-unknown-association = Такого объединения нет.
field-term-end-before-start = Окончание полномочий не может быть раньше их начала.
field-invalid-email = Введите адрес электронной почты латиницей, например name@example.kz (домен на другом алфавите — в форме xn--).
field-wrong-password = Неверный пароль.

# Письменность казахского текста: кириллица или латиница (2021).
script-switch = Выбор письменности
script-cyrillic = Кириллица
script-latin = Латиница

# Даты: «27 апреля 2023 г.» (месяц в родительном падеже).
date = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Консультации
nav-consultations = Консультации
consultations-title = Консультации
consultations-lead = Вопросы, которые Ассамблея задаёт людям: голосуйте за утверждения, добавляйте свои и смотрите, что объединяет мнения.
consultations-none = Пока не открыто ни одной консультации.
consultation-new = Открыть консультацию
consultation-edit = Изменить консультацию
consultation-edit-hint = Можно изменить вопрос, описание, даты и настройки; орган и утверждения не меняются. Каждое изменение записывается в журнал аудита.
save-changes = Сохранить изменения
consultation-close-early = Закрыть досрочно
consultation-close-early-hint = Консультация закроется сейчас: голосование и новые утверждения прекратятся, результаты станут публичными. Причина будет показана на странице консультации. Отменить это нельзя.
consultation-close-reason = Причина закрытия
consultation-close-now = Закрыть сейчас
done-consultation-edited = Консультация изменена.
done-consultation-closed = Консультация закрыта: голосование остановлено, результаты опубликованы.
consultation-closed-early = Закрыта досрочно { $date }: { $reason }
consultation-open = Открыть консультацию
consultation-page = Участвовать
consultation-body = Орган
consultation-languages-hint = Напишите вопрос на одном или нескольких языках; читатели недостающего языка увидят другой, с пометкой.
question-kk = Вопрос на казахском
question-ru = Вопрос на русском
question-en = Вопрос на английском
description-kk = Описание на казахском
description-ru = Описание на русском
description-en = Описание на английском
consultation-opens = Открывается (ГГГГ-ММ-ДД)
consultation-closes = Закрывается (ГГГГ-ММ-ДД)
consultation-moderation = Новые утверждения
moderation-publish = Публикуются сразу
moderation-approve = Публикуются после одобрения модератором
consultation-participation = Кто может участвовать
participation-anyone = Любой с браузером
participation-accounts = Только зарегистрированные
consultation-results = Результаты открыты
results-running = Пока идёт консультация
results-after-close = Только после закрытия
consultation-questions = Необязательные вопросы участникам
consultation-seeds = Начальные утверждения, по одному в строке
consultation-question-required = Напишите вопрос хотя бы на одном языке.
consultation-closes-before-opening = Дата закрытия раньше даты открытия.
consultation-upcoming = Эта консультация ещё не открыта.
consultation-closed = Эта консультация закрыта: голосование окончено.
consultation-accounts-only = В этой консультации участвуют только зарегистрированные пользователи.
phase-upcoming = Скоро
phase-open = Идёт
phase-closed = Закрыта
shown-in-kk = Показано на казахском
shown-in-ru = Показано на русском
shown-in-en = Показано на английском
progress = { $voted } из { $total }
vote-agree = Согласен
vote-disagree = Не согласен
vote-pass = Пропустить / не уверен
vote-unknown-statement = В этой консультации нет такого утверждения, открытого для голосования.
error-not-open = Эта консультация не открыта для голосования.
all-voted = Вы проголосовали за все утверждения. Спасибо! Загляните позже: могут появиться новые.
no-statements-yet = Утверждений пока нет.
statement-translated = Перевод: показать оригинал
statement-add = Добавьте своё утверждение
statement-text = Утверждение
statement-hint = Одна мысль своими словами, до 400 знаков. Публикуется как простой текст.
statement-submit = Отправить
statement-similar = Очень похожее утверждение уже есть:
statement-confirm = Моё говорит о другом: всё равно отправить
statement-published = Ваше утверждение опубликовано.
statement-pending = Ваше утверждение появится после одобрения модератором.
statement-seed = начальное
statement = Утверждение
about-you = О вас (необязательно)
about-you-hint = Все ответы необязательны. Они используются только в итогах не менее чем по 10 участникам и никогда не показываются для отдельного человека.
prefer-not-to-say = Не указывать
answers-saved = Ваши ответы сохранены.
attribute-region = Регион
attribute-ethnic_group = Этническая группа
attribute-language = Язык
language-kk = Казахский
language-ru = Русский
language-en = Английский
language-other = Другой язык
your-votes = Ваши голоса
results-link = Результаты
manage-link = Модерация
results-title = Результаты
results-none = Анализировать пока нечего: результаты появятся через несколько секунд после первых голосов.
results-computed = Рассчитано { $at }: голосов — { $votes }, участников — { $participants } (проголосовали достаточно, чтобы попасть в группу, — { $grouped }).
results-map = Карта мнений
results-map-hint = Каждая цветная область — место участников одной группы мнений; чем темнее, тем их плотнее. Каждый закрашенный квадрат означает не меньше 5 человек; отдельные люди не показаны.
results-map-words = Карта словами
map-group-place = { $group } ({ $size }): { $where }; { $spread }.
map-group-hidden = { $group } ({ $size }): участников слишком мало, чтобы показать группу на карте.
map-at-top-left = в левом верхнем углу карты
map-at-top = в верхней части карты
map-at-top-right = в правом верхнем углу карты
map-at-left = в левой части карты
map-at-centre = в центре карты
map-at-right = в правой части карты
map-at-bottom-left = в левом нижнем углу карты
map-at-bottom = в нижней части карты
map-at-bottom-right = в правом нижнем углу карты
map-spread-close = участники близки друг к другу
map-spread-some = участники довольно разбросаны
map-spread-wide = участники рассеяны по большей части карты
results-groups = Группы мнений
results-no-groups = Для образования групп проголосовало пока слишком мало участников.
group-name = Группа { $name }
percent = { $value } %
results-map-caption = Участников на карте: { $participants }, групп: { $groups }.
export-json = JSON
participants-count = { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[many] { $count } участников
}
rep-agree = согласны:
rep-disagree = не согласны:
results-consensus = С чем согласно большинство во всех группах
consensus-agree = Большинство в каждой группе согласно
consensus-disagree = Большинство в каждой группе не согласно
results-none-yet = Пока нет.
results-group-informed = Консенсус с учётом групп
results-group-informed-hint = Утверждения по вероятности того, что с ними согласится каждая группа мнений.
results-bridging = Объединяющие утверждения
results-bridging-hint = Утверждения, с которыми согласны по обе стороны разногласия, а не только на одной.
bridging-bridging = согласие между группами
results-unity = Единство заявленных групп
results-unity-none = На необязательные вопросы ответило слишком мало участников, чтобы показать какую-либо группу.
results-unity-hint = Доля согласных в каждой группе; группы меньше { $k } участников никогда не показываются, а таблица обновляется, лишь когда в группе с прошлого раза проголосовали или ответили не меньше { $k } участников, чтобы никого нельзя было вычислить. Разногласия — большинство согласно, а группа против — отмечены.
results-unity-privacy = К каждому показателю группы добавлен случайный шум (дифференциальная приватность, ε = { $epsilon } на таблицу): даже тот, кто управляет всеми остальными участниками группы, не узнает, как ответил один человек. Это таблица { $table } из не более чем { $tables } (общий бюджет ε = { $budget } на ответ); размеры групп округлены до 5.
unity-everyone = Все
unity-division = разногласие
results-api = анализ в JSON
moderation-queue = Очередь модерации
moderation-empty = Ничего не ожидает.
moderation-reason = Причина
moderation-publish-one = Опубликовать
moderation-reject = Снять с обсуждения
status-pending = ожидает
status-published = опубликовано
status-rejected = снято модератором
translation-add = Добавить перевод
translation-language = Язык
documents-title = Документы
documents-none = Документов пока нет.
document-title = Название
document-lang = Язык документа
document-version-of = Версия документа
document-original = — новый документ —
document-file = Файл
document-file-hint = PDF, ODT, DOCX, PNG или JPEG, не более { $count } МБ.
document-upload = Прикрепить
document-size-kb = { $size } КБ
document-size-mb = { $size } МБ
field-file-required = Выберите файл.
field-file-type = Такой файл не принимается: прикрепите файл PDF, ODT, DOCX, PNG или JPEG.
field-file-too-large = Файл слишком большой: не более { $max } МБ.
field-unknown-item = Нет такой страницы, к которой можно прикрепить документ.
field-unknown-document = Здесь нет такого документа.
field-version-exists = У этого документа уже есть версия на этом языке.

## Meetings (sessions and decisions)
nav-meetings = Заседания
meetings-title = Заседания и сессии
meetings-lead = Сессии и заседания органов Ассамблеи: повестка дня, присутствие, голосования и решения.
meetings-none = Заседаний пока нет.
meeting-numbered = { $number } сессия: { $title }
meeting-demo = Демо
meeting-demo-notice = Это демо-содержание: повестка, голосования и решения вымышлены.
meeting-kind-session = Сессия
meeting-kind-council-meeting = Заседание Совета
meeting-kind-meeting = Заседание
meeting-status-planned = Запланировано
meeting-status-convened = Созвано
meeting-status-in-progress = Идёт
meeting-status-closed = Закрыто
meeting-status-postponed = Перенесено
meeting-status-cancelled = Отменено
meeting-reason = Причина
meeting-when = Время
meeting-time-zone = время Казахстана, UTC+5
meeting-place = Место
meeting-online = Подключиться онлайн
meeting-agenda = Повестка дня
meeting-agenda-empty = Повестка дня ещё не опубликована.
meeting-presenter = Докладчик
meeting-consultation-results = Итоги консультации
meeting-item-added = Добавлено:
meeting-attendance = Присутствие и кворум
meeting-present = Присутствуют
meeting-quorum-holds = кворум есть
meeting-quorum-lacking = кворума нет
meeting-check-in = Я присутствую
meeting-members = Члены
meeting-is-present = присутствует
meeting-is-absent = отсутствует
meeting-votes = Голосования
meeting-votes-none = Голосований пока не было.
meeting-decisions = Решения
meeting-decisions-none = Решений пока нет.
motion-open = Идёт голосование
motion-votes-cast = { $count ->
    [one] подан { $count } голос
    [few] подано { $count } голоса
   *[other] подано { $count } голосов
}
motion-adopted = Принято
motion-rejected = Не принято
motion-no-quorum = Кворума не было
motion-show-of-hands = Поднятием рук (записано секретариатом)
motion-roll-call = Поимённое голосование
vote-for = За
vote-against = Против
vote-abstain = Воздержался
decision-number = Решение №
execution-pending = Ожидает исполнения
execution-in-progress = Исполняется
execution-done = Исполнено
execution-not-done = Не исполнено
field-text-one-language = Напишите текст хотя бы на одном языке.
meeting-ends-before-start = Время окончания раньше времени начала.
meeting-not-a-member = Этот человек не член органа.
meeting-count-exceeds-present = Голосов больше, чем присутствующих.
field-invalid-time = Укажите время в виде 2023-04-27T10:00 (время Казахстана).
error-meeting-over = Заседание закрыто или отменено: изменить его уже нельзя.
error-meeting-status = Заседание нельзя перевести в это состояние.
error-open-vote = Нельзя закрыть заседание, пока идёт голосование.
error-agenda-published = Повестка дня уже опубликована.
error-meeting-not-running = Заседание сейчас не идёт.
error-not-a-member = Вы не член этого органа.
error-not-present = Голосуют только присутствующие члены: сначала отметьтесь.
error-vote-open = На этом заседании уже идёт голосование.
error-vote-not-open = Это голосование не открыто.
error-already-voted = Вы уже проголосовали по этому вопросу: голосуют один раз.

## The way in: header menu, welcome, home page, error pages, accessibility
menu = Меню
flash-welcome-back = С возвращением! Вы вошли в систему.
flash-welcome-new = Добро пожаловать! Учётная запись создана: теперь вы можете участвовать в консультациях.
have-account = Уже есть учётная запись?
no-account = Нет учётной записи?
how-it-works-vote = Голосуйте по утверждениям по одному: согласен, не согласен или пропустить.
how-it-works-add = Добавьте своё утверждение ниже; итоги покажут, в чём сходятся разные группы.
consultation-about = О консультации
open-until = открыта до { $date }
take-part = Участвовать
home-open-consultations = Открытые сейчас консультации
all-consultations = Все консультации
home-no-open-consultations = Сейчас открытых консультаций нет. Прошедшие консультации и их итоги — в списке.
home-figures-title = Ассамблея в цифрах
error-code = Код ошибки:
error-title-not-found = Страница не найдена
error-help-not-found = Проверьте адрес или воспользуйтесь поиском; можно также начать с главной страницы.
error-title-forbidden = Нет доступа
error-help-forbidden = У вашей учётной записи нет прав на это действие. Если они нужны, обратитесь в секретариат органа.
error-title-forbidden-anonymous = Нет доступа
error-help-forbidden-anonymous = Эта страница или действие доступны только учётной записи с правами. Войдите и попробуйте снова.
error-title-invalid = В запросе есть ошибка
error-help-invalid = Вернитесь на предыдущую страницу, исправьте поля и отправьте снова.
error-title-conflict = Действие не выполнено
error-help-conflict = Пока страница была открыта, данные могли измениться. Обновите её и попробуйте снова.
error-title-rate-limited = Слишком много попыток
error-help-rate-limited = Подождите несколько минут и попробуйте снова.
error-title-too-large = Слишком большой объём
error-help-too-large = Выберите файл поменьше или разделите его на части.
error-title-internal = Сбой на нашей стороне
error-help-internal = Это не ваша ошибка. Попробуйте снова чуть позже.
accessibility-title = Заявление о доступности
a11y-intro = Birlik сделан для всех: на телефоне, при медленной связи, с экранным диктором или только с клавиатурой, на казахском, русском или английском.
a11y-standard = Мы стремимся соответствовать Руководству по доступности веб-контента (WCAG) 2.1 на уровне AA. Страницы проверяются автоматическим средством проверки доступности и вручную.
a11y-works-title = Что работает
a11y-works-1 = Каждая страница и каждая форма работают без JavaScript и только с клавиатуры, фокус всегда виден.
a11y-works-2 = У страниц указан язык; казахский текст можно читать кириллицей или латиницей.
a11y-works-3 = У полей с ошибками рядом сказано, что не так, и экранный диктор это озвучивает.
a11y-works-4 = Контраст цветов не ниже 4,5 к 1; варианты голосования отличаются значком, формой и текстом, а не только цветом.
a11y-works-5 = Широкие таблицы на телефоне прокручиваются вбок, и об этом сказано.
a11y-limits-title = Известные ограничения
a11y-limits-1 = Карта мнений на странице итогов — это рисунок: группы и их утверждения перечислены текстом под ней.
a11y-limits-2 = Документы, загруженные секретариатами (PDF и другие), могут быть недоступны; попросите у секретариата другой формат.
a11y-contact-title = Сообщите нам
a11y-contact = Если чем-то в Birlik вам трудно пользоваться, сообщите в секретариат Ассамблеи или вашей региональной ассамблеи: мы ответим и исправим, что сможем.
search-type = Тип
search-type-all = Всё
search-type-region = Регионы
search-type-group = Этносы
search-type-body = Органы
search-type-association = Этнокультурные объединения
search-type-person = Люди
search-type-consultation = Консультации
search-type-statement = Утверждения в консультациях
search-more = Показать все результаты этого типа
search-empty = Ничего не найдено. Попробуйте другую форму слова, меньше слов или другой язык: названия ищутся на казахском, русском и английском, в обоих казахских алфавитах.
kind-region = Регион
kind-consultation = Консультация
kind-statement = Утверждение
table-scrolls = Таблица (прокручивается вбок)
table-scroll-hint = Прокрутите вбок, чтобы увидеть всю таблицу.
my-statements-title = Мои утверждения
my-statements-intro = Утверждения, которые вы добавили со своей учётной записи или из этого браузера, и что с каждым стало.
my-statements-none = Вы ещё не добавили ни одного утверждения.
my-status-published = Опубликовано: за него голосуют
my-status-pending = Ждёт модераторов
my-status-rejected = Модераторы не опубликовали
my-statements-link = Мои утверждения
search-close = Возможно, вы искали:
done-moderated-publish = Утверждение опубликовано.
done-moderated-reject = Утверждение снято модератором; причина записана в журнал.
done-translated = Перевод сохранён.
form-show-errors = Перейти к форме.
done-opened = Консультация открыта: здесь вы модерируете её утверждения и добавляете переводы.
statement-added-on = Добавлено
statement-by-account = автор: { $name }
statement-by-participant = автор: участник № { $number }
statement-in = в консультации
home-coming-meetings = Ближайшие сессии и заседания
all-meetings = Все заседания
meeting-follow = Повестка и подробности
search-type-meeting = Сессии и заседания
kind-meeting = Заседание
## Notifications
nav-inbox = Уведомления
nav-mail = Почта
inbox-title = Уведомления
inbox-unread = { $count ->
        [one] { $count } непрочитанное уведомление
        [few] { $count } непрочитанных уведомления
        [many] { $count } непрочитанных уведомлений
       *[other] { $count } непрочитанного уведомления
    }
inbox-read-all = Отметить все как прочитанные
inbox-empty = Уведомлений пока нет. Подпишитесь на консультацию, заседание или орган — новости будут приходить сюда.
inbox-new = новое
inbox-older = Более ранние
follow = Следить
following = Вы следите · перестать
unfollow = Перестать следить
notify-settings-title = Настройки уведомлений
notify-settings-intro = Выберите, как получать каждый вид уведомлений по электронной почте. Все уведомления в любом случае остаются на странице уведомлений.
notify-settings-save = Сохранить
notify-settings-saved = Настройки сохранены.
notify-following = Вы следите
notify-following-none = Вы пока ни за чем не следите.
notify-delivery-instant = Письмом сразу
notify-delivery-daily = Раз в день, сводкой
notify-delivery-never = Не присылать писем
notify-kind-statement-published = Новые утверждения в консультациях, за которыми вы следите
notify-kind-statement-moderated = Модерация моих утверждений
notify-kind-agenda-published = Повестки заседаний
notify-statement-published = В консультации «{ $title }» открыто для голосования новое утверждение
notify-statement-moderated-published = Ваше утверждение в консультации «{ $title }» опубликовано
notify-statement-moderated-rejected = Ваше утверждение в консультации «{ $title }» отклонено
notify-agenda-published = Опубликована повестка: «{ $title }»
notify-digest = ежедневная сводка
unsubscribe-title = Отписка от писем
unsubscribe-ask = Больше не присылать письма «{ $kind }»?
unsubscribe-button = Да, не присылать
unsubscribe-done = Письма «{ $kind }» больше не будут приходить. На странице уведомлений они по-прежнему видны.
mail-greeting = Здравствуйте, { $name }!
mail-intro = В Birlik есть новости:
mail-digest-intro = Новости за последний день:
mail-digest-subject = { $count ->
        [one] Birlik: { $count } новое уведомление
        [few] Birlik: { $count } новых уведомления
        [many] Birlik: { $count } новых уведомлений
       *[other] Birlik: { $count } нового уведомления
    }
mail-why = Вы получили это письмо, потому что следите за этим или у вас есть роль в органе.
mail-settings = Настройки уведомлений
mail-unsubscribe = Отписаться от писем «{ $kind }»
mail-unsubscribe-digest = Отписаться от ежедневной сводки
mail-admin-title = Электронная почта
mail-admin-pending = Ждут отправки
mail-admin-digest = Ждут сводки
mail-admin-sent = Отправлено за сутки
mail-admin-failing = Не отправляются
mail-admin-failing-none = Ошибок отправки нет.
mail-admin-state = Состояние
mail-admin-retry = Перезапустить остановленные задания
mail-transport-outbox = SMTP не настроен: письма записываются как файлы .eml в { $dir }.
mail-transport-smtp = Письма отправляются через SMTP.

## Meetings: the secretariat's forms
meeting-new = Назначить заседание
meeting-manage = Вести заседание
meeting-public-page = Публичная страница
meeting-body = Орган
meeting-kind = Вид заседания
meeting-number = Номер сессии
meeting-number-hint = Необязательно: сессии нумеруются и показываются римскими цифрами (32 — XXXII).
meeting-title-legend = Название (хотя бы на одном языке)
meeting-description-legend = Описание
meeting-text-kk = На казахском
meeting-text-ru = На русском
meeting-text-en = На английском
meeting-time-hint = Время — казахстанское (UTC+5), например 2023-04-27T10:00.
meeting-starts = Начало
meeting-ends = Окончание
meeting-online-url = Ссылка для участия онлайн (https://)
meeting-create = Назначить заседание
meeting-status-change = Статус
meeting-status-final = Заседание завершено: его статус больше не меняется.
meeting-status-choose = Выберите…
meeting-new-status = Новый статус
meeting-reason-hint = Перенос или отмена требуют причины; она показывается на странице заседания.
meeting-status-save = Изменить статус
agenda-empty-draft = Пунктов пока нет.
agenda-published-on = Повестка опубликована
agenda-publish = Опубликовать повестку (члены и подписчики получат уведомление)
agenda-add = Добавить пункт повестки
agenda-item-title = Название пункта (хотя бы на одном языке)
agenda-presenter = Докладчик (член органа или приглашённый)
agenda-consultation = Консультация, итоги которой показаны рядом с пунктом
agenda-consultation-none = Нет
agenda-add-button = Добавить пункт
attendance-hint = Отметьте присутствующих членов
attendance-by-self = отметился сам
attendance-save = Сохранить присутствие
attendance-closed = Присутствие регистрируется, когда заседание созвано или идёт.
motion-put = Поставить вопрос на голосование
motion-text = Текст вопроса (хотя бы на одном языке)
motion-item = Пункт повестки
motion-item-none = Нет
motion-method = Как голосуют члены
motion-method-roll-call = Поимённо: каждый член голосует из своей учётной записи
motion-method-show-of-hands = Поднятием рук: секретариат записывает подсчёт
motion-count = Подсчёт голосов поднятием рук
motion-count-hint = Только при голосовании поднятием рук: голоса за, против и воздержавшиеся, подсчитанные в зале.
motion-submit = Поставить на голосование
motion-close = Закрыть голосование и подсчитать
motion-when = Вопросы ставятся на голосование, пока заседание идёт.
decision-execution = Исполнение
decision-execution-save = Сохранить
rules-title = Регламент заседаний
rules-lead = Кворум, нужный заседанию органа, и большинство, нужное для принятия решения. Каждое изменение сохраняется в журнале аудита.
rules-quorum = Кворум
rules-quorum-more-than-half = Более половины членов
rules-quorum-two-thirds = Не менее двух третей членов
rules-majority-of = Большинство считается от
rules-majority-of-present = присутствующих членов
rules-majority-of-all = всех членов органа
rules-majority = Большинство
rules-majority-simple = Более половины
rules-majority-two-thirds = Не менее двух третей
rules-save = Сохранить регламент

## Meetings: minutes
minutes-title = Протокол
minutes-version = Редакция
minutes-approved-on = утверждена
minutes-approved-by = Утвердил(а)
minutes-draft-notice = Проект, составленный сервером по записи заседания: ещё не утверждён.
minutes-attendance = Присутствие и кворум
minutes-present = Присутствовали
minutes-absent = Отсутствовали
minutes-proceedings = Ход заседания
minutes-vote = Голосование
minutes-on-item = пункт повестки
minutes-changes = Что исправлено в этой редакции
minutes-note = Причина исправления
minutes-versions = Утверждённые редакции протокола
minutes-edit = Составить и утвердить протокол
minutes-narrative = Ход заседания (текст секретариата)
minutes-narrative-hint = Сервер составляет протокол по записи (присутствие, повестка, голосования с поимённым списком, решения); добавьте ход заседания на одном или нескольких языках, по абзацу в строке. Читатели увидят его после утверждения протокола.
minutes-narrative-save = Сохранить текст
minutes-approve = Утвердить протокол
minutes-approve-hint = Утверждение фиксирует эту редакцию в нынешнем виде; последующее исправление станет новой редакцией, а эта останется доступной. Примечание необязательно.
minutes-correction-hint = Это утверждение — исправление: новая редакция перечислит, что изменилось с прошлой. Укажите причину исправления.
minutes-approve-when = Протокол утверждается после закрытия заседания.
minutes-change-particulars = Изменены сведения о заседании (название, время, место или статус).
minutes-change-narrative-kk = Изменён текст на казахском.
minutes-change-narrative-ru = Изменён текст на русском.
minutes-change-narrative-en = Изменён текст на английском.
minutes-change-attendance = Изменена отметка о присутствии: { $name }.
minutes-change-quorum = Изменилось число присутствующих или кворум.
minutes-change-item = Изменён пункт повестки { $number }.
minutes-change-vote = Изменено голосование { $number }.
minutes-change-decision = Изменено решение № { $number }.
minutes-note-required = Укажите, почему исправляется протокол.
error-minutes-cancelled = У отменённого заседания нет протокола.
error-minutes-not-closed = Протокол утверждается после закрытия заседания.
error-minutes-unchanged = С последней утверждённой редакции ничего не изменилось.
error-minutes-approved-meanwhile = Протокол тем временем утвердил кто-то другой: посмотрите новую редакцию и повторите.
minutes-majority-simple-present = более половины присутствующих членов
minutes-majority-simple-all = более половины всех членов
minutes-majority-two-thirds-present = не менее двух третей присутствующих членов
minutes-majority-two-thirds-all = не менее двух третей всех членов

## Calendars
calendar-all = Заседания Ассамблеи народа Казахстана
table-meetings = Заседания
table-agenda-items = Вопросы повестки
table-motions = Вопросы, поставленные на голосование
table-votes = Голоса (кто как голосовал)
table-decisions = Решения
meeting-live = Заседание идёт
meeting-live-item = Рассматривается вопрос
meeting-live-vote = Идёт голосование
meeting-live-no-vote = Сейчас голосования нет.

## Month view of meetings
month-name-1 = Январь
month-name-2 = Февраль
month-name-3 = Март
month-name-4 = Апрель
month-name-5 = Май
month-name-6 = Июнь
month-name-7 = Июль
month-name-8 = Август
month-name-9 = Сентябрь
month-name-10 = Октябрь
month-name-11 = Ноябрь
month-name-12 = Декабрь
weekday-1 = Пн
weekday-2 = Вт
weekday-3 = Ср
weekday-4 = Чт
weekday-5 = Пт
weekday-6 = Сб
weekday-7 = Вс
calendar-month = { $month } { $year }
calendar-previous = Предыдущий месяц
calendar-next = Следующий месяц
calendar-as-list = Списком
calendar-month-view = Календарь на месяц
calendar-count = { $count ->
        [one] В этом месяце { $count } заседание
        [few] В этом месяце { $count } заседания
        [many] В этом месяце { $count } заседаний
       *[other] В этом месяце { $count } заседания
    }

## Account mail: password reset, address confirmation
forgot-password = Забыли пароль?
reset-title = Новый пароль
reset-intro = Введите адрес своей учётной записи: мы пришлём на него ссылку для нового пароля.
reset-send = Прислать ссылку
reset-sent = Если этот адрес принадлежит учётной записи, на него отправлена ссылка для нового пароля. Ссылка действует один раз, в течение часа. Письма нет? Загляните в папку «Спам» или попросите снова через несколько минут.
reset-new-title = Придумайте новый пароль
reset-done = Пароль изменён, все сеансы вашей учётной записи завершены. Войдите с новым паролем.
reset-invalid = Эта ссылка больше не действует: ею уже воспользовались, прошёл час или её заменила более новая ссылка.
reset-again = Запросить новую ссылку
link-invalid-title = Ссылка не действует
confirm-title = Подтвердите адрес
confirm-intro = Подтвердите, что этот адрес электронной почты ваш: уведомления по почте приходят только на подтверждённые адреса.
confirm-button = Подтвердить адрес
confirm-done = Адрес подтверждён. Теперь уведомления могут приходить вам по почте.
confirm-invalid = Эта ссылка подтверждения больше не действует: ею уже воспользовались, прошло три дня или её заменила более новая ссылка. Новую можно отправить из личного кабинета.
email-confirmed = подтверждён
email-unconfirmed = Ещё не подтверждён: уведомления на него по почте не отправляются. Откройте ссылку из нашего письма или отправьте её снова.
confirm-resend = Отправить ссылку подтверждения снова
confirm-sent = Новая ссылка подтверждения отправлена.
mail-reset-subject = Новый пароль для учётной записи Birlik
mail-reset-body = Кто-то, надеемся, что вы, попросил задать новый пароль для учётной записи Birlik с адресом { $email }. Ссылка ниже действует один раз, в течение часа.
mail-reset-action = Задать новый пароль
mail-reset-footer = Если вы этого не просили, не обращайте внимания на письмо: пароль останется прежним.
mail-taken-subject = Кто-то пытался зарегистрироваться с вашим адресом
mail-taken-body = Кто-то пытался создать новую учётную запись Birlik с адресом { $email }, у которого уже есть учётная запись: новая не создана. Если это были вы и вы забыли пароль, задайте новый.
mail-taken-action = Задать новый пароль
mail-taken-footer = Если это были не вы, ничего делать не нужно: ваша учётная запись не изменилась.
mail-confirm-subject = Подтвердите адрес в Birlik
mail-confirm-body = Добро пожаловать в Birlik. Подтвердите, что адрес { $email } ваш, чтобы уведомления могли приходить вам по почте. Ссылка действует один раз, в течение трёх дней.
mail-confirm-action = Подтвердить адрес
mail-confirm-footer = Если вы не регистрировались в Birlik, не обращайте внимания на письмо: адрес останется неподтверждённым.
notify-kind-minutes-approved = Утверждённые протоколы заседаний
notify-minutes-approved = Утверждён протокол: «{ $title }»
done-meeting-planned = Заседание назначено: здесь вы его ведёте — статус, повестка, присутствие, голосования и решения.
done-meeting-status = Статус заседания изменён.
done-agenda-item = Пункт добавлен в повестку.
done-agenda-published = Повестка опубликована: члены и подписчики получили уведомление.
done-attendance = Присутствие сохранено.
done-motion = Голосование записано.
done-vote-closed = Голосование закрыто и подсчитано.
done-execution = Исполнение решения сохранено.
done-rules = Регламент заседаний сохранён.
done-narrative = Текст сохранён: читатели увидят его после утверждения протокола.
done-minutes-approved = Протокол утверждён: эта редакция зафиксирована.
vote-corrected = Итог голосования исправлен
vote-correction-reason = Причина

## Предложения (issue 13)
nav-proposals = Предложения
proposals-title = Предложения местных сообществ
proposals-lead = Услышанное районным советом может дойти до республики: подайте предложение в совет или ассамблею, поддержите те, с которыми согласны, и следите за каждым шагом органа с указанием причины.
proposals-none = Нет подходящих предложений.
proposals-found = { $count ->
    [one] { $count } предложение
    [few] { $count } предложения
    [many] { $count } предложений
   *[other] { $count } предложений
}
filter-any = Любой
proposal-new = Подать предложение
proposal-new-lead = Напишите предложение на казахском, русском или английском (или на нескольких). После подачи вы — его первый сторонник; другие могут поддержать его, пока не закроется срок органа.
proposal-to-body = В какой орган
proposal-to-body-hint = Районный совет общественного согласия, региональная ассамблея или сама Ассамблея. Совет или ассамблея может направить его выше.
proposal-title-legend = Заголовок
proposal-text-legend = Текст предложения
proposal-category = Категория
proposal-region = Регион
proposal-region-of-body = Регион самого органа
proposal-on-behalf = От имени
proposal-on-behalf-self = От себя
proposal-documents-later = Документы можно приложить на странице предложения после подачи.
proposal-file = Подать предложение
proposal-similar-intro = Похожие предложения уже поданы. Возможно, лучше поддержать одно из них:
proposal-similar-hint = Если ваше отличается, его всё равно можно подать.
proposal-not-representative = Вы не представляете это объединение ни в одном органе Ассамблеи.
proposal-status = Статус
proposal-status-open = Сбор поддержки
proposal-status-queued = В очереди органа
proposal-status-accepted = Принято
proposal-status-forwarded = Направлено в вышестоящий орган
proposal-status-merged = Объединено с другим предложением
proposal-status-rejected = Отклонено
proposal-body = Рассматривает
proposal-author = Подано
proposal-by-participant = участником
proposal-by-association = от имени: { $name }
proposal-by-body = от имени: { $name }
proposal-reason = Причина
proposal-at-meeting = Решено на этом заседании
proposal-continues-in = Его сторонники теперь поддерживают:
proposal-support-title = Поддержка
proposal-support-progress = Сторонники относительно порога
proposal-supporters-of = { $count ->
    [one] { $count } сторонник
    [few] { $count } сторонника
    [many] { $count } сторонников
   *[other] { $count } сторонников
}
proposal-window-until = Поддержать можно до
proposal-window-passed = Срок сбора поддержки истёк.
proposal-you-support = Вы поддерживаете это предложение.
proposal-withdraw = Отозвать поддержку
proposal-support = Поддержать предложение
proposal-support-login = Войдите, чтобы поддержать
proposal-rise-title = Как оно поднималось
proposal-raised-in = Внесено в { $body } { $day }
proposal-forwarded-by = направлено органом { $body } { $day }
proposal-lineage-title = Что в него влилось
proposal-joined-merged = объединено:
proposal-joined-forwarded = направлено из:
proposal-origins = { $count ->
    [one] { $count } исходное предложение
    [few] { $count } исходных предложения
    [many] { $count } исходных предложений
   *[other] { $count } исходных предложений
}
proposal-districts = { $count ->
    [one] из { $count } района
    [few] из { $count } районов
    [many] из { $count } районов
   *[other] из { $count } районов
}
proposal-regions = { $count ->
    [one] в { $count } регионе
    [few] в { $count } регионах
    [many] в { $count } регионах
   *[other] в { $count } регионах
}
proposal-map-title = Где были внесены его источники
proposal-origins-column = Исходные предложения
proposal-steps-title = Решение органа
proposal-steps-hint = Принять, направить в вышестоящий орган вместе со сторонниками, объединить с похожим предложением этого органа или отклонить. Причину узнают автор, сторонники и подписчики.
proposal-step = Решение
proposal-step-accept = Принять
proposal-step-forward = Направить в вышестоящий орган
proposal-step-merge = Объединить с другим предложением
proposal-step-reject = Отклонить
proposal-meeting = На заседании
proposal-meeting-none = Не на заседании
proposal-merge-into = С каким объединить (для объединения)
proposal-merge-none = —
proposal-take-step = Записать решение
proposal-rules-title = Порог и срок для предложений
proposal-rules-lead = Сколько сторонников нужно предложению и за сколько дней с подачи (или поступления снизу), чтобы попасть в очередь органа к следующему заседанию.
proposal-threshold = Нужно сторонников
proposal-window-days = Дней на сбор
done-proposal-filed = Предложение подано. Вы — его первый сторонник.
done-proposal-supported = Ваша поддержка учтена.
done-proposal-queued = Ваша поддержка учтена, и предложение достигло порога: оно в очереди органа.
done-proposal-withdrawn = Ваша поддержка отозвана.
done-proposal-step = Решение записано, заинтересованные уведомлены.
done-proposal-rules = Порог и срок сохранены.
error-address-unconfirmed = Сначала подтвердите адрес электронной почты: ссылка в письме, отправленном при регистрации.
error-proposal-not-live = Это предложение больше не находится на рассмотрении органа.
error-proposal-window-closed = Срок поддержки этого предложения истёк.
error-proposal-supported-already = Вы уже поддерживаете это предложение.
error-proposal-not-supported = Вы не поддерживаете это предложение.
error-proposal-nowhere-above = Выше этого органа нет органа, принимающего предложения.
error-proposal-forward-circle = Предложение уже было в этом органе: направлять его по кругу нельзя.
error-proposal-merge-itself = Предложение нельзя объединить с самим собой или с тем, что в него влилось.
error-proposal-merge-target = Объединять можно только с предложением того же органа, которое ещё на рассмотрении.
error-proposal-body-kind = Этот орган не принимает предложений.
search-type-proposal = Предложения
kind-proposal = Предложение
notify-kind-proposal-queued = Предложения, достигшие порога моего органа
notify-kind-proposal-decided = Решения по предложениям, которые я подал, поддерживаю или на которые подписан
notify-proposal-queued = Предложение достигло порога: «{ $title }»
notify-proposal-decided-accepted = Предложение принято: «{ $title }»
notify-proposal-decided-forwarded = Предложение направлено в вышестоящий орган: «{ $title }»
notify-proposal-decided-merged = Предложение объединено с похожим: «{ $title }»
notify-proposal-decided-rejected = Предложение отклонено: «{ $title }»

## Рекомендации (issue 13)
nav-recommendations = Рекомендации
recommendations-title = Рекомендации государственным органам
recommendations-lead = Что органы Ассамблеи рекомендуют министерствам, акиматам и партиям, и ответы, которые те обязаны дать по закону, — открыто.
recommendations-none = Рекомендаций пока нет.
recommendations-all = Все рекомендации
recommendations-overdue-only = Только просроченные
recommendations-found = { $count ->
    [one] { $count } рекомендация
    [few] { $count } рекомендации
    [many] { $count } рекомендаций
   *[other] { $count } рекомендаций
}
recommendation-new = Направить рекомендацию
recommendation-new-lead = Один и тот же текст получит каждый отмеченный адресат; каждый получает его сегодня и обязан ответить в течение 15 рабочих дней.
recommendation-body = Направляет
recommendation-addressees = Адресаты
recommendation-title-legend = Заголовок
recommendation-text-legend = Текст рекомендации
recommendation-clock-hint = Сроки считаются в рабочих днях Казахстана (Административный процедурно-процессуальный кодекс, ст. 76).
recommendation-send = Направить
recommendation-from = От
recommendation-to = Кому
recommendation-from-proposal = По предложению
recommendation-proposal-not-accepted = Рекомендацией органа может стать только принятое им предложение.
recommendation-status = Статус
recommendation-status-awaiting = Ожидает ответа
recommendation-status-answered = Дан ответ
recommendation-status-forwarded = Перенаправлена другому адресату
recommendation-status-closed = Закрыта
recommendation-implementation = Исполнение
implementation-none = Пока не сообщалось
implementation-planned = Запланировано
implementation-in-progress = Исполняется
implementation-implemented = Исполнено
implementation-declined = Отказано
recommendation-overdue = Просрочено
recommendation-term = Ответ до
recommendation-clock-title = Сроки
recommendation-term-column = Срок
recommendation-date-column = Дата
recommendation-rule-column = Правило
recommendation-received-on = Получена
recommendation-due-on = Ответ до
recommendation-forward-by = Перенаправить до (если адресат не тот)
recommendation-latest-extension = Самый поздний продлённый срок
recommendation-extended-to = Продлённый срок
recommendation-binding = действующий
recommendation-extension-reason = Причина продления
recommendation-acknowledged = Адресат подтвердил получение.
rule-receipt = День доставки платформой
rule-answer-15-working-days = 15 рабочих дней со дня получения (АППК, ст. 76)
rule-forward-3-working-days = 3 рабочих дня со дня получения, с уведомлением отправителя (АППК, ст. 76)
rule-extension-2-months = Не более двух месяцев со дня получения, мотивированным решением, о котором сообщают в течение 3 рабочих дней (АППК, ст. 76)
rule-extended-by-decision = Продлён мотивированным решением адресата
recommendation-answer-title = Ответ
recommendation-on-time = в срок
recommendation-late = с опозданием
recommendation-reports-title = Отчёты об исполнении
recommendation-batch-title = Направлена также
recommendation-forwarded-from = Перенаправлена из рекомендации
recommendation-continued-in = Перенаправлена надлежащему адресату как рекомендация
recommendation-decline-needs-reason = Укажите причину отказа.
recommendation-extension-out-of-range = Продлённый срок должен быть позже срока ответа и не позже двух месяцев со дня получения.
recommendation-feed-addressee = Рекомендации адресату: { $name }
recommendation-feed-body = Рекомендации органа: { $name }
recommendation-feed-summary = { $status }. Получена { $received }, ответ до { $term }.
recommendation-feed-link = Лента Atom этих рекомендаций
liaison-actions-title = Для адресата
liaison-acknowledge = Подтвердить получение
liaison-answer = Ответ
liaison-answer-text = Текст ответа
liaison-answer-lang = Язык ответа
liaison-answer-send = Отправить ответ
liaison-extend = Продлить срок
liaison-extend-to = Новый срок
liaison-reason = Причина
liaison-extend-send = Продлить
liaison-forward = Перенаправить надлежащему адресату
liaison-forward-to = Адресат
liaison-forward-send = Перенаправить
liaison-report = Сообщить об исполнении
liaison-note = Примечание
liaison-report-send = Сообщить
liaison-inbox-title = Рекомендации моему органу
liaison-inbox-lead = Сначала просроченные, затем по сроку ответа.
liaison-inbox-empty = Ничто не ждёт ответа.
liaison-not-a-liaison = Ваша учётная запись не является контактным лицом государственного органа или партии. Администратор назначает контактных лиц на странице адресата.
liaison-title = Контактные лица
liaison-count = { $count ->
    [one] { $count } контактное лицо
    [few] { $count } контактных лица
    [many] { $count } контактных лиц
   *[other] { $count } контактных лиц
}
liaison-email = Эл. почта учётной записи контактного лица
liaison-assign = Назначить контактным лицом
liaison-no-such-account = Учётной записи с этим адресом нет. Сначала контактное лицо регистрируется.
addressee-kind-ministry = Министерство
addressee-kind-akimat = Акимат
addressee-kind-party = Политическая партия
addressee-kind-other = Другой орган
addressee-archived = Этот адресат больше не получает рекомендаций.
addressee-source = Источник справочных данных:
done-recommendation-sent = Рекомендация направлена. Адресат обязан ответить в течение 15 рабочих дней.
done-recommendation-acknowledged = Получение подтверждено.
done-recommendation-extended = Срок продлён; отправитель уведомлён.
done-recommendation-forwarded = Рекомендация перенаправлена; отправитель уведомлён.
done-recommendation-answered = Ответ отправлен; отправитель уведомлён.
done-recommendation-reported = Отчёт записан.
done-liaison-assigned = Учётная запись теперь контактное лицо этого адресата.
error-recommendation-answered = На эту рекомендацию уже дан ответ.
error-recommendation-closed = Эта рекомендация закрыта.
error-recommendation-acknowledged = Получение уже подтверждено.
error-recommendation-extended = Срок уже продлевался.
error-recommendation-overdue = Срок истёк: продлить его уже нельзя.
error-recommendation-not-answered = Сначала ответьте на рекомендацию, затем сообщайте об исполнении.
scorecard-title = Рейтинг государственных органов
scorecard-lead = Как каждое министерство, акимат и партия отвечают на рекомендации Ассамблеи: в срок или с опозданием, как быстро и что исполняют.
scorecard-on = Данные на
scorecard-ranking = Рейтинг адресатов
scorecard-rank = Место
scorecard-addressee = Адресат
scorecard-received = Получено
scorecard-answered-on-time = Ответы в срок
scorecard-median = Медиана рабочих дней до ответа
scorecard-overdue = Просрочено сейчас
scorecard-implemented = Исполнено
scorecard-method = В срок: ответы, данные до срока (продлённого или нет), среди тех, по которым срок наступил. Исполнено: среди получивших ответ. Перенаправленные надлежащему адресату учитываются у него.
scorecard-chart-title = Ответы в срок по месяцам срока
scorecard-month = Месяц
scorecard-due = Ответов к сроку
scorecard-on-time = В срок
notify-kind-recommendation-received = Рекомендации моему органу
notify-kind-recommendation-answered = Ответы на рекомендации моего органа или на которые я подписан
notify-kind-recommendation-reminder = Напоминания о сроках
notify-kind-recommendation-overdue = Просроченные рекомендации
notify-recommendation-received = Вашему органу направлена рекомендация: «{ $title }»
notify-recommendation-answered-answered = Получен ответ: «{ $title }»
notify-recommendation-answered-extended = Срок продлён: «{ $title }»
notify-recommendation-answered-forwarded = Перенаправлена другому адресату: «{ $title }»
notify-recommendation-reminder-due-in-5 = Ответ нужен через 5 рабочих дней: «{ $title }»
notify-recommendation-reminder-due-in-1 = Ответ нужен в следующий рабочий день: «{ $title }»
notify-recommendation-overdue = Просрочено, ответа нет: «{ $title }»
scorecard-idle = { $count ->
    [one] { $count } адресат пока ничего не получал
    [few] { $count } адресата пока ничего не получали
    [many] { $count } адресатов пока ничего не получали
   *[other] { $count } адресата пока ничего не получали
}
done-addressee-edited = Адресат сохранён.
addressee-edit = Исправить адресата
addressee-website = Сайт
addressee-archive = Больше не получает рекомендаций (переименован или упразднён)

## Раннее предупреждение (issue 14)
early-warning-title = Раннее предупреждение
early-warning-lead = Насколько напряжены отношения между общинами в каждом регионе — по сигналам, подтверждённым верификаторами. Чем выше индекс, тем больше недавних и более серьёзных сигналов конфликта; сигналы мира его снижают.
early-warning-dashboard = Карта напряжённости
early-warning-home-lead = Видели враждебность, спор между общинами или совместное дело, которое сблизило людей? Сообщите Ассамблее — анонимно, если хотите.
early-warning-week = Неделя
early-warning-week-from = С
early-warning-rebuttals = Опровергнутые слухи
early-warning-rebuttals-lead = Слухи, которые верификаторы региональных ассамблей признали ложными, и что есть на самом деле.
early-warning-rebuttals-none = Пока ни один слух не опровергнут.
early-warning-map-title = Индекс напряжённости по регионам на этой неделе
early-warning-map-caption = Чем темнее, тем напряжённее. Те же цифры — в таблице.
early-warning-table-caption = Индекс напряжённости по регионам, эта неделя
early-warning-region = Регион
early-warning-index = Индекс
early-warning-change = Изменение за неделю
early-warning-signals = Подтверждённые сигналы
early-warning-fewer-than-5 = менее 5
early-warning-alert-open = тревога
early-warning-national = Вся страна
early-warning-national-now = Сумма индексов регионов на этой неделе
early-warning-national-chart = Индекс напряжённости по всей стране, по неделям
early-warning-series-title = Индекс напряжённости по неделям
early-warning-region-lead = Индекс напряжённости региона на конец каждой недели за последний год и его подтверждённые сигналы.
early-warning-method-title = Как считается индекс
early-warning-method = Каждый подтверждённый сигнал учитывается по своим индикаторам (индикатор конфликта прибавляет, индикатор мира вычитает) и по серьёзности; его вес уменьшается вдвое каждые 14 дней. Тревога поднимается, когда ежедневные сигналы региона намного превышают его собственные последние полгода (тест накопленных сумм); региональная ассамблея и совет по этномедиации должны подтвердить её получение в течение 24 часов.
early-warning-privacy = Публично видны только недельные цифры по регионам; недели с 1–4 сигналами показаны как «менее 5». Сигналы видят верификаторы своего региона; анонимные сообщения не хранят ничего, что указывает на отправителя.
signal-new = Сообщить о том, что видели
signal-new-lead = Опишите, что произошло, где и когда. Верификатор региональной ассамблеи проверит сообщение; учитываются только подтверждённые сигналы.
signal-report = Отправить сообщение
signal-anonymous-promise = Вы не вошли: сообщение анонимно. Не хранится ничего, что указывает на вас, — ни учётной записи, ни адреса, ни времени точнее дня, — и точное место не спрашивается. Не пишите в тексте своё имя и контакты.
signal-named-promise = Вы сообщаете под своим именем (его видят верификаторы региона) или выберите ниже «Анонимно». Как работник совета вы можете также внести сообщение за человека, который пришёл или позвонил.
signal-text = Что произошло
signal-text-lang = Язык текста
signal-district = Район
signal-district-unknown = — район неизвестен —
signal-happened-on = День события
signal-indicators = Что это показывает
signal-indicators-hint = Отметьте все подходящие индикаторы — конфликта или мира.
indicator-kind-conflict = Признаки конфликта
indicator-kind-peace = Признаки мира
signal-severity = Серьёзность
signal-severity-1 = 1 — незначительно: слова, один человек
signal-severity-2 = 2 — несколько человек, без вреда
signal-severity-3 = 3 — угрозы или ущерб
signal-severity-4 = 4 — есть пострадавшие или много участников
signal-severity-5 = 5 — тяжело: насилие, много людей
signal-links-label = Ссылки на публикации об этом (по одной в строке)
signal-links = Ссылки
signal-reporter = Кто сообщает
signal-reporter-anonymous = Анонимно
signal-reporter-named = Под моим именем
signal-reporter-proxy = За другого человека (пришёл или позвонил)
signal-settlement = Населённый пункт (необязательно)
signal-contact = Контакт
signal-contact-hint = Для сообщения под своим именем: как верификатор может связаться с вами (необязательно). За другого человека: его имя и как с ним связаться (обязательно). Хранится в зашифрованном виде; читают только верификаторы региона.
signal-documents-later = Фотографии или документы может приложить верификатор после получения сообщения.
signal-title = Сигнал
signal-status = Статус
signal-status-new = Новый
signal-status-verifying = На проверке
signal-status-confirmed = Подтверждён
signal-status-false = Ложный
signal-status-unverifiable = Проверить невозможно
signal-received-on = Получен
signal-redacted = Текст удалён по истечении срока хранения; цифры сигнала сохранены.
signal-finding = Вывод верификатора
signal-rebuttal = Опровержение
signal-verify-title = Проверка
signal-verify-to = Новый статус
signal-verify-note = Что установлено и как
signal-verify-hint = Вывод (подтверждён, ложный, проверить невозможно) требует пояснения. В индексе учитываются только подтверждённые сигналы.
signal-verify = Сохранить шаг
signal-rebuttal-legend = Опровержение для публикации (на одном или нескольких языках)
signal-rebut = Опубликовать опровержение
signals-title = Сигналы
signals-lead = Сигналы регионов, которые вы проверяете, сначала новые.
signals-count = { $count ->
    [one] { $count } сигнал
    [few] { $count } сигнала
   *[other] { $count } сигналов
}
signals-filter = Показать
signals-filter-all = — все —
verifiers-title = Верификаторы
verifiers-lead = Верификаторы подтверждают или опровергают сигналы регионов своего органа. Назначьте верификатора по e-mail его учётной записи.
verifiers-none = Верификаторов пока нет.
verifier-email = E-mail учётной записи верификатора
verifier-assign = Назначить верификатора
questionnaire-title = Загрузить анкету
questionnaire-lead = Периодическая анкета совета в файле CSV: каждая строка — сигнал от имени совета. Сохраняются все строки или ни одной.
questionnaire-columns = Столбцы в таком порядке (индикаторы через «;»):
questionnaire-body = От имени
questionnaire-file = Файл CSV
questionnaire-upload = Загрузить
questionnaire-refused = Ничего не сохранено. Исправьте эти строки и загрузите файл снова:
alerts-title = Тревоги
alerts-lead = Необычные подъёмы индекса напряжённости региона. Региональная ассамблея и совет по этномедиации подтверждают каждую тревогу в течение 24 часов и записывают, что сделано; иначе она передаётся на национальный уровень.
alerts-none = В ваших регионах тревог нет.
alert-title = Тревога
alert-raised-on = Поднята
alert-score = балл
alert-baseline = обычный дневной вклад
alert-ack-due = Подтвердить до
alert-ack-overdue = подтверждение просрочено
alert-escalated = передана на национальный уровень
alert-explained = Сигналы региона за последние дни намного выше его собственных последних шести месяцев.
alert-signals = Её подтверждённые сигналы
alert-response = Ответ
alert-owners-title = Для ответственных за тревогу
alert-acknowledge = Подтвердить получение
alert-response-label = Что сделано или решено
alert-respond = Записать ответ
alert-status-open = Открыта
alert-status-acknowledged = Получение подтверждено
alert-status-responded = Есть ответ
done-signal-reported = Спасибо: сообщение получено. Верификатор региональной ассамблеи его проверит.
done-signal-verified = Шаг сохранён.
done-signal-rebutted = Опровержение опубликовано.
done-questionnaire-uploaded = Анкета сохранена.
done-verifier-assigned = Верификатор назначен.
done-alert-acknowledged = Получение тревоги подтверждено.
done-alert-responded = Ответ записан.
signal-indicators-required = Отметьте хотя бы один индикатор.
signal-proxy-contact-required = Укажите имя и контакт человека, чьё это сообщение.
signal-finding-note-required = Укажите, на чём основан вывод.
signal-day-out-of-range = День должен быть в пределах последнего года и не в будущем.
signal-questionnaire-columns = Файл должен быть CSV со столбцами, указанными выше, в том же порядке.
signal-questionnaire-row = Ошибка в строке { $row }:
signal-questionnaire-empty = В файле нет строк.
signal-questionnaire-too-long = Не более { $max } строк в одном файле.
error-signal-step = Этот шаг невозможен из текущего статуса сигнала.
error-signal-not-false = Опровергнуть можно только сигнал, признанный ложным.
error-alert-acknowledged = Получение тревоги уже подтверждено.
error-alert-responded = Ответ уже записан.
error-no-such-account = Нет учётной записи с таким e-mail.
notify-kind-signal-reported = Новые сигналы в регионах, которые вы проверяете
notify-signal-reported = Новый сигнал: { $title }
notify-kind-alert-raised = Тревоги о напряжённости
notify-alert-raised = Тревога: растёт напряжённость — { $title }
notify-kind-alert-escalated = Неподтверждённые тревоги
notify-alert-escalated = Тревога ({ $title }) не подтверждена вовремя
notify-kind-alert-answered = Ответы на тревоги
notify-alert-answered = По тревоге ({ $title }) подтверждено получение или дан ответ

## Медиация (issue 14)
mediation-title = Медиация
mediation-lead = Советы по этномедиации улаживают споры между общинами. Дела конфиденциальны: их читают только назначенные медиаторы и председатель совета. Публично видно, сколько дел открыто и закрыто.
mediation-mine = Мои дела
mediation-mine-none = Вам не назначено ни одного дела.
mediation-figures = Дела по регионам и кварталам
mediation-figures-lead = Числа от 1 до 4 показаны как «менее 5».
mediation-figures-none = Дел пока нет.
mediation-quarter = Квартал
mediation-opened = Открыто
mediation-closed = Закрыто
case-new = Открыть дело медиации
case-new-lead = Назовите стороны, назначьте медиаторов из членов совета и укажите сигналы, из которых выросло дело, если они есть.
case-council = Совет по этномедиации
case-council-choose = Далее
case-title = Краткое название дела
case-title-short = Дело
case-parties = Стороны
case-party-kind = Вид стороны
case-party-name = Название стороны
party-community = Община
party-association = Объединение
party-person = Лицо
case-mediators = Медиаторы
case-signals = Сигналы (номера через запятую)
case-region = Регион
case-region-of-signals = — регион его сигналов —
case-first-note = О чём дело
case-confidential = Название, стороны и материалы дела шифруются; их видят только назначенные медиаторы и председатель совета.
case-confidential-label = конфиденциально
case-open = Открыть дело
case-opened-on = Открыто
case-follow-up-on = Следующая проверка
case-agreement = Соглашение
case-file = Материалы дела
case-file-empty = Пока ничего не записано.
case-write = Запись в материалы дела
case-entry-kind = Запись
case-entry-note = Заметка
case-entry-meeting = Встреча
case-entry-agreement = Достигнуто соглашение
case-entry-follow-up = Проверка
case-entry-outcome = Итог (закрывает дело)
case-entry-day = День
case-entry-text = Текст
case-follow-up-next = Следующая проверка (для соглашения или проверки)
case-outcome = Итог
case-outcome-none = — только для итога —
case-outcome-agreement-held = Соглашение соблюдается
case-outcome-agreement-broken = Соглашение нарушено
case-outcome-no-agreement = Без соглашения
case-outcome-withdrawn = Отозвано
case-write-hint = Соглашение назначает первую проверку; в этот день медиаторам придёт напоминание.
case-write-button = Добавить в материалы
case-assign = Назначить ещё медиатора
case-assign-button = Назначить
case-reads = Кто читал это дело
case-reads-lead = Каждое открытие материалов дела — для председателя совета.
case-status-open = Открыто
case-status-agreement = Соглашение, идёт проверка
case-status-closed = Закрыто
case-parties-required = Назовите хотя бы две стороны.
case-mediators-required = Назначьте хотя бы одного медиатора.
case-mediator-not-member = Медиатор должен быть членом совета.
case-signal-not-in-region = Нет такого сигнала в регионе совета.
case-follow-up-future = Проверка должна быть назначена на день после сегодняшнего.
case-agreement-exists = Соглашение уже записано.
error-case-closed = Дело закрыто.
done-case-opened = Дело открыто; медиаторы уведомлены.
done-case-written = Добавлено в материалы дела.
done-case-assigned = Медиатор назначен.
notify-kind-case-assigned = Назначенные вам дела медиации
notify-case-assigned = Вам назначено: { $title }
notify-kind-case-follow-up = Проверки по делам медиации
notify-case-follow-up = Сегодня проверка: { $title }
nav-early-warning = Раннее предупреждение
nav-mediation = Медиация
signal-open-case = Открыть дело медиации по этому сигналу
signal-open-case-hint = (члены совета по этномедиации и его секретариат)
early-warning-districts = Районы (для верификаторов)
early-warning-districts-lead = Собственный индекс есть у районов, где за последний год не менее 12 подтверждённых сигналов; он не публикуется.
early-warning-districts-none = Пока ни в одном районе недостаточно данных.
case-signals-linked = Сигналы, из которых выросло дело
alert-acknowledged-at = Получение подтверждено
case-documents = Документы (зашифрованы)
case-document-file = Файл (PDF, ODT, DOCX, PNG, JPEG; не более 10 МБ)
case-attach = Приложить к материалам дела
done-case-attached = Документ приложен и зашифрован.

## Moderation (issue 15)
moderation-policy-title = Правила модерации
moderation-policy-lead = Что нельзя писать на Бирлик, пункт за пунктом. Каждое решение модерации называет один из этих пунктов, и правила одинаковы для всех общин.
moderation-policy-version = Версия
moderation-policy-process = Любой читатель может пожаловаться на то, что, по его мнению, нарушает пункт. Модератор органа решает: одобрить, скрыть (текст сохраняется, автор его видит), попросить автора исправить или временно запретить ему писать. Автору сообщают, какой пункт нарушен и почему; в течение 14 дней он может обжаловать решение у другого модератора. Каждое решение — в открытом журнале, без текста и имени автора.
moderation-basis = Основание
moderation-log-title = Журнал модерации
moderation-log-lead = Все решения модерации на Бирлик: вид материала, орган, пункт, когда и чем закончилось обжалование — никогда не скрытый текст и не его автор.
moderation-decisions-count = { $count ->
    [one] { $count } решение
    [few] { $count } решения
   *[other] { $count } решений
}
moderation-when = Когда
moderation-item = Материал
moderation-body = Орган
moderation-decision = Решение
moderation-clause = Пункт
moderation-appeal = Обжалование
moderation-automatic = автоматически
moderation-report-title = Отчёт о прозрачности
moderation-report-lead = Решения модерации за месяц: сколько, по каким пунктам, как быстро, как часто обжалованы и отменены.
moderation-month = Месяц
moderation-report-decisions = Решения
moderation-report-median = Медианное время от первой жалобы до решения
moderation-hours = ч
moderation-report-appeals = Обжалованные решения
moderation-report-reversals = Обжалования, отменившие решение
moderation-report-chart = Решения по пунктам
moderation-queue-title = Очередь модерации
moderation-queue-order = Сначала самое приоритетное: каждая жалоба — 10, каждая отметка — 5, каждый день ожидания — 1, каждая сотня читателей — 1.
moderation-queue-empty = Ничто не ждёт решения.
moderation-priority = приоритет
moderation-reports = жалоб
moderation-days = Дней (для запрета писать)
moderation-note = Примечание
moderation-decide = Решить
moderation-appeals-title = Обжалования
moderation-appeals-none = Обжалований нет.
moderation-appeal-not-yours = Это ваше решение: обжалование рассматривает другой модератор.
moderation-appeal-outcome = Итог
moderators-title = Модераторы
moderator-assign = Назначить модератора
moderation-reasons-title = Обоснование решения
moderation-what = Что
moderation-by = Кто решил
moderation-until = до
moderation-kept = Ваш текст сохранён: вы его видите с пометкой. Ничего не удалено.
moderation-your-appeal = Ваше обжалование
moderation-appeal-how = Как обжаловать
moderation-appeal-until = Обжаловать можно до { $day }
moderation-appeal-text = Почему решение неверно
moderation-appeal-submit = Обжаловать
moderation-appeal-closed = Это решение больше нельзя обжаловать.
moderation-appeal-pending = обжалование рассматривается
moderation-clause-required = Укажите пункт правил.
moderation-action-approve = Одобрено
moderation-action-hide = Скрыто
moderation-action-ask_edit = Автора попросили исправить
moderation-action-suspend = Автору запрещено писать
moderation-action-uphold = Оставлено в силе после обжалования
moderation-action-reverse = Отменено после обжалования
moderation-role-admin = администратор
moderation-role-secretariat = секретариат органа
moderation-role-moderator = модератор органа
moderation-kind-statement = Утверждение консультации
moderation-report-this = Пожаловаться
moderation-report-why = Какой пункт нарушен
moderation-report-note = Примечание (необязательно)
moderation-report-send = Отправить жалобу
done-moderation-reported = Спасибо: жалоба получена. Модератор её рассмотрит.
done-moderation-decided = Решение записано; автору сообщены причины.
done-moderation-appealed = Обжалование подано: его рассмотрит другой модератор.
done-moderation-appeal-decided = Обжалование рассмотрено; автору сообщено.
done-moderator-assigned = Модератор назначен.
error-already-reported = Вы уже пожаловались на это.
error-moderate-own = Нельзя модерировать собственный текст.
error-suspend-no-account = У этого автора нет учётной записи, которую можно ограничить.
error-appeal-nothing = Это решение нельзя обжаловать.
error-appeal-late = 14 дней на обжалование прошли.
error-appeal-filed = Это решение уже обжаловано.
error-appeal-decided = Это обжалование уже рассмотрено.
error-appeal-own-decision = Это ваше решение: обжалование должен рассмотреть другой модератор.
notify-kind-moderation-decided = Модерация ваших текстов
notify-moderation-decided-hide = Ваш текст скрыт по пункту «{ $title }»: причины и как обжаловать
notify-moderation-decided-ask-edit = Вас просят исправить текст («{ $title }»): причины
notify-moderation-decided-suspend = Вам временно запрещено писать («{ $title }»): причины и как обжаловать
notify-moderation-decided-uphold = Ваше обжалование рассмотрено: решение («{ $title }») оставлено в силе
notify-moderation-decided-reverse = Ваше обжалование удовлетворено: текст снова показан
nav-moderation = Модерация
moderation-clause-for-reject = Пункт правил (для отклонения)
moderation-lexicons-title = Словари для отметок
moderation-lexicons-lead = Слова, которые отправляют написанное в этом органе в очередь (по одному в строке; слово* — начало слова; # — комментарий). Совпадают словоформы, оба казахских алфавита, похожие буквы и буквы через пробел. Отметка сама ничего не скрывает.
moderation-lexicon-kk = Казахские слова
moderation-lexicon-ru = Русские слова
moderation-lexicon-en = Английские слова
moderation-lexicon-save = Сохранить словарь
moderation-lexicon-invalid = Словарь не читается: { $problem }
done-moderation-lexicon = Словарь сохранён.
moderation-flags = отметок
error-suspended = Вам временно запрещено писать здесь: обоснование — в ваших уведомлениях.
moderation-kind-proposal = Предложение
moderation-hidden-label = Скрыто модерацией: его видите только вы и модераторы органа. Обоснование — в ваших уведомлениях.
moderation-kind-rebuttal = Опровержение слуха

## Модерация: отображаемые имена, правка по просьбе, повторы
moderation-kind-display_name = Отображаемое имя
moderation-role-automatic = сам Бирлик (такой же текст модератор уже скрыл)
moderation-cannot-ask-edit = Автор не может исправить этот материал: скройте или одобрите его.
error-edit-not-asked = Здесь нечего исправлять: модераторы не просили исправить текст, или правка уже отправлена.
error-name-under-review = Модераторы скрыли ваше имя: выберите другое на странице с обоснованием решения.
done-moderation-edited = Правка отправлена. Модератор её рассмотрит; до тех пор материал скрыт.
moderation-edited = Вы отправили правку
moderation-edited-waiting = Материал скрыт, пока модератор не одобрит его.
moderation-edit-title = Исправить и отправить снова
moderation-edit-how = Модераторы попросили вас исправить этот текст. Измените то, что нарушает пункт правил, и отправьте: модератор рассмотрит его снова и покажет после одобрения.
moderation-edit-text = Ваш текст
moderation-edit-submit = Отправить правку
moderation-policy-repost = Одно решение принимается автоматически: текст, совпадающий с уже скрытым модератором в том же органе, скрывается сразу по тому же пункту. В журнале он отмечен как «автоматически», и автор может обжаловать его, как любое решение.
name-title = Ваше имя
name-hint = Это имя видят те, с кем вы работаете (секретариаты, медиаторы, письма). Оно проверяется, как всё написанное в Бирлик.
name-hidden = Модераторы скрыли ваше имя; другие видят вместо него номер. Выберите другое имя на странице с обоснованием:
name-changed = Ваше имя изменено.
meeting-item = Пункт
meeting-item-documents = Документы пункта
moderator-email = Адрес электронной почты учётной записи нового модератора
results-bridging-how = Как это определяется?
results-bridging-explained = Бирлик смотрит, как за каждое утверждение голосовали люди по обе стороны главного разногласия на карте. Утверждение объединяет, когда с ним согласны на любой стороне; разделяет, когда одна сторона согласна, а другая нет. По этому списку нельзя увидеть голос ни одного человека.
