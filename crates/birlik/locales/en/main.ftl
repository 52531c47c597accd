# Birlik — English texts.
# The three files (kk, ru, en) must hold the same keys: `python3 locales/check.py` checks it.

## Site

site-name = Birlik
skip-to-content = Skip to content
nav-label = Main menu
nav-regions = Regions
nav-groups = Ethnic groups
nav-associations = Associations
nav-bodies = Bodies
nav-open-data = Open data
nav-audit = Audit log
nav-jobs = Jobs
language-switch = Choose language
search-label = Search the site
search-placeholder = Name, region, ethnic group…
search-button = Search
footer-text = Birlik is open software. The demo content is fictional and describes no real people or organisations.
back-home = Back to the home page

## Home

home-title = Assembly of People of Kazakhstan
home-intro = The Assembly of People of Kazakhstan unites representatives of over 100 ethnic groups. It works through its session and Council, 20 regional assemblies, over a thousand ethnocultural associations, Public Consent Councils and Councils of Mothers.
home-work-title = What the Assembly does
home-work = The Assembly keeps interethnic harmony and unity, lets local communities take part in common work, carries their voice to state bodies and heads off tension early. It promotes Kazakh, the state language, while infringing no one who does not speak it. The demo data on this site is fictional.
figure-groups = ethnic groups
figure-regions = regions
figure-bodies = bodies
figure-associations = ethnocultural associations
figure-members = members of bodies

## Common

choose = — choose —
none = None
none-yet = None yet.
edit = Edit
save = Save
archive = Archive
archived = This record is archived.
filter-all = All
filter-apply = Apply
sort-by = Sort by:
sort-name = name
sort-population = population
pagination = Pages
page-previous = ← Previous
page-next = Next →
form-has-errors = The form has errors: please correct the marked fields.
date-hint = Enter dates as YYYY-MM-DD, for example 2023-04-27.

## Table columns

col-person = Full name
col-name = Name
col-code = Code
col-centre = Administrative centre
col-region = Region
col-group = Ethnic group
col-groups = Ethnic groups represented
col-level = Level
col-founded = Founded
col-website = Website
col-population = Population
col-position = Position
col-term = Term
col-represents = Represents
col-table = Table
name-kk = Name in Kazakh
name-ru = Name in Russian
name-en = Name in English

## Regions

regions-title = Regions
region-assembly = Regional assembly
region-councils = Councils
region-groups = Ethnic groups with associations here
region-members = Members of the regional assembly

## Ethnic groups

groups-title = Ethnic groups
groups-intro = Representatives of over a hundred ethnic groups live in Kazakhstan. Each group's page lists the ethnocultural associations that represent it.
groups-source = Source: Bureau of National Statistics, 2021 national census; where the census gives no figure, the 2025 estimate.
census-2021 = 2021 census
population-unverified = no verified figure
census-not-shipped = Not in Birlik's reference data yet: the Bureau of National Statistics publishes the 2021 census by nationality (stat.gov.kz), and only figures checked against it are shown here.
estimate-2025 = 2025 estimate

## Associations

associations-title = Ethnocultural associations
association-new = New association
association-form-title = Ethnocultural association
association-members = Representatives in bodies
count-associations =
    { $count ->
        [one] { $count } association
       *[other] { $count } associations
    }
see-all-associations = See all associations
level-republican = Republican
level-regional = Regional

## Bodies

bodies-title = Bodies of the Assembly
bodies-intro = The session and Council of the Assembly, the regional assemblies and the councils under them: Public Consent Councils, Councils of Mothers, ethnomediation councils, the Scientific-Expert Council.
body-new = New body
body-new-child = Add a body under this one
body-form-title = Body
body-kind = Kind of body
body-parent = Parent body
body-no-parent = No parent body
body-national = National (no region)
body-children = Bodies under this one
person-seats = Seats in the bodies of the Assembly
body-members = Members
body-kind-national-session = Session of the Assembly
body-kind-council = Council of the Assembly
body-kind-regional-assembly = Regional assembly
body-kind-public-consent-council = Public Consent Council
body-kind-mothers-council = Council of Mothers
body-kind-ethnomediation-council = Ethnomediation council
body-kind-scientific-expert-council = Scientific-Expert Council
body-kind-thematic-council = Thematic council

## Membership

membership-new = Add a member
membership-form-title = Member of a body
term-start = Term starts
term-end = Term ends
position-chair = Chair
position-deputy-chair = Deputy chair
position-secretary = Secretary
position-member = Member

## Search

search-title = Search
search-results =
    { $count ->
        [one] { $count } result found
       *[other] { $count } results found
    }
kind-group = Ethnic group
kind-association = Ethnocultural association
kind-body = Body
kind-person = Person

## Open data

open-data-title = Open data
open-data-intro = The registry's data can be downloaded freely as CSV and JSON; bodies and their members are also available as Popolo. The API is described in OpenAPI.
table-regions = Regions
table-ethnic-groups = Ethnic groups
table-bodies = Bodies
table-associations = Ethnocultural associations
table-members = Members of bodies
import-problem = row { $row }: { $field }: { $message }
import-unknown-column = Unknown column; the columns are: { $columns }.
import-missing-column = Missing column; the columns are: { $columns }.
import-duplicate-column = Column listed twice.
import-cannot-read = Cannot read { $file }: { $error }
import-refused =
    { $count ->
        [one] { $count } problem found; nothing was imported.
       *[other] { $count } problems found; nothing was imported.
    }
import-checking = Checking
import-writing = Writing
import-abandoned = The import stood still for more than two minutes and was given up: nothing of it was kept. Run it again.
import-search-later = Running servers add the new rows to their search within seconds; a stopped server, when it starts.
import-done =
    { $count ->
        [one] Imported { $count } row from { $file }.
       *[other] Imported { $count } rows from { $file }.
    }

## Account

login = Log in
logout = Log out
register = Register
login-failed = Wrong email or password.
account-title = Your account
email = Email
display-name = Display name
password = Password
password-hint = At least 10 characters.
password-change = Change password
password-changed = Your password has been changed.
password-current = Current password
password-new = New password
roles = Roles
role-admin = Administrator
role-secretariat = Secretariat
role-member = Member of a body
role-participant = Participant

## Audit

audit-title = Audit log
audit-when = When
audit-actor = User
audit-action = Action
audit-entity = Entity
audit-entity-id = Entity ID
audit-before = Before
audit-after = After
jobs-title = Parked jobs
jobs-intro = These timers failed every attempt and wait for an operator. Retry one once its cause is fixed: it runs again at once.
jobs-empty = No parked jobs.
jobs-kind = Kind
jobs-key = Key
jobs-attempts = Attempts
jobs-parked-at = Parked at
jobs-error = Last error
jobs-retry = Retry

## Errors

error-not-found = The page you asked for was not found.
error-validation = The data you entered has errors.
error-bad-request = Bad request.
error-not-utf8 = The form holds bytes that are not text (invalid UTF-8); nothing was saved. Send it again from the page.
error-login-required = Please log in to continue.
error-archived = This record is archived and cannot be changed.
error-forbidden = You are not allowed to do this.
error-rate-limited = Too many requests. Please wait a little and try again.
error-too-large = What you sent is too large.
error-internal = Something went wrong on the server. Please try again later.
error-csrf = The form has expired or was sent from another site. Reload the page and try again.

## Field errors

field-required = This field is required.
field-too-short =
    { $min ->
        [one] At least { $min } character.
       *[other] At least { $min } characters.
    }
field-too-long =
    { $max ->
        [one] At most { $max } character.
       *[other] At most { $max } characters.
    }
field-invalid-characters = Contains characters that are not allowed (< >, control or invisible characters).
field-nothing-visible = Contains nothing visible: enter letters or digits.
field-not-a-number = Enter a whole number.
field-out-of-range = Enter a number from { $min } to { $max }.
field-invalid-date = Enter a date as YYYY-MM-DD, for example 2023-04-27.
field-invalid-url = A website address must start with http:// or https:// and contain no spaces.
field-invalid-choice = Choose a value from the list.
field-region-required = A regional association needs a region.
field-unknown-region = No such region.
field-groups-required = Choose at least one ethnic group.
field-too-many = Choose at most { $max }.
field-unknown-group = No such ethnic group.
field-unknown-body = No such body.
field-region-of-parent = A body under a regional body must belong to the same region.
field-parent-cycle = A body cannot stand under itself or under a body below it.
field-unknown-person = No such person.
field-unknown-association = No such association.
field-term-end-before-start = The term cannot end before it starts.
field-invalid-email = Enter an e-mail address in Latin letters, such as name@example.kz (a domain in another script in its xn-- form).
field-wrong-password = Wrong password.

# The script of Kazakh text: Cyrillic or the 2021 Latin alphabet.
script-switch = Choose the script
script-cyrillic = Cyrillic
script-latin = Latin

# Dates: "27 April 2023".
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Consultations
nav-consultations = Consultations
consultations-title = Consultations
consultations-lead = Questions the Assembly puts to the people: vote on statements, add your own, and see what unites opinions.
consultations-none = No consultation has been opened yet.
consultation-new = Open a consultation
consultation-edit = Edit the consultation
consultation-edit-hint = You may change the question, the description, the dates and the settings; the body and the statements stay. Every change is kept in the audit log.
save-changes = Save the changes
consultation-close-early = Close early
consultation-close-early-hint = The consultation closes now: voting and new statements stop and the results become public. The reason is shown on the consultation's page. This cannot be undone.
consultation-close-reason = Why it closes
consultation-close-now = Close now
done-consultation-edited = The consultation was changed.
done-consultation-closed = The consultation is closed: voting has stopped and the results are public.
consultation-closed-early = Closed early on { $date }: { $reason }
consultation-open = Open the consultation
consultation-page = Take part
consultation-body = Body
consultation-languages-hint = Write the question in one or more languages; readers of a missing language see another one, labelled.
question-kk = Question in Kazakh
question-ru = Question in Russian
question-en = Question in English
description-kk = Description in Kazakh
description-ru = Description in Russian
description-en = Description in English
consultation-opens = Opens on (YYYY-MM-DD)
consultation-closes = Closes on (YYYY-MM-DD)
consultation-moderation = New statements
moderation-publish = Published at once
moderation-approve = Published after a moderator approves them
consultation-participation = Who may take part
participation-anyone = Anyone with a browser
participation-accounts = Registered accounts only
consultation-results = Results are public
results-running = While the consultation runs
results-after-close = Only after it closes
consultation-questions = Optional questions to participants
consultation-seeds = Seed statements, one per line
consultation-question-required = Write the question in at least one language.
consultation-closes-before-opening = The closing date comes before the opening date.
consultation-upcoming = This consultation has not opened yet.
consultation-closed = This consultation is closed: voting has ended.
consultation-accounts-only = Only registered participants take part in this consultation.
phase-upcoming = Upcoming
phase-open = Open
phase-closed = Closed
shown-in-kk = Shown in Kazakh
shown-in-ru = Shown in Russian
shown-in-en = Shown in English
progress = { $voted } of { $total }
vote-agree = Agree
vote-disagree = Disagree
vote-pass = Pass / unsure
vote-unknown-statement = There is no such statement open for voting in this consultation.
error-not-open = This consultation is not open for voting.
all-voted = You have voted on every statement. Thank you! Come back later: new statements may appear.
no-statements-yet = There are no statements yet.
statement-translated = Translation: show the original
statement-add = Add your statement
statement-text = Statement
statement-hint = One idea, in your own words, up to 400 characters. It is published as plain text.
statement-submit = Submit
statement-similar = A very similar statement already exists:
statement-confirm = Mine says something different: submit it anyway
statement-published = Your statement is published.
statement-pending = Your statement will appear once a moderator approves it.
statement-seed = seed
statement = Statement
about-you = About you (optional)
about-you-hint = Every answer is optional. Answers are used only in totals of at least 10 participants and never shown for a single person.
prefer-not-to-say = Prefer not to say
answers-saved = Your answers are saved.
attribute-region = Region
attribute-ethnic_group = Ethnic group
attribute-language = Language
language-kk = Kazakh
language-ru = Russian
language-en = English
language-other = Another language
your-votes = Your votes
results-link = Results
manage-link = Moderate
results-title = Results
results-none = There is nothing to analyse yet: results appear a few seconds after the first votes.
results-computed = Computed { $at } from { $votes } { $votes ->
    [one] vote
   *[other] votes
} by { $participants } { $participants ->
    [one] participant
   *[other] participants
} ({ $grouped } voted enough to be placed in a group).
results-map = Opinion map
results-map-hint = Each coloured area is where one opinion group's participants are; the darker, the denser. Every shaded square stands for at least 5 people; no individual is shown.
results-map-words = The map in words
map-group-place = { $group } ({ $size }): { $where }; { $spread }.
map-group-hidden = { $group } ({ $size }): too few participants to draw on the map.
map-at-top-left = top left of the map
map-at-top = top of the map
map-at-top-right = top right of the map
map-at-left = left of the map
map-at-centre = centre of the map
map-at-right = right of the map
map-at-bottom-left = bottom left of the map
map-at-bottom = bottom of the map
map-at-bottom-right = bottom right of the map
map-spread-close = close together
map-spread-some = fairly spread out
map-spread-wide = spread over much of the map
results-groups = Opinion groups
results-no-groups = Not enough participants have voted to form groups yet.
group-name = Group { $name }
percent = { $value }%
results-map-caption = { $participants } { $participants ->
    [one] participant
   *[other] participants
} placed on the map, in { $groups } { $groups ->
    [one] group
   *[other] groups
}.
export-json = JSON
participants-count = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
rep-agree = agree:
rep-disagree = disagree:
results-consensus = What most agree on across groups
consensus-agree = Most in every group agree
consensus-disagree = Most in every group disagree
results-none-yet = None yet.
results-group-informed = Group-informed consensus
results-group-informed-hint = Statements ranked by how likely every opinion group is to agree with them.
results-bridging = Bridging statements
results-bridging-hint = Statements people agree with on both sides of the divide, not only on one.
bridging-bridging = agreed across groups
results-unity = Unity across declared groups
results-unity-none = Too few participants have answered the optional questions for any group to be shown.
results-unity-hint = Share agreeing in each group; groups of fewer than { $k } participants are never shown, and the table is updated only once at least { $k } participants of a group have acted since, so that no one can be singled out. Divisions — most agree but a group disagrees — are flagged.
results-unity-privacy = Every figure of a group carries random noise (differential privacy, ε = { $epsilon } per table): even someone who controls all the other members of a group cannot tell how one person answered. This is table { $table } of at most { $tables } (total budget ε = { $budget } per answer); sizes are rounded to 5.
unity-everyone = Everyone
unity-division = division
results-api = the analysis as JSON
moderation-queue = Moderation queue
moderation-empty = No statement is waiting.
moderation-reason = Reason
moderation-publish-one = Publish
moderation-reject = Moderate out
status-pending = waiting
status-published = published
status-rejected = moderated out
translation-add = Add a translation
translation-language = Language
documents-title = Documents
documents-none = No documents yet.
document-title = Title
document-lang = Language of the document
document-version-of = Version of
document-original = — a new document —
document-file = File
document-file-hint = PDF, ODT, DOCX, PNG or JPEG, at most { $count } MB.
document-upload = Attach
document-size-kb = { $size } KB
document-size-mb = { $size } MB
field-file-required = Choose a file.
field-file-type = This kind of file is not accepted: attach a PDF, ODT, DOCX, PNG or JPEG file.
field-file-too-large = The file is too large: at most { $max } MB.
field-unknown-item = No such page to attach to.
field-unknown-document = No such document here.
field-version-exists = This document already has a version in this language.

## Meetings (sessions and decisions)
nav-meetings = Meetings
meetings-title = Meetings and sessions
meetings-lead = Sessions and meetings of the Assembly's bodies: agenda, attendance, votes and decisions.
meetings-none = No meetings yet.
meeting-numbered = { $number } session: { $title }
meeting-demo = Demo
meeting-demo-notice = This is demo content: the agenda, votes and decisions are fictional.
meeting-kind-session = Session
meeting-kind-council-meeting = Council meeting
meeting-kind-meeting = Meeting
meeting-status-planned = Planned
meeting-status-convened = Convened
meeting-status-in-progress = In progress
meeting-status-closed = Closed
meeting-status-postponed = Postponed
meeting-status-cancelled = Cancelled
meeting-reason = Reason
meeting-when = When
meeting-time-zone = Kazakhstan time, UTC+5
meeting-place = Place
meeting-online = Join online
meeting-agenda = Agenda
meeting-agenda-empty = The agenda is not published yet.
meeting-presenter = Presenter
meeting-consultation-results = Results of the consultation
meeting-item-added = Added on
meeting-attendance = Attendance and quorum
meeting-present = Present
meeting-quorum-holds = quorum holds
meeting-quorum-lacking = no quorum
meeting-check-in = I am present
meeting-members = Members
meeting-is-present = present
meeting-is-absent = absent
meeting-votes = Votes
meeting-votes-none = No votes yet.
meeting-decisions = Decisions
meeting-decisions-none = No decisions yet.
motion-open = Voting is open
motion-votes-cast = { $count ->
    [one] { $count } vote cast
   *[other] { $count } votes cast
}
motion-adopted = Adopted
motion-rejected = Rejected
motion-no-quorum = No quorum
motion-show-of-hands = By show of hands (recorded by the secretariat)
motion-roll-call = Roll call
vote-for = For
vote-against = Against
vote-abstain = Abstain
decision-number = Decision No.
execution-pending = Pending
execution-in-progress = Being carried out
execution-done = Carried out
execution-not-done = Not carried out
field-text-one-language = Write the text in at least one language.
meeting-ends-before-start = The end comes before the start.
meeting-not-a-member = This person is not a member of the body.
meeting-count-exceeds-present = There are more votes than members present.
field-invalid-time = Write the time as 2023-04-27T10:00 (Kazakhstan time).
error-meeting-over = The meeting is closed or cancelled: it can no longer be changed.
error-meeting-status = The meeting cannot move to this status.
error-open-vote = A meeting cannot close while a vote is open.
error-agenda-published = The agenda is already published.
error-meeting-not-running = The meeting is not in progress.
error-not-a-member = You are not a member of this body.
error-not-present = Only members present vote: check in first.
error-vote-open = A vote is already open at this meeting.
error-vote-not-open = This vote is not open.
error-already-voted = You have already voted on this motion: each member votes once.

## The way in: header menu, welcome, home page, error pages, accessibility
menu = Menu
flash-welcome-back = Welcome back: you are logged in.
flash-welcome-new = Welcome! Your account is ready: you can now take part in consultations.
have-account = Already have an account?
no-account = No account yet?
how-it-works-vote = Vote on the statements one at a time: agree, disagree or pass.
how-it-works-add = Add your own statement below; the results show where different groups agree.
consultation-about = About this consultation
open-until = open until { $date }
take-part = Take part
home-open-consultations = Consultations open now
all-consultations = All consultations
home-no-open-consultations = No consultation is open right now. Past consultations and their results are in the list.
home-figures-title = The Assembly in figures
error-code = Error code:
error-title-not-found = Page not found
error-help-not-found = Check the address, or search for what you need; you can also start again from the home page.
error-title-forbidden = Not allowed
error-help-forbidden = Your account does not have the rights for this. If you need them, ask the secretariat of the body.
error-title-forbidden-anonymous = Not allowed
error-help-forbidden-anonymous = Only an account with the rights can open this page or do this. Log in and try again.
error-title-invalid = Something in the request is wrong
error-help-invalid = Go back to the previous page, correct the fields and send it again.
error-title-conflict = This could not be done
error-help-conflict = The data may have changed since you opened the page. Reload it and try again.
error-title-rate-limited = Too many attempts
error-help-rate-limited = Wait a few minutes and try again.
error-title-too-large = Too large
error-help-too-large = Choose a smaller file, or split it into parts.
error-title-internal = Something went wrong on our side
error-help-internal = It is not your fault. Please try again a little later.
accessibility-title = Accessibility statement
a11y-intro = Birlik is meant for everyone: on a phone, on a slow connection, with a screen reader or the keyboard alone, in Kazakh, Russian or English.
a11y-standard = We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. Pages are checked with an automated accessibility checker and by hand.
a11y-works-title = What works
a11y-works-1 = Every page and every form works without JavaScript, by keyboard alone, and shows where the focus is.
a11y-works-2 = Pages are marked with their language; Kazakh can be read in Cyrillic or in the Latin alphabet.
a11y-works-3 = Fields with errors say what is wrong beside them, and screen readers announce it.
a11y-works-4 = Colours keep a contrast of at least 4.5 to 1; the voting choices differ by icon, shape and text, not by colour alone.
a11y-works-5 = Wide tables scroll sideways on a phone and say so.
a11y-limits-title = Known limitations
a11y-limits-1 = The opinion map on the results page is a picture: the groups and their statements are also listed in text below it.
a11y-limits-2 = Documents uploaded by the secretariats (PDF and others) may not be accessible; ask the secretariat for another format.
a11y-contact-title = Tell us
a11y-contact = If something on Birlik is hard to use for you, tell the secretariat of the Assembly or of your regional assembly; we answer and fix what we can.
search-type = Type
search-type-all = Everything
search-type-region = Regions
search-type-group = Ethnic groups
search-type-body = Bodies
search-type-association = Ethnocultural associations
search-type-person = People
search-type-consultation = Consultations
search-type-statement = Statements in consultations
search-more = Show all results of this type
search-empty = Nothing was found. Try another form of the word, fewer words, or another language: names are searched in Kazakh, Russian and English, in either Kazakh alphabet.
kind-region = Region
kind-consultation = Consultation
kind-statement = Statement
table-scrolls = Table (scrolls sideways)
table-scroll-hint = Swipe or scroll sideways to see the whole table.
my-statements-title = My statements
my-statements-intro = The statements you added, from your account or from this browser, and what became of each.
my-statements-none = You have not added any statement yet.
my-status-published = Published: others vote on it
my-status-pending = Waiting for the moderators
my-status-rejected = Not published by the moderators
my-statements-link = My statements
search-close = Did you mean one of these?
done-moderated-publish = The statement is published.
done-moderated-reject = The statement is moderated out; the reason is logged.
done-translated = The translation is saved.
form-show-errors = Show the form.
done-opened = The consultation is open: here you moderate its statements and add translations.
statement-added-on = Added on
statement-by-account = by { $name }
statement-by-participant = by participant No. { $number }
statement-in = in
home-coming-meetings = Coming sessions and meetings
all-meetings = All meetings
meeting-follow = Agenda and details
search-type-meeting = Meetings and sessions
kind-meeting = Meeting
## Notifications
nav-inbox = Inbox
nav-mail = Mail
inbox-title = Inbox
inbox-unread = { $count ->
        [one] { $count } unread notification
       *[other] { $count } unread notifications
    }
inbox-read-all = Mark all as read
inbox-empty = No notifications yet. Follow a consultation, a meeting or a body, and its news will come here.
inbox-new = new
inbox-older = Older
follow = Follow
following = Following · stop
unfollow = Stop following
notify-settings-title = Notification settings
notify-settings-intro = Choose how you receive each kind of notification by e-mail. Every notification stays in your inbox either way.
notify-settings-save = Save
notify-settings-saved = Settings saved.
notify-following = What you follow
notify-following-none = You do not follow anything yet.
notify-delivery-instant = E-mail at once
notify-delivery-daily = Once a day, in a digest
notify-delivery-never = No e-mail
notify-kind-statement-published = New statements in consultations you follow
notify-kind-statement-moderated = Moderation of my statements
notify-kind-agenda-published = Meeting agendas
notify-statement-published = A new statement is open for voting in “{ $title }”
notify-statement-moderated-published = Your statement in “{ $title }” was published
notify-statement-moderated-rejected = Your statement in “{ $title }” was not accepted
notify-agenda-published = Agenda published: “{ $title }”
notify-digest = the daily digest
unsubscribe-title = Unsubscribe
unsubscribe-ask = Stop e-mails about “{ $kind }”?
unsubscribe-button = Yes, stop them
unsubscribe-done = You will no longer get e-mails about “{ $kind }”. They still appear in your inbox.
mail-greeting = Hello, { $name }!
mail-intro = There is news on Birlik:
mail-digest-intro = News of the last day:
mail-digest-subject = { $count ->
        [one] Birlik: { $count } new notification
       *[other] Birlik: { $count } new notifications
    }
mail-why = You get this e-mail because you follow this, or for your role in a body.
mail-settings = Notification settings
mail-unsubscribe = Unsubscribe from “{ $kind }”
mail-unsubscribe-digest = Unsubscribe from the daily digest
mail-admin-title = E-mail
mail-admin-pending = Waiting to be sent
mail-admin-digest = Waiting for the digest
mail-admin-sent = Sent in the last day
mail-admin-failing = Failing
mail-admin-failing-none = No sending errors.
mail-admin-state = State
mail-admin-retry = Retry parked jobs
mail-transport-outbox = No SMTP configured: e-mails are written as .eml files in { $dir }.
mail-transport-smtp = E-mails are sent over SMTP.

## Meetings: the secretariat's forms
meeting-new = Plan a meeting
meeting-manage = Run the meeting
meeting-public-page = Public page
meeting-body = Body
meeting-kind = Kind of meeting
meeting-number = Number of the session
meeting-number-hint = Optional: sessions are numbered and shown in Roman numerals (32 is shown as XXXII).
meeting-title-legend = Title (in at least one language)
meeting-description-legend = Description
meeting-text-kk = In Kazakh
meeting-text-ru = In Russian
meeting-text-en = In English
meeting-time-hint = Times are in Kazakhstan time (UTC+5), for example 2023-04-27T10:00.
meeting-starts = Starts
meeting-ends = Ends
meeting-online-url = Link for those who join online (https://)
meeting-create = Plan the meeting
meeting-status-change = Status
meeting-status-final = The meeting is over: its status no longer changes.
meeting-status-choose = Choose…
meeting-new-status = New status
meeting-reason-hint = Postponing or cancelling needs a reason; it is shown on the meeting's page.
meeting-status-save = Change the status
agenda-empty-draft = No items yet.
agenda-published-on = The agenda was published on
agenda-publish = Publish the agenda (the members and followers are notified)
agenda-add = Add an item to the agenda
agenda-item-title = Title of the item (in at least one language)
agenda-presenter = Presenter (a member or an invited person)
agenda-consultation = Consultation whose results are shown beside the item
agenda-consultation-none = None
agenda-add-button = Add the item
attendance-hint = Tick the members who are present
attendance-by-self = checked in
attendance-save = Save the attendance
attendance-closed = Attendance is registered while the meeting is convened or in progress.
motion-put = Put a motion to the vote
motion-text = Text of the motion (in at least one language)
motion-item = Agenda item
motion-item-none = None
motion-method = How the members vote
motion-method-roll-call = Roll call: each member votes from his own login
motion-method-show-of-hands = Show of hands: the secretariat records the count
motion-count = Count of the show of hands
motion-count-hint = Only for a show of hands: the votes for, against and abstentions counted in the hall.
motion-submit = Put to the vote
motion-close = Close the vote and count it
motion-when = Motions are put to the vote while the meeting is in progress.
decision-execution = Execution
decision-execution-save = Save
rules-title = Rules of meetings
rules-lead = The quorum a meeting of the body needs and the majority a motion needs to be adopted. Every change is kept in the audit log.
rules-quorum = Quorum
rules-quorum-more-than-half = More than half of the members
rules-quorum-two-thirds = At least two thirds of the members
rules-majority-of = Majority counted of
rules-majority-of-present = The members present
rules-majority-of-all = All members of the body
rules-majority = Majority
rules-majority-simple = More than half
rules-majority-two-thirds = At least two thirds
rules-save = Save the rules

## Meetings: minutes
minutes-title = Minutes
minutes-version = Version
minutes-approved-on = approved on
minutes-approved-by = Approved by
minutes-draft-notice = Draft drawn up by the server from the record of the meeting: not approved yet.
minutes-attendance = Attendance and quorum
minutes-present = Present
minutes-absent = Absent
minutes-proceedings = Proceedings
minutes-vote = Vote
minutes-on-item = agenda item
minutes-changes = What this version corrected
minutes-note = Reason for the correction
minutes-versions = Approved versions of the minutes
minutes-edit = Draft and approve the minutes
minutes-narrative = Narrative
minutes-narrative-hint = The server drafts the minutes from the record (attendance, agenda, votes with their roll calls, decisions); add the course of the meeting in one or more languages, one paragraph a line. Readers see it once the minutes are approved.
minutes-narrative-save = Save the narrative
minutes-approve = Approve the minutes
minutes-approve-hint = Approving locks this version as it stands now; a later correction becomes a new version, and this one stays readable. A note is optional.
minutes-correction-hint = This approval makes a correction: the new version lists what changed since the last one. Say why it is corrected.
minutes-approve-when = Minutes are approved once the meeting is closed.
minutes-change-particulars = The particulars of the meeting (title, time, place or status) were changed.
minutes-change-narrative-kk = The narrative in Kazakh was changed.
minutes-change-narrative-ru = The narrative in Russian was changed.
minutes-change-narrative-en = The narrative in English was changed.
minutes-change-attendance = The attendance of { $name } was changed.
minutes-change-quorum = The count of members present or the quorum was changed.
minutes-change-item = Agenda item { $number } was changed.
minutes-change-vote = Vote { $number } was changed.
minutes-change-decision = Decision No. { $number } was changed.
minutes-note-required = Say why the minutes are corrected.
error-minutes-cancelled = A cancelled meeting has no minutes.
error-minutes-not-closed = Minutes are approved once the meeting is closed.
error-minutes-unchanged = Nothing has changed since the last approved version.
error-minutes-approved-meanwhile = Someone approved the minutes meanwhile: look at the new version and try again.
minutes-majority-simple-present = more than half of the members present
minutes-majority-simple-all = more than half of all members
minutes-majority-two-thirds-present = at least two thirds of the members present
minutes-majority-two-thirds-all = at least two thirds of all members

## Calendars
calendar-all = Meetings of the Assembly of People of Kazakhstan
table-meetings = Meetings
table-agenda-items = Agenda items
table-motions = Motions put to the vote
table-votes = Votes (who voted how)
table-decisions = Decisions
meeting-live = The meeting is in progress
meeting-live-item = Under discussion
meeting-live-vote = Vote in progress
meeting-live-no-vote = No vote is open now.

## Month view of meetings
month-name-1 = January
month-name-2 = February
month-name-3 = March
month-name-4 = April
month-name-5 = May
month-name-6 = June
month-name-7 = July
month-name-8 = August
month-name-9 = September
month-name-10 = October
month-name-11 = November
month-name-12 = December
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
calendar-month = { $month } { $year }
calendar-previous = Previous month
calendar-next = Next month
calendar-as-list = As a list
calendar-month-view = Month calendar
calendar-count = { $count ->
        [one] { $count } meeting this month
       *[other] { $count } meetings this month
    }

## Account mail: password reset, address confirmation
forgot-password = Forgot your password?
reset-title = Set a new password
reset-intro = Enter the address of your account: we will send it a link to set a new password.
reset-send = Send the link
reset-sent = If an account uses this address, a link to set a new password is on its way to it. The link works once, for one hour. No mail? Look in the spam folder, or ask again in a few minutes.
reset-new-title = Choose a new password
reset-done = Your password is changed, and every session of your account has ended. Log in with the new password.
reset-invalid = This link does not work any more: it was used, it expired after an hour, or a newer link replaced it.
reset-again = Ask for a new link
link-invalid-title = The link does not work
confirm-title = Confirm your address
confirm-intro = Confirm that this e-mail address is yours: notifications are sent by e-mail only to confirmed addresses.
confirm-button = Confirm my address
confirm-done = Your address is confirmed. Notifications can now reach you by e-mail.
confirm-invalid = This confirmation link does not work any more: it was used, it expired after three days, or a newer link replaced it. Your account page sends a new one.
email-confirmed = confirmed
email-unconfirmed = Not confirmed yet: notifications are not sent to it by e-mail. Open the link in the mail we sent, or send it again.
confirm-resend = Send the confirmation link again
confirm-sent = A new confirmation link is on its way.
mail-reset-subject = A new password for your Birlik account
mail-reset-body = Someone, we hope you, asked to set a new password for the Birlik account of { $email }. The link below works once, for one hour.
mail-reset-action = Set a new password
mail-reset-footer = If you did not ask for it, ignore this mail: your password stays as it is.
mail-taken-subject = Someone tried to register with your address
mail-taken-body = Someone tried to open a new Birlik account with { $email }, which already has an account: no new account was made. If it was you and you forgot your password, set a new one.
mail-taken-action = Set a new password
mail-taken-footer = If it was not you, you need do nothing: your account is unchanged.
mail-confirm-subject = Confirm your address on Birlik
mail-confirm-body = Welcome to Birlik. Confirm that { $email } is yours, so that notifications can reach you by e-mail. The link works once, for three days.
mail-confirm-action = Confirm my address
mail-confirm-footer = If you did not register on Birlik, ignore this mail: the address stays unconfirmed.
notify-kind-minutes-approved = Approved minutes of meetings
notify-minutes-approved = Minutes approved: “{ $title }”
done-meeting-planned = The meeting is planned: here you run it — its status, agenda, attendance, votes and decisions.
done-meeting-status = The status of the meeting is changed.
done-agenda-item = The item is added to the agenda.
done-agenda-published = The agenda is published: the members and followers are notified.
done-attendance = The attendance is saved.
done-motion = The motion is recorded.
done-vote-closed = The vote is closed and counted.
done-execution = The execution of the decision is saved.
done-rules = The rules of meetings are saved.
done-narrative = The narrative is saved: readers see it once the minutes are approved.
done-minutes-approved = The minutes are approved: this version is locked.
vote-corrected = The vote's count was corrected on
vote-correction-reason = Reason

## Proposals (issue 13)
nav-proposals = Proposals
proposals-title = Proposals of local communities
proposals-lead = What a district council hears can reach the nation: file a proposal to a council or assembly, support those you agree with, and follow each step its body takes, with the reason stated.
proposals-none = No proposal matches.
proposals-found = { $count ->
    [one] { $count } proposal
   *[other] { $count } proposals
}
filter-any = Any
proposal-new = File a proposal
proposal-new-lead = Write your proposal in Kazakh, Russian or English (or several). Once it is filed you are its first supporter; others can support it until the window of the body closes.
proposal-to-body = To which body
proposal-to-body-hint = A district Public Consent Council, a regional assembly, or the Assembly itself. A council or assembly can forward it upwards.
proposal-title-legend = Title
proposal-text-legend = Text of the proposal
proposal-category = Category
proposal-region = Region
proposal-region-of-body = The body's own region
proposal-on-behalf = On behalf of
proposal-on-behalf-self = Myself
proposal-documents-later = Documents can be attached on the proposal's page once it is filed.
proposal-file = File the proposal
proposal-similar-intro = Similar proposals have already been filed. Perhaps support one of them instead:
proposal-similar-hint = You can still file yours if it is different.
proposal-not-representative = You do not represent this association in any body of the Assembly.
proposal-status = Status
proposal-status-open = Gathering support
proposal-status-queued = In the body's queue
proposal-status-accepted = Accepted
proposal-status-forwarded = Forwarded to the body above
proposal-status-merged = Merged into another proposal
proposal-status-rejected = Rejected
proposal-body = Before
proposal-author = Filed
proposal-by-participant = by a participant
proposal-by-association = on behalf of { $name }
proposal-by-body = on behalf of { $name }
proposal-reason = Reason
proposal-at-meeting = Decided at this meeting
proposal-continues-in = Its supporters now stand behind:
proposal-support-title = Support
proposal-support-progress = Supporters against the threshold
proposal-supporters-of = { $count ->
    [one] { $count } supporter
   *[other] { $count } supporters
}
proposal-window-until = Support can be given until
proposal-window-passed = The window for support has closed.
proposal-you-support = You support this proposal.
proposal-withdraw = Withdraw my support
proposal-support = Support this proposal
proposal-support-login = Log in to support
proposal-rise-title = How it rose
proposal-raised-in = Raised in { $body } on { $day }
proposal-forwarded-by = forwarded by { $body } on { $day }
proposal-lineage-title = What flowed into it
proposal-joined-merged = merged:
proposal-joined-forwarded = forwarded from:
proposal-origins = { $count ->
    [one] { $count } original proposal
   *[other] { $count } original proposals
}
proposal-districts = { $count ->
    [one] from { $count } district
   *[other] from { $count } districts
}
proposal-regions = { $count ->
    [one] in { $count } region
   *[other] in { $count } regions
}
proposal-map-title = Where its sources were raised
proposal-origins-column = Original proposals
proposal-steps-title = The body's step
proposal-steps-hint = Accept it, forward it to the body above with its supporters, merge it into a similar proposal of this body, or reject it. The reason is told to the author, the supporters and the followers.
proposal-step = Step
proposal-step-accept = Accept
proposal-step-forward = Forward to the body above
proposal-step-merge = Merge into another proposal
proposal-step-reject = Reject
proposal-meeting = At the meeting
proposal-meeting-none = Not at a meeting
proposal-merge-into = Merge into (for a merge)
proposal-merge-none = —
proposal-take-step = Record the step
proposal-rules-title = Threshold and window for proposals
proposal-rules-lead = How many supporters a proposal needs, and within how many days of filing (or of arrival from below), to join this body's queue for its next meeting.
proposal-threshold = Supporters needed
proposal-window-days = Days to gather them
done-proposal-filed = Your proposal is filed. You are its first supporter.
done-proposal-supported = Your support is counted.
done-proposal-queued = Your support is counted, and the proposal has reached the threshold: it is in the body's queue.
done-proposal-withdrawn = Your support is withdrawn.
done-proposal-step = The step is recorded and the people concerned are told.
done-proposal-rules = The threshold and window are saved.
error-address-unconfirmed = Confirm your e-mail address first: the link is in the letter we sent when you registered.
error-proposal-not-live = This proposal is no longer before its body.
error-proposal-window-closed = The window for supporting this proposal has closed.
error-proposal-supported-already = You already support this proposal.
error-proposal-not-supported = You do not support this proposal.
error-proposal-nowhere-above = There is no body above this one that receives proposals.
error-proposal-forward-circle = The proposal has already been before that body: it cannot be forwarded in a circle.
error-proposal-merge-itself = A proposal cannot be merged into itself or into one that flowed into it.
error-proposal-merge-target = Merge only into a proposal of the same body that is still before it.
error-proposal-body-kind = This body does not receive proposals.
search-type-proposal = Proposals
kind-proposal = Proposal
notify-kind-proposal-queued = Proposals reaching the threshold of my body
notify-kind-proposal-decided = Steps on proposals I filed, support or follow
notify-proposal-queued = A proposal reached the threshold: “{ $title }”
notify-proposal-decided-accepted = Proposal accepted: “{ $title }”
notify-proposal-decided-forwarded = Proposal forwarded to the body above: “{ $title }”
notify-proposal-decided-merged = Proposal merged with a similar one: “{ $title }”
notify-proposal-decided-rejected = Proposal rejected: “{ $title }”

## Recommendations (issue 13)
nav-recommendations = Recommendations
recommendations-title = Recommendations to state bodies
recommendations-lead = What the Assembly's bodies recommend to ministries, akimats and parties, and the answers they owe by law, tracked in public.
recommendations-none = No recommendations yet.
recommendations-all = All recommendations
recommendations-overdue-only = Overdue only
recommendations-found = { $count ->
    [one] { $count } recommendation
   *[other] { $count } recommendations
}
recommendation-new = Send a recommendation
recommendation-new-lead = The same text goes to every addressee you tick; each receives it today and owes an answer within 15 working days.
recommendation-body = Sent by
recommendation-addressees = Addressees
recommendation-title-legend = Title
recommendation-text-legend = Text of the recommendation
recommendation-clock-hint = Deadlines are counted in Kazakhstan's working days (Administrative Procedural and Process Code, art. 76).
recommendation-send = Send
recommendation-from = From
recommendation-to = To
recommendation-from-proposal = From the proposal
recommendation-proposal-not-accepted = Only a proposal this body accepted can become its recommendation.
recommendation-status = Status
recommendation-status-awaiting = Awaiting an answer
recommendation-status-answered = Answered
recommendation-status-forwarded = Forwarded to another addressee
recommendation-status-closed = Closed
recommendation-implementation = Implementation
implementation-none = Not reported yet
implementation-planned = Planned
implementation-in-progress = In progress
implementation-implemented = Implemented
implementation-declined = Declined
recommendation-overdue = Overdue
recommendation-term = Answer due
recommendation-clock-title = Deadlines
recommendation-term-column = Term
recommendation-date-column = Date
recommendation-rule-column = Rule
recommendation-received-on = Received
recommendation-due-on = Answer due
recommendation-forward-by = To be forwarded by, if sent to the wrong body
recommendation-latest-extension = Latest possible extended term
recommendation-extended-to = Extended term
recommendation-binding = binding
recommendation-extension-reason = Reason for the extension
recommendation-acknowledged = The addressee acknowledged receipt.
rule-receipt = The day the platform delivered it
rule-answer-15-working-days = 15 working days from receipt (APPC art. 76)
rule-forward-3-working-days = 3 working days from receipt, with notice to the sender (APPC art. 76)
rule-extension-2-months = At most two months from receipt, by a reasoned decision told within 3 working days (APPC art. 76)
rule-extended-by-decision = Extended by the addressee's reasoned decision
recommendation-answer-title = Answer
recommendation-on-time = on time
recommendation-late = late
recommendation-reports-title = Reports of implementation
recommendation-batch-title = Sent together to
recommendation-forwarded-from = Forwarded from recommendation
recommendation-continued-in = Forwarded to the right addressee as recommendation
recommendation-decline-needs-reason = Say why it is declined.
recommendation-extension-out-of-range = The extended term must come after the due date and at most two months after receipt.
recommendation-feed-addressee = Recommendations to { $name }
recommendation-feed-body = Recommendations of { $name }
recommendation-feed-summary = { $status }. Received { $received }, answer due { $term }.
recommendation-feed-link = Atom feed of these recommendations
liaison-actions-title = For the addressee
liaison-acknowledge = Acknowledge receipt
liaison-answer = Answer
liaison-answer-text = Text of the answer
liaison-answer-lang = Language of the answer
liaison-answer-send = Send the answer
liaison-extend = Extend the term
liaison-extend-to = New term
liaison-reason = Reason
liaison-extend-send = Extend
liaison-forward = Forward to the right addressee
liaison-forward-to = Addressee
liaison-forward-send = Forward
liaison-report = Report implementation
liaison-note = Note
liaison-report-send = Report
liaison-inbox-title = Recommendations to my body
liaison-inbox-lead = Overdue first, then by the date the answer is due.
liaison-inbox-empty = Nothing awaits an answer.
liaison-not-a-liaison = Your account is not a liaison of any state body or party. An administrator names liaisons on the addressee's page.
liaison-title = Liaisons
liaison-count = { $count ->
    [one] { $count } liaison
   *[other] { $count } liaisons
}
liaison-email = E-mail of the liaison's account
liaison-assign = Make liaison
liaison-no-such-account = No account has this address. The liaison registers first.
addressee-kind-ministry = Ministry
addressee-kind-akimat = Akimat
addressee-kind-party = Political party
addressee-kind-other = Other body
addressee-archived = This addressee no longer receives recommendations.
addressee-source = Source of the reference data:
done-recommendation-sent = The recommendation is sent. The addressee owes an answer within 15 working days.
done-recommendation-acknowledged = Receipt is acknowledged.
done-recommendation-extended = The term is extended; the sender is told.
done-recommendation-forwarded = The recommendation is forwarded; the sender is told.
done-recommendation-answered = The answer is sent; the sender is told.
done-recommendation-reported = The report is recorded.
done-liaison-assigned = The account is now a liaison of this addressee.
error-recommendation-answered = This recommendation has been answered already.
error-recommendation-closed = This recommendation is closed.
error-recommendation-acknowledged = Receipt was acknowledged already.
error-recommendation-extended = The term has been extended already.
error-recommendation-overdue = The term has passed: it can no longer be extended.
error-recommendation-not-answered = Answer the recommendation before reporting its implementation.
scorecard-title = Scorecard of state bodies
scorecard-lead = How each ministry, akimat and party answers the Assembly's recommendations: on time or late, how fast, and what it implements.
scorecard-on = Figures as of
scorecard-ranking = Ranking of addressees
scorecard-rank = Rank
scorecard-addressee = Addressee
scorecard-received = Received
scorecard-answered-on-time = Answered on time
scorecard-median = Median working days to answer
scorecard-overdue = Overdue now
scorecard-implemented = Implemented
scorecard-method = On time: answers given by the term (extended or not) among those due. Implemented: among those answered. Recommendations forwarded to the right addressee count there.
scorecard-chart-title = Answers on time, by month of the term
scorecard-month = Month
scorecard-due = Answers due
scorecard-on-time = On time
notify-kind-recommendation-received = Recommendations to my body
notify-kind-recommendation-answered = Answers to recommendations of my body or that I follow
notify-kind-recommendation-reminder = Reminders of deadlines
notify-kind-recommendation-overdue = Overdue recommendations
notify-recommendation-received = A recommendation was addressed to your body: “{ $title }”
notify-recommendation-answered-answered = Answer received: “{ $title }”
notify-recommendation-answered-extended = Term extended: “{ $title }”
notify-recommendation-answered-forwarded = Forwarded to another addressee: “{ $title }”
notify-recommendation-reminder-due-in-5 = An answer is due in 5 working days: “{ $title }”
notify-recommendation-reminder-due-in-1 = An answer is due on the next working day: “{ $title }”
notify-recommendation-overdue = Overdue, no answer: “{ $title }”
scorecard-idle = { $count ->
    [one] { $count } addressee has received nothing yet
   *[other] { $count } addressees have received nothing yet
}
done-addressee-edited = The addressee is saved.
addressee-edit = Correct this addressee
addressee-website = Website
addressee-archive = It no longer receives recommendations (renamed or abolished)

## Early warning (issue 14)
early-warning-title = Early warning
early-warning-lead = How tense relations between communities are in each region, from signals that verifiers confirmed. A higher index means more, and graver, recent conflict signals; peace signals bring it down.
early-warning-dashboard = The map of tension
early-warning-home-lead = Saw hostility, a dispute between communities, or a joint initiative that brought people together? Tell the Assembly — anonymously if you wish.
early-warning-week = Week
early-warning-week-from = From
early-warning-rebuttals = Rumours rebutted
early-warning-rebuttals-lead = Rumours that verifiers of the regional assemblies found false, with what is true.
early-warning-rebuttals-none = No rumour has been rebutted yet.
early-warning-map-title = Tension index by region this week
early-warning-map-caption = Darker is tenser. The table gives the same figures.
early-warning-table-caption = Tension index by region, this week
early-warning-region = Region
early-warning-index = Index
early-warning-change = Change on last week
early-warning-signals = Confirmed signals
early-warning-fewer-than-5 = fewer than 5
early-warning-alert-open = alert
early-warning-national = The whole country
early-warning-national-now = The sum of the regions' index this week
early-warning-national-chart = Tension index of the whole country, by week
early-warning-series-title = Tension index by week
early-warning-region-lead = The region's tension index at the end of each week of the last year, with its confirmed signals.
early-warning-method-title = How the index is made
early-warning-method = Each confirmed signal counts by its indicators (a conflict indicator adds, a peace indicator subtracts) and its severity; its weight halves every 14 days. An alert is raised when a region's daily signals rise far above its own last six months (a cumulative sum test); its regional assembly and the ethnomediation council must acknowledge it within 24 hours.
early-warning-privacy = The public sees weekly figures per region only; weeks with 1 to 4 signals show “fewer than 5”. Signals are seen by the verifiers of their region; anonymous reports keep nothing that identifies who sent them.
signal-new = Report what you saw
signal-new-lead = Describe what happened, where and when. A verifier of the regional assembly will check it; only confirmed signals count.
signal-report = Send the report
signal-anonymous-promise = You are not logged in: the report is anonymous. Nothing that identifies you is kept — no account, no address, no time beyond the day — and no precise place is asked. Do not write your name or contacts in the text.
signal-named-promise = You report under your name (verifiers of the region see it), or choose “Anonymous” below. As a council worker you may also enter a report for someone who came or called.
signal-text = What happened
signal-text-lang = Language of the text
signal-district = District
signal-district-unknown = — district unknown —
signal-happened-on = Day it happened
signal-indicators = What it shows
signal-indicators-hint = Tick every indicator that applies, conflict or peace.
indicator-kind-conflict = Signs of conflict
indicator-kind-peace = Signs of peace
signal-severity = Severity
signal-severity-1 = 1 — minor: words, one person
signal-severity-2 = 2 — several people, no harm done
signal-severity-3 = 3 — threats or damage
signal-severity-4 = 4 — people hurt or many involved
signal-severity-5 = 5 — grave: violence, many people
signal-links-label = Links to what was published about it (one per line)
signal-links = Links
signal-reporter = Who reports
signal-reporter-anonymous = Anonymous
signal-reporter-named = Under my name
signal-reporter-proxy = For someone else (walk-in or telephone)
signal-settlement = Settlement (optional)
signal-contact = Contact
signal-contact-hint = For a report under your name: how a verifier may reach you (optional). For someone else: his name and how to reach him (required). Kept encrypted; only verifiers of the region read it.
signal-documents-later = Photos or documents can be attached by a verifier once the report is received.
signal-title = Signal
signal-status = Status
signal-status-new = New
signal-status-verifying = Under verification
signal-status-confirmed = Confirmed
signal-status-false = False
signal-status-unverifiable = Cannot be verified
signal-received-on = Received
signal-redacted = The text was removed after the retention period; the signal's figures remain.
signal-finding = Verifier's finding
signal-rebuttal = Rebuttal
signal-verify-title = Verification
signal-verify-to = New status
signal-verify-note = What was found, and how
signal-verify-hint = A finding (confirmed, false, cannot be verified) needs a note. Only confirmed signals count in the index.
signal-verify = Save the step
signal-rebuttal-legend = Rebuttal to publish (in one or more languages)
signal-rebut = Publish the rebuttal
signals-title = Signals
signals-lead = Signals of the regions you verify, newest first.
signals-count = { $count ->
    [one] { $count } signal
   *[other] { $count } signals
}
signals-filter = Show
signals-filter-all = — all —
verifiers-title = Verifiers
verifiers-lead = Verifiers confirm or refute the signals of the regions their body covers. Name a verifier by the e-mail of his account.
verifiers-none = No verifier yet.
verifier-email = E-mail of the verifier's account
verifier-assign = Name verifier
questionnaire-title = Upload a questionnaire
questionnaire-lead = A council's periodic questionnaire as a CSV file: each row a signal under the council's name. All rows are stored, or none.
questionnaire-columns = Columns, in this order (indicators separated by “;”):
questionnaire-body = On behalf of
questionnaire-file = CSV file
questionnaire-upload = Upload
questionnaire-refused = Nothing was stored. Correct these rows and upload the file again:
alerts-title = Alerts
alerts-lead = Abnormal rises of a region's tension index. Its regional assembly and the ethnomediation council acknowledge each within 24 hours and record what they did; otherwise it goes to the national level.
alerts-none = No alert in your regions.
alert-title = Alert
alert-raised-on = Raised on
alert-score = score
alert-baseline = usual daily input
alert-ack-due = To acknowledge by
alert-ack-overdue = acknowledgement overdue
alert-escalated = escalated to the national level
alert-explained = The region's signals of the last days stand far above its own last six months.
alert-signals = Its confirmed signals
alert-response = Response
alert-owners-title = For the owners of the alert
alert-acknowledge = Acknowledge
alert-response-label = What was done or decided
alert-respond = Record the response
alert-status-open = Open
alert-status-acknowledged = Acknowledged
alert-status-responded = Answered
done-signal-reported = Thank you: your report was received. A verifier of the regional assembly will check it.
done-signal-verified = The step is saved.
done-signal-rebutted = The rebuttal is published.
done-questionnaire-uploaded = The questionnaire is stored.
done-verifier-assigned = The verifier is named.
done-alert-acknowledged = The alert is acknowledged.
done-alert-responded = The response is recorded.
signal-indicators-required = Tick at least one indicator.
signal-proxy-contact-required = Give the name and contact of the person whose report it is.
signal-finding-note-required = Say what the finding rests on.
signal-day-out-of-range = The day must be within the last year, and not in the future.
signal-questionnaire-columns = The file must be CSV with the columns given above, in that order.
signal-questionnaire-row = Row { $row } is wrong:
signal-questionnaire-empty = The file has no rows.
signal-questionnaire-too-long = At most { $max } rows per file.
error-signal-step = This step is not possible from the signal's current status.
error-signal-not-false = Only a signal found false can be rebutted.
error-alert-acknowledged = The alert is already acknowledged.
error-alert-responded = The response is already recorded.
error-no-such-account = No account has this e-mail address.
notify-kind-signal-reported = New signals in regions you verify
notify-signal-reported = A new signal in { $title }
notify-kind-alert-raised = Alerts of tension
notify-alert-raised = Alert: tension is rising in { $title }
notify-kind-alert-escalated = Unacknowledged alerts
notify-alert-escalated = An alert in { $title } was not acknowledged in time
notify-kind-alert-answered = Answers to alerts
notify-alert-answered = The alert in { $title } was acknowledged or answered

## Mediation (issue 14)
mediation-title = Mediation
mediation-lead = The ethnomediation councils settle disputes between communities. Cases are confidential: only their mediators and the council's chair read them. The public sees how many cases were opened and closed.
mediation-mine = My cases
mediation-mine-none = No case is assigned to you.
mediation-figures = Cases by region and quarter
mediation-figures-lead = Counts from 1 to 4 are shown as “fewer than 5”.
mediation-figures-none = No case yet.
mediation-quarter = Quarter
mediation-opened = Opened
mediation-closed = Closed
case-new = Open a mediation case
case-new-lead = Name the parties, assign mediators from the council, and link the signals it grew from, if any.
case-council = Ethnomediation council
case-council-choose = Continue
case-title = Short title of the case
case-title-short = Case
case-parties = Parties
case-party-kind = Kind of party
case-party-name = Name of the party
party-community = Community
party-association = Association
party-person = Person
case-mediators = Mediators
case-signals = Signals (numbers, separated by commas)
case-region = Region
case-region-of-signals = — the region of its signals —
case-first-note = What the case is about
case-confidential = The title, parties and case file are encrypted and seen only by the assigned mediators and the council's chair.
case-confidential-label = confidential
case-open = Open the case
case-opened-on = Opened on
case-follow-up-on = Next follow-up
case-agreement = Agreement
case-file = Case file
case-file-empty = Nothing written yet.
case-write = Write to the case file
case-entry-kind = Entry
case-entry-note = Note
case-entry-meeting = Meeting
case-entry-agreement = Agreement reached
case-entry-follow-up = Follow-up
case-entry-outcome = Outcome (closes the case)
case-entry-day = Day
case-entry-text = Text
case-follow-up-next = Next follow-up (for an agreement or a follow-up)
case-outcome = Outcome
case-outcome-none = — only for the outcome —
case-outcome-agreement-held = The agreement held
case-outcome-agreement-broken = The agreement was broken
case-outcome-no-agreement = No agreement
case-outcome-withdrawn = Withdrawn
case-write-hint = An agreement sets the first follow-up; mediators are reminded on that day.
case-write-button = Add to the file
case-assign = Assign another mediator
case-assign-button = Assign
case-reads = Who read this case
case-reads-lead = Every opening of the case file, for the council's chair.
case-status-open = Open
case-status-agreement = Agreement, follow-up running
case-status-closed = Closed
case-parties-required = Name at least two parties.
case-mediators-required = Assign at least one mediator.
case-mediator-not-member = A mediator must be a member of the council.
case-signal-not-in-region = No such signal in the council's region.
case-follow-up-future = The follow-up must be a day after today.
case-agreement-exists = The agreement is already recorded.
error-case-closed = The case is closed.
done-case-opened = The case is opened; its mediators are notified.
done-case-written = Added to the case file.
done-case-assigned = The mediator is assigned.
notify-kind-case-assigned = Mediation cases assigned to you
notify-case-assigned = { $title } was assigned to you
notify-kind-case-follow-up = Follow-ups of mediation cases
notify-case-follow-up = A follow-up is due today: { $title }
nav-early-warning = Early warning
nav-mediation = Mediation
signal-open-case = Open a mediation case from this signal
signal-open-case-hint = (members of an ethnomediation council and its secretariat)
early-warning-districts = Districts (for verifiers)
early-warning-districts-lead = Districts with at least 12 confirmed signals in the last year have their own index; it is not public.
early-warning-districts-none = No district has enough data yet.
case-signals-linked = Signals it grew from
alert-acknowledged-at = Acknowledged
case-documents = Documents (sealed)
case-document-file = File (PDF, ODT, DOCX, PNG, JPEG; at most 10 MB)
case-attach = Attach to the case file
done-case-attached = The document is attached, sealed.

## Moderation (issue 15)
moderation-policy-title = Moderation policy
moderation-policy-lead = What may not be written on Birlik, clause by clause. Every moderation decision names one of these clauses, and the same rules apply to every community.
moderation-policy-version = Version
moderation-policy-process = Any reader may report what he thinks breaks a clause. A moderator of the body decides: approve, hide (the text is kept, its author still sees it), ask the author to edit, or suspend him from writing for a time. The author is told which clause and why, and may appeal within 14 days to another moderator. Every decision is in the public log, without the text or the author's name.
moderation-basis = Basis
moderation-log-title = Moderation log
moderation-log-lead = Every moderation decision on Birlik: what kind of item, which body, which clause, when, and how an appeal ended — never the hidden text or its author.
moderation-decisions-count = { $count ->
    [one] { $count } decision
   *[other] { $count } decisions
}
moderation-when = When
moderation-item = Item
moderation-body = Body
moderation-decision = Decision
moderation-clause = Clause
moderation-appeal = Appeal
moderation-automatic = automatic
moderation-report-title = Transparency report
moderation-report-lead = The month's moderation decisions: how many, under which clauses, how fast, how often appealed and reversed.
moderation-month = Month
moderation-report-decisions = Decisions
moderation-report-median = Median time from the first report to the decision
moderation-hours = hours
moderation-report-appeals = Decisions appealed
moderation-report-reversals = Appeals that reversed the decision
moderation-report-chart = Decisions per clause
moderation-queue-title = Moderation queue
moderation-queue-order = Highest priority first: each report counts 10, each flag 5, each day waiting 1, each hundred readers 1.
moderation-queue-empty = Nothing waits for a decision.
moderation-priority = priority
moderation-reports = reports
moderation-days = Days (for a suspension)
moderation-note = Note
moderation-decide = Decide
moderation-appeals-title = Appeals
moderation-appeals-none = No appeal waits.
moderation-appeal-not-yours = You took this decision: another moderator decides the appeal.
moderation-appeal-outcome = Outcome
moderators-title = Moderators
moderator-assign = Name moderator
moderation-reasons-title = Statement of reasons
moderation-what = What
moderation-by = Decided by
moderation-until = until
moderation-kept = Your text is kept: you still see it, marked. Nothing was deleted.
moderation-your-appeal = Your appeal
moderation-appeal-how = How to appeal
moderation-appeal-until = You may appeal until { $day }.
moderation-appeal-text = Why the decision is wrong
moderation-appeal-submit = Appeal
moderation-appeal-closed = This decision can no longer be appealed.
moderation-appeal-pending = appeal pending
moderation-clause-required = Name the clause of the policy.
moderation-action-approve = Approved
moderation-action-hide = Hidden
moderation-action-ask_edit = Author asked to edit
moderation-action-suspend = Author suspended
moderation-action-uphold = Upheld on appeal
moderation-action-reverse = Reversed on appeal
moderation-role-admin = an administrator
moderation-role-secretariat = the body's secretariat
moderation-role-moderator = a moderator of the body
moderation-kind-statement = Consultation statement
moderation-report-this = Report
moderation-report-why = Which clause it breaks
moderation-report-note = Note (optional)
moderation-report-send = Send the report
done-moderation-reported = Thank you: your report was received. A moderator will look at it.
done-moderation-decided = The decision is recorded; its author is told the reasons.
done-moderation-appealed = Your appeal is filed: another moderator will decide it.
done-moderation-appeal-decided = The appeal is decided; its author is told.
done-moderator-assigned = The moderator is named.
error-already-reported = You have reported this already.
error-moderate-own = You cannot moderate your own writing.
error-suspend-no-account = This author has no account to suspend.
error-appeal-nothing = This decision cannot be appealed.
error-appeal-late = The 14 days to appeal have passed.
error-appeal-filed = This decision was appealed already.
error-appeal-decided = This appeal was decided already.
error-appeal-own-decision = You took this decision: another moderator must decide the appeal.
notify-kind-moderation-decided = Moderation of what you wrote
notify-moderation-decided-hide = Your text was hidden under “{ $title }”: see the reasons and how to appeal
notify-moderation-decided-ask-edit = You are asked to edit your text (“{ $title }”): see the reasons
notify-moderation-decided-suspend = You are suspended from writing (“{ $title }”): see the reasons and how to appeal
notify-moderation-decided-uphold = Your appeal was decided: the decision (“{ $title }”) stands
notify-moderation-decided-reverse = Your appeal was upheld: your text is shown again
nav-moderation = Moderation
moderation-clause-for-reject = Clause (to reject)
moderation-lexicons-title = Lexicons that flag
moderation-lexicons-lead = Terms that send what is written in this body to the queue (one per line; word* for a prefix; # for a comment). Inflected forms, both Kazakh scripts, look-alike letters and spaced-out letters match. A flag never hides anything by itself.
moderation-lexicon-kk = Kazakh terms
moderation-lexicon-ru = Russian terms
moderation-lexicon-en = English terms
moderation-lexicon-save = Save the lexicon
moderation-lexicon-invalid = The lexicon cannot be read: { $problem }
done-moderation-lexicon = The lexicon is saved.
moderation-flags = flags
error-suspended = You are suspended from writing here for now: see the statement of reasons in your notifications.
moderation-kind-proposal = Proposal
moderation-hidden-label = Hidden by moderation: only you and the body's moderators see it. The statement of reasons is in your notifications.
moderation-kind-rebuttal = Rebuttal of a rumour

## Moderation: display names, edits on request, re-posts
moderation-kind-display_name = Display name
moderation-role-automatic = Birlik itself (the same text was already hidden by a moderator)
moderation-cannot-ask-edit = This item cannot be edited by its author: hide it or approve it instead.
error-edit-not-asked = There is nothing to edit here: the moderators did not ask for an edit, or it was already sent.
error-name-under-review = Your name is hidden by the moderators: choose another one from the statement of reasons.
done-moderation-edited = Your edit was sent. A moderator will look at it; until then the item stays hidden.
moderation-edited = You sent your edit on
moderation-edited-waiting = It stays hidden until a moderator approves it.
moderation-edit-title = Edit and send again
moderation-edit-how = The moderators asked you to edit this. Change what breaks the clause and send it: a moderator looks at it again and shows it once approved.
moderation-edit-text = Your text
moderation-edit-submit = Send the edit
moderation-policy-repost = One decision is taken automatically: a text identical to one a moderator hid in the same body is hidden at once, under the same clause. It is in the log marked "automatic", and its author may appeal it like any decision.
name-title = Your name
name-hint = Others you work with see this name (secretariats, mediators, letters). It is checked like anything written on Birlik.
name-hidden = The moderators hid your name; others see a number instead. Choose another name from the statement of reasons:
name-changed = Your name has been changed.
meeting-item = Item
meeting-item-documents = Documents of the item
moderator-email = E-mail address of the new moderator's account
results-bridging-how = How is this found?
results-bridging-explained = Birlik looks at how each statement was voted by people on each side of the main disagreement on the map. A statement is uniting when people agree with it whichever side they are on; dividing when one side agrees and the other does not. No vote of any one person can be seen from this list.
