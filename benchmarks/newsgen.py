"""Deterministic generator of synthetic English news articles for scale benchmarks.

    uv run python benchmarks/newsgen.py --articles 10000 --seed 0 --out /tmp/news

Each article is built around its own topic, event, organisations, people, places and figures, and is
written from a large pool of slot-filled sentence templates, so that articles are readable, varied and not
near-duplicates. Article i depends only on (seed, i), never on how many articles are generated.

File format: line 1 the headline, line 2 the date (e.g. "19 February 2026"), line 3 empty, then body
paragraphs separated by blank lines.

Template mini-language: "[a|b|c]" picks one alternative (resolved first), "{slot}" is filled by
`_Article.slot` (entities, places, topic vocabulary, figures).
"""

from __future__ import annotations

import argparse
import datetime
import random
from pathlib import Path

# ---------------------------------------------------------------------------------------------------------
# Calendar, numbers, length distribution
# ---------------------------------------------------------------------------------------------------------

START_DATE = datetime.date(2019, 1, 1)
END_DATE = datetime.date(2026, 11, 20)
MONTHS = "January February March April May June July August September October November December".split()
NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve".split()
LOG_MEDIAN_WORDS = 5.95  # ln(385): the body overshoots its target by about one paragraph
LOG_SIGMA = 0.5
MIN_BODY_WORDS = 120
MAX_TARGET_WORDS = 1280
CLOSING_WORDS = 35  # rough length of the closing paragraph, reserved when filling towards the target
CYRILLIC_RATE = 1 / 15

# ---------------------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------------------

# (city, region, population, weight as the article's main city)
KZ_CITIES = (
    ("Astana", "Akmola region", 1_400_000, 12),
    ("Almaty", "Almaty region", 2_200_000, 12),
    ("Shymkent", "Turkestan region", 1_200_000, 7),
    ("Karaganda", "Karaganda region", 500_000, 6),
    ("Aktobe", "Aktobe region", 560_000, 5),
    ("Pavlodar", "Pavlodar region", 360_000, 5),
    ("Ust-Kamenogorsk", "East Kazakhstan region", 330_000, 5),
    ("Atyrau", "Atyrau region", 300_000, 5),
    ("Kostanay", "Kostanay region", 260_000, 4),
    ("Taraz", "Zhambyl region", 370_000, 4),
    ("Turkestan", "Turkestan region", 200_000, 4),
    ("Kyzylorda", "Kyzylorda region", 330_000, 4),
    ("Semey", "Abai region", 350_000, 4),
    ("Oral", "West Kazakhstan region", 330_000, 3),
    ("Aktau", "Mangystau region", 270_000, 4),
    ("Petropavl", "North Kazakhstan region", 220_000, 3),
    ("Kokshetau", "Akmola region", 160_000, 3),
    ("Taldykorgan", "Zhetysu region", 160_000, 3),
    ("Zhezkazgan", "Ulytau region", 90_000, 2),
    ("Ekibastuz", "Pavlodar region", 150_000, 2),
    ("Temirtau", "Karaganda region", 180_000, 2),
    ("Balkhash", "Karaganda region", 70_000, 1),
    ("Konaev", "Almaty region", 60_000, 1),
    ("Rudny", "Kostanay region", 110_000, 1),
    ("Kentau", "Turkestan region", 70_000, 1),
    ("Zhanaozen", "Mangystau region", 160_000, 1),
    ("Stepnogorsk", "Akmola region", 50_000, 1),
    ("Shchuchinsk", "Akmola region", 45_000, 1),
    ("Satpayev", "Ulytau region", 70_000, 1),
    ("Aksu", "Pavlodar region", 70_000, 1),
    ("Ridder", "East Kazakhstan region", 50_000, 1),
    ("Zharkent", "Zhetysu region", 45_000, 1),
)
CITY_WEIGHTS = [c[3] for c in KZ_CITIES]

# (city, country, adjective)
FOREIGN_CITIES = (
    ("Tashkent", "Uzbekistan", "Uzbek"),
    ("Samarkand", "Uzbekistan", "Uzbek"),
    ("Bishkek", "Kyrgyzstan", "Kyrgyz"),
    ("Dushanbe", "Tajikistan", "Tajik"),
    ("Ashgabat", "Turkmenistan", "Turkmen"),
    ("Baku", "Azerbaijan", "Azerbaijani"),
    ("Tbilisi", "Georgia", "Georgian"),
    ("Istanbul", "Turkey", "Turkish"),
    ("Ankara", "Turkey", "Turkish"),
    ("Moscow", "Russia", "Russian"),
    ("Novosibirsk", "Russia", "Russian"),
    ("Beijing", "China", "Chinese"),
    ("Urumqi", "China", "Chinese"),
    ("Xi'an", "China", "Chinese"),
    ("Seoul", "South Korea", "Korean"),
    ("Busan", "South Korea", "Korean"),
    ("Tokyo", "Japan", "Japanese"),
    ("Osaka", "Japan", "Japanese"),
    ("Berlin", "Germany", "German"),
    ("Munich", "Germany", "German"),
    ("Paris", "France", "French"),
    ("Lyon", "France", "French"),
    ("London", "the United Kingdom", "British"),
    ("Edinburgh", "the United Kingdom", "British"),
    ("Brussels", "Belgium", "Belgian"),
    ("Geneva", "Switzerland", "Swiss"),
    ("Vienna", "Austria", "Austrian"),
    ("Warsaw", "Poland", "Polish"),
    ("Helsinki", "Finland", "Finnish"),
    ("Rotterdam", "the Netherlands", "Dutch"),
    ("Milan", "Italy", "Italian"),
    ("Madrid", "Spain", "Spanish"),
    ("Abu Dhabi", "the United Arab Emirates", "Emirati"),
    ("Dubai", "the United Arab Emirates", "Emirati"),
    ("Doha", "Qatar", "Qatari"),
    ("Singapore", "Singapore", "Singaporean"),
    ("Kuala Lumpur", "Malaysia", "Malaysian"),
    ("New Delhi", "India", "Indian"),
    ("Washington", "the United States", "American"),
    ("Toronto", "Canada", "Canadian"),
    ("Prague", "the Czech Republic", "Czech"),
    ("Budapest", "Hungary", "Hungarian"),
)

# ---------------------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------------------

KAZAKH_MALE = (
    "Nurlan Yerlan Daniyar Askar Arman Berik Bolat Marat Serik Dauren Yerzhan Kairat Timur Azamat Aibek "
    "Zhandos Miras Olzhas Rustem Sanzhar Talgat Yerbol Almas Bauyrzhan Galym Darkhan Dias Adil Alikhan "
    "Ansar Beibit Kanat Madi Nurbol Temirlan Zhanibek Yersultan Abylai Samat Ermek Saken Murat Asylbek "
    "Erasyl Nursultan Aidos Yerkebulan Zhasulan Mukhtar Shyngys Dulat Amir Alibek Nurzhan Baurzhan".split()
)
KAZAKH_FEMALE = (
    "Aigerim Aizhan Dana Dinara Gulnara Saule Zhanar Madina Aruzhan Asel Ainur Kamila Gaukhar Akmaral "
    "Botagoz Zarina Lyazzat Meruyert Nazerke Raushan Saltanat Togzhan Ulzhan Zhuldyz Assem Balzhan Dariga "
    "Indira Karlygash Moldir Symbat Tomiris Anel Aliya Bibigul Gulmira Kuralay Laura Elmira Akbota Aisulu "
    "Dilnaz Zhansaya Aknur Gulzhan Sholpan Ardak Nurgul Alua Malika".split()
)
# Male forms; female forms add "a".
KAZAKH_SURNAMES = (
    "Abenov Akhmetov Baimukhanov Bekov Dzhaksybekov Dosmukhamedov Ermekov Zhakupov Iskakov Kassymov "
    "Kenzhebayev Mukanov Nurpeisov Omarov Ospanov Sadykov Sarsenbayev Seitkazin Suleimenov Tulegenov Utepov "
    "Yessenov Zhumabayev Abdrakhmanov Bekmukhambetov Serikbayev Temirbekov Kuanyshev Tursunov Aitbayev "
    "Kaliyev Mamyrov Rakhimov Sultanbekov Zhunusov Myrzakhmetov Shaimerdenov Ibraimov Kudaibergenov "
    "Nurmagambetov Amanzholov Beisenov Zhanuzakov Yerzhanov Alimbayev Orazbayev Kairbekov Assylbekov "
    "Tleuberdin Nurtazin Baizhanov Karabayev Dauletov Mussin Smagulov Zhaksylykov Tokhtarov Berdibekov "
    "Akpanbetov Sadvakasov Mukhametzhanov Imanbayev Yesmagambetov Zhylkybayev Kozhakhmetov Abishev".split()
)
RUSSIAN_MALE = (
    "Alexei Dmitry Sergei Andrei Ivan Mikhail Nikolai Pavel Vladimir Yevgeny Igor Oleg Konstantin Viktor "
    "Roman Maxim Artyom Kirill Denis Anton Vadim Stanislav Grigory Boris Yuri Gennady Valery Ilya".split()
)
RUSSIAN_FEMALE = (
    "Anna Yelena Olga Tatyana Natalia Irina Svetlana Maria Yekaterina Yulia Marina Oksana Galina Lyudmila "
    "Valentina Anastasia Daria Polina Ksenia Vera Larisa Alina Nadezhda Viktoria Sofia".split()
)
RUSSIAN_SURNAMES = (
    "Ivanov Petrov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Volkov Solovyov Vasiliev "
    "Zaitsev Pavlov Semenov Golubev Vinogradov Bogdanov Vorobyov Fedorov Mikhailov Belyaev Tarasov Belov "
    "Komarov Orlov Kiselev Makarov Andreev Kovalev Ilyin Gusev Titov Kuzmin Kudryavtsev Baranov Kulikov "
    "Alekseev Stepanov Yakovlev Sorokin Sergeev Romanov Zakharov Borisov Korolev Gerasimov Ponomarev "
    "Grigoriev Lazarev Yershov Nikitin Sobolev Ryabov Polyakov Tsvetkov Danilov Zhukov Frolov Zhuravlev "
    "Nikolaev Krylov Maximov Sidorov Osipov Belousov Fedotov Yegorov Matveev Bobrov Dmitriev Kalinin".split()
)
RUSSIAN_PATRONYMICS = (
    "Sergeyev Alexandrov Vladimirov Nikolayev Ivanov Petrov Viktorov Mikhailov Andreyev Yuryev Borisov "
    "Gennadyev Anatolyev Valeryev".split()
)
# Surnames that do not change with gender (Korean, Ukrainian, German families of Kazakhstan).
OTHER_SURNAMES = (
    "Kim Li Pak Tsoi Ten Khegai Nam Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Lysenko Schmidt "
    "Becker Weber Mueller Wolf Hartmann".split()
)
CENTRAL_ASIAN_MALE = (
    "Jasur Sherzod Bekzod Otabek Rustam Dilshod Farrukh Akmal Kanybek Nurbek Bakyt Ulan Chyngyz Firdavs Behruz".split()
)
CENTRAL_ASIAN_FEMALE = "Dilnoza Nodira Gulnoza Shakhnoza Aizada Cholpon Gulzat Nilufar Zulfiya Mehrangez".split()
CENTRAL_ASIAN_SURNAMES = (
    "Karimov Yusupov Rakhmonov Mirzaev Usmanov Abdullaev Ergashev Khodjaev Sultanov Nazarov Dzhaparov "
    "Osmonov Toktogulov Abdyldaev Sydykov Mambetov Saidov Tashmatov".split()
)
INTERNATIONAL_MALE = (
    "John Michael David James Thomas Peter Mark Daniel Robert Paul Stefan Lukas Matthias Jan Pierre Luca "
    "Marco Javier Carlos Mehmet Emre Ahmed Omar Rahul Arjun Hiroshi Kenji Takeshi Min-jun Ji-hoon Wei Jun "
    "Erik Lars Mikko Piotr Tomasz Henrik Florian Andrea".split()
)
INTERNATIONAL_FEMALE = (
    "Sarah Emma Laura Julia Sophie Claire Maria Elena Isabel Chiara Ayse Zeynep Fatima Priya Anjali Yuki "
    "Haruka Ji-yeon Seo-yeon Mei Lin Ingrid Katarzyna Hanna Rachel Olivia Nadia Leila Charlotte Ines".split()
)
INTERNATIONAL_SURNAMES = (
    "Miller Smith Johnson Brown Taylor Wilson Clarke Evans Schneider Fischer Wagner Hoffmann Koch Richter "
    "Dubois Laurent Moreau Rossi Bianchi Ferrari Garcia Martinez Fernandez Yilmaz Kaya Demir Celik Sahin "
    "Sharma Patel Gupta Singh Tanaka Suzuki Sato Watanabe Park Choi Lee Zhang Wang Liu Chen Zhao Nielsen "
    "Hansen Johansson Virtanen Nowak Kowalski Wisniewski Jansen Novak Horvat Haddad Rahman Okafor".split()
)
# origin -> (weight for a domestic organisation, weight for an international one)
ORIGIN_WEIGHTS = {"kazakh": (60, 15), "russian": (18, 5), "other": (6, 2), "central": (8, 13), "intl": (8, 65)}

# Historical figures that universities, theatres and foundations are named after.
HISTORIC_NAMES = (
    "Abai", "Al-Farabi", "Gumilyov", "Satpayev", "Auezov", "Baitursynov", "Zhubanov", "Dulaty", "Yassawi",
    "Utemisov", "Kozybayev", "Shakarim", "Bukeikhan", "Toraighyrov", "Ualikhanov", "Seifullin", "Zhansugurov",
    "Makatayev", "Kurmangazy", "Zhambyl", "Dauletkerey", "Tole Bi", "Kazybek Bi", "Aiteke Bi", "Abylai Khan",
    "Korkyt Ata", "Kunayev", "Yessenov",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------------------

ADJECTIVES = (
    *"Steppe Altyn Caspian Saryarka Zhetysu Altai Nomad Tengri Baiterek Aral Irtysh Ulytau Zhasyl Eurasian "
    "Alatau Balkhash Tobol Esil Kazakh Turan Samal Tulpar Sunkar Kyran Bereke Orda Qazaq Emba Arys Atameken "
    "Karatau Bayanaul Kokshe Ishim Ural Mangystau".split(),
    "Khan Tengri", "Silk Road", "Great Steppe", "Central Asian",
)  # fmt: skip
LEGAL_FORMS = ("LLP", "JSC", "Group", "Holding", "Corporation", "Partners")
BANK_WORDS = ("Development", "Commercial", "Investment", "Savings", "Agrarian", "Regional", "Industrial", "Capital")
COINED_PREFIXES = (
    "Green Smart Clean Open Bright Digital Eco Agro Edu Aqua Solar Steppe Future Young Safe Blue Nomad".split()
)
COINED_SUFFIXES = "Campus Bridge Steppe Data Lab Path Hub Route Water Air Skills City Fields Care Start Wave".split()
SPORTS = ("Wrestling", "Boxing", "Cycling", "Chess", "Swimming", "Athletics", "Volleyball", "Hockey", "Judo",
          "Taekwondo", "Rowing", "Skiing", "Weightlifting", "Fencing")  # fmt: skip
DEPARTMENTS = (
    "strategic planning", "international cooperation", "investment policy", "digitalisation",
    "public relations", "sustainable development", "monitoring and analysis", "legal support",
)  # fmt: skip

# kind -> [(name pattern, noun for later mentions, takes "the")]
ORG_PATTERNS = {
    "university": [
        ("{city} State University", "university", False),
        ("{city} Technical University", "university", False),
        ("{city} University named after {hist}", "university", False),
        ("{adj} University of {field}", "university", True),
        ("International University of {field}", "university", True),
        ("{city} Pedagogical University", "university", False),
        ("{hist} University of {field}", "university", False),
        ("{adj} Institute of Technology", "institute", True),
    ],
    "school": [
        ("School-Lyceum No. {n} in {city}", "school", False),
        ("{city} Higher College of {field}", "college", True),
        ("{city} Polytechnic College", "college", True),
        ("{hist} Specialised Lyceum in {city}", "lyceum", True),
        ("{city} Intellectual School of {field}", "school", True),
        ("Secondary School No. {n} of {city}", "school", False),
    ],
    "institute": [
        ("Institute of {field}", "institute", True),
        ("{city} Institute of {field}", "institute", True),
        ("Research Institute of {field}", "institute", True),
        ("{adj} Centre for {field}", "centre", True),
        ("Kazakh Research Institute of {field}", "institute", True),
        ("National Centre for {field}", "centre", True),
        ("{hist} Institute of {field}", "institute", True),
    ],
    "ministry": [("Ministry of {area}", "ministry", True)],
    "akimat": [
        ("Akimat of {city}", "akimat", True),
        ("{city} City Akimat", "akimat", True),
        ("{Region} Akimat", "akimat", True),
    ],
    "company": [
        ("{adj} {sector} Group", "company", False),
        ("{adj} {sector} {legal}", "company", False),
        ("{city} {sector} Company", "company", False),
        ("{coined} {legal}", "company", False),
        ("{adj} {sector} Holding", "holding", False),
    ],
    "bank": [
        ("{bank} Bank", "bank", False),
        ("{adj} Bank", "bank", False),
        ("{adj} Development Bank", "bank", True),
    ],
    "foundation": [
        ("{hist} Foundation", "foundation", True),
        ("{adj} Foundation", "foundation", True),
        ("{adj} Future Foundation", "foundation", True),
        ("{city} Community Foundation", "foundation", True),
        ("Foundation for {field}", "foundation", True),
        ("{adj} Fund for {field}", "fund", True),
    ],
    "ngo": [
        ("{adj} Eco Club", "club", True),
        ("{city} Youth Network", "network", True),
        ('Public Association "{coined}"', "association", True),
        ("Association of {sector} Companies", "association", True),
        ("{adj} Volunteers Movement", "movement", True),
        ("{city} Civic Initiatives Centre", "centre", True),
        ("{Region} Association of Entrepreneurs", "association", True),
    ],
    "international": [
        ("{nat} Agency for {field} Cooperation", "agency", True),
        ("Central Asian {field} Network", "network", True),
        ("EU–Central Asia {field} Initiative", "initiative", True),
        ("{nat}–Kazakh {field} Centre", "centre", True),
        ("Regional {field} Programme for Central Asia", "programme", True),
        ("{nat} Development Agency", "agency", True),
        ("{foreign} Institute for {field}", "institute", True),
    ],
    "hospital": [
        ("{city} Regional Hospital", "hospital", True),
        ("{city} City Polyclinic No. {n}", "polyclinic", False),
        ("National Centre for {field}", "centre", True),
        ("{city} Medical University", "university", False),
        ("{city} Regional Perinatal Centre", "centre", True),
        ("{city} Children's Hospital", "hospital", True),
        ("{city} Multidisciplinary Hospital No. {n}", "hospital", False),
    ],
    "culture": [
        ("{city} Regional Museum of Local History", "museum", True),
        ("{city} Drama Theatre named after {hist}", "theatre", True),
        ("{city} Philharmonic Society", "philharmonic", True),
        ("{hist} Museum of Fine Arts", "museum", True),
        ("{city} Puppet Theatre", "theatre", True),
        ("{adj} Film Studio", "studio", False),
        ("{city} Regional Library named after {hist}", "library", True),
    ],
    "sport": [
        ("National {sport} Federation", "federation", True),
        ("FC {city}", "club", False),
        ("{city} Olympic Reserve School", "school", True),
        ("{adj} Sports Club", "club", False),
        ("{Region} {sport} Federation", "federation", True),
    ],
}
NO_ACRONYM_KINDS = ("ministry", "akimat", "bank", "sport")
SMALL_WORDS = frozenset("a an the and or of in on at for to with by from as but nor per via named after".split())

# kind -> [(role, preposition before the organisation or None if the role names it already)]
ROLES = {
    "university": [
        ("rector", "of"), ("vice-rector for research", "at"), ("vice-rector for academic affairs", "at"),
        ("vice-rector for international cooperation", "at"), ("dean of the faculty of {field_l}", "at"),
        ("professor of {field_l}", "at"), ("an associate professor", "at"),
        ("head of the department of {field_l}", "at"), ("director of the career centre", "at"),
        ("a fourth-year student", "at"), ("a master's student", "at"), ("a PhD candidate", "at"),
        ("director of the sustainability office", "at"), ("a senior lecturer in {field_l}", "at"),
    ],
    "school": [
        ("director", "of"), ("deputy director for academic work", "at"), ("a teacher of {field_l}", "at"),
        ("a tenth-grade student", "at"), ("a graduate", "of"), ("head of the methodological council", "at"),
    ],
    "institute": [
        ("director", "of"), ("deputy director for science", "at"), ("a senior researcher", "at"),
        ("a leading researcher", "at"), ("head of the laboratory of {field_l}", "at"),
        ("a research fellow", "at"), ("scientific secretary", "of"),
    ],
    "ministry": [
        ("Minister of {area}", None), ("Vice Minister of {area}", None), ("head of the {dept} department", "at"),
        ("a chief expert", "at"), ("director of the {dept2} department", "at"),
    ],
    "akimat": [
        ("akim of {ocity}", None), ("deputy akim of {ocity}", None), ("head of the {dept} department", "at"),
        ("a chief specialist", "at"),
    ],
    "company": [
        ("chairman of the board", "of"), ("chief executive officer", "of"), ("managing director", "of"),
        ("head of sustainability", "at"), ("chief financial officer", "of"), ("an ESG analyst", "at"),
        ("a project manager", "at"), ("chief engineer", "of"), ("HR director", "of"), ("a senior analyst", "at"),
        ("founder", "of"), ("director for corporate affairs", "at"),
    ],
    "bank": [
        ("chairman of the board", "of"), ("deputy chairman of the board", "of"), ("head of green finance", "at"),
        ("chief economist", "of"), ("an analyst", "at"), ("head of SME lending", "at"),
        ("director of the {ocity} branch", "of"),
    ],
    "foundation": [
        ("executive director", "of"), ("president", "of"), ("a programme manager", "at"),
        ("a member of the board", "of"), ("coordinator of the {field_l} programme", "at"), ("founder", "of"),
    ],
    "ngo": [
        ("chair", "of"), ("founder", "of"), ("a coordinator", "at"), ("a volunteer", "with"),
        ("a project lead", "at"), ("executive director", "of"),
    ],
    "international": [
        ("country director", "of"), ("head of the Central Asia office", "of"), ("a programme officer", "at"),
        ("regional director", "of"), ("a senior adviser", "at"), ("a project coordinator", "at"),
        ("head of the {field_l} programme", "at"),
    ],
    "hospital": [
        ("chief physician", "of"), ("deputy chief physician", "of"), ("head of the {field_l} department", "at"),
        ("a surgeon", "at"), ("a senior nurse", "at"), ("a cardiologist", "at"),
        ("a general practitioner", "at"), ("a paediatrician", "at"),
    ],
    "culture": [
        ("director", "of"), ("artistic director", "of"), ("a curator", "at"), ("chief conductor", "of"),
        ("an actor", "at"), ("head of the research department", "at"), ("a restorer", "at"),
    ],
    "sport": [
        ("president", "of"), ("head coach", "of"), ("a coach", "at"), ("director", "of"),
        ("team captain", "of"), ("a sports doctor", "at"),
    ],
}  # fmt: skip
INDEPENDENT_ROLES = (
    "a resident of {city}", "an independent analyst based in {city}", "a volunteer from {city}",
    "an entrepreneur from {region}", "a teacher from {city2}", "a blogger from {city}",
    "a parent of two schoolchildren from {city}", "an economist based in Almaty", "a retired engineer from {city}",
    "a member of the {region} maslikhat", "a journalist from {city2}",
)  # fmt: skip
FOREIGN_ROLES = ("Ambassador of {country} to Kazakhstan", "Consul General of {country} in Almaty",
                 "an expert from {country}", "a visiting professor from {foreign_city}")  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# Topics: vocabulary, organisation kinds, sentences and quotes
# ---------------------------------------------------------------------------------------------------------

TOPICS = (
    {
        "name": "education",
        "weight": 14,
        "events": ("scholarship", "competition", "conference", "mou"),
        "subjects": (
            "dual vocational training", "STEM education", "inclusive education", "teacher training",
            "digital literacy", "engineering education", "academic mobility", "sustainability curricula",
            "school infrastructure", "early childhood education", "trilingual education",
            "career guidance for school leavers", "research-based learning", "online learning platforms",
            "student entrepreneurship",
        ),
        "facilities": (
            "learning centre", "robotics laboratory", "school building", "student dormitory",
            "coworking space for students", "library and media centre", "training workshop",
            "teacher development centre",
        ),
        "groups": (
            "schoolchildren", "first-year students", "rural teachers", "graduate students", "school leavers",
            "young researchers", "children with special educational needs", "college students",
        ),
        "items": (
            "laptops", "textbooks", "interactive panels", "laboratory kits", "3D printers", "tablets",
            "robotics sets", "microscopes",
        ),
        "measures": {
            "students": (40, 4000, "students"), "teachers": (15, 900, "teachers"), "schools": (3, 120, "schools"),
        },
        "fields": ("Pedagogy", "Engineering", "Applied Mathematics", "Educational Technology", "Economics",
                   "Natural Sciences", "Chemistry and Biology"),
        "sectors": ("Education", "EdTech", "Learning"),
        "areas": ("Science and Higher Education", "Enlightenment", "Education"),
        "dept": "education",
        "locals": ("a mother of a third-grader in {city}", "a school leaver from {city2}"),
        "org_kinds": {"university": 5, "school": 3, "ministry": 1, "foundation": 2, "company": 1, "akimat": 1,
                      "ngo": 1},
        "sentences": (
            "Over the past {num_word} years, {org} has [trained|prepared] more than [{m_students}|{m_teachers}] in "
            "{subject}, according to its annual report.",
            "The curriculum combines classroom teaching with practical work at [industrial sites|partner "
            "companies|regional enterprises|research laboratories] in {region}, with {pct} of the hours spent outside "
            "the classroom.",
            "Each participant receives a certificate, and the best {group} [will be offered|are offered] internships "
            "at {partner}.",
            "Classes are taught in Kazakh, Russian and English, and {pct} of the course hours in {city} are devoted "
            "to project work.",
            "The {facility} was equipped with {num} {item} purchased with {tenge} from the local budget.",
            "According to the regional education department, {count} {group} in {region} took part in similar "
            "programmes last year.",
            "Teachers from {num} schools in {city} attended a [two-day|week-long|three-day] seminar on {subject} as "
            "part of the initiative.",
            "{org} plans to open a second {facility} in {city2} by {year_future}.",
            "Admission is competitive: this year {count} applications were submitted for {num} places.",
            "A mentoring scheme pairs {group} with [engineers|specialists|alumni|researchers] working in [the energy "
            "sector|local industry|the public sector|international companies] in {city2}.",
            "The share of graduates employed within a year of finishing their studies rose to {pct}, {org} reported.",
            "Students at {org} will also complete modules on {subject2} and [academic writing|project "
            "management|research ethics|data analysis].",
            "The programme, first piloted in {year_past}, has since expanded to {num} districts of {region}.",
            "Parents in {city} have welcomed the change, although {pct} of local schools still lack [qualified "
            "staff|modern equipment|sports halls|reliable internet|enough classrooms].",
            "Under the new rules, {group} can transfer credits earned at {partner} towards their degree.",
            "The {field_l} faculty hosted an open day where {count} visitors learned about [admission "
            "requirements|study programmes|grants available for {group}].",
            "A survey of {count} {group} in {region} showed that {pct} would like more practical assignments and "
            "fewer lectures.",
            "Around {num} schools in {region} still work in three shifts, and the new {facility} will ease the "
            "pressure in {city2}.",
        ),
        "quotes": (
            "Our goal is not only to give knowledge but to teach young people to apply it in {subject}",
            "When {group} see that what they learn has a direct use in their region, their motivation changes "
            "completely",
            "We want graduates from {city} to be able to compete for jobs anywhere in the world without leaving their "
            "home region",
            "Teachers are the key; without investing in them, no new {facility} or equipment will make a difference",
            "This partnership with {partner} gives our students access to real problems and real data",
            "Five years ago we had almost no applications for {subject}; today it is one of our most popular "
            "programmes",
            "We are building an education system in which {subject} is not an elective but a basic skill",
            "The demand from employers in {region} is clear: they need people who can work in teams and learn quickly",
        ),
    },
    {
        "name": "energy",
        "weight": 9,
        "events": ("opening", "mou", "report", "joint_project"),
        "subjects": (
            "renewable energy", "solar generation", "wind power", "energy efficiency", "grid modernisation",
            "energy storage", "district heating", "hydropower", "green hydrogen", "coal phase-down",
            "gas supply to rural districts", "smart metering", "electricity tariffs", "small hydropower",
            "energy auditing",
        ),
        "facilities": (
            "solar power plant", "wind farm", "battery storage facility", "combined heat and power plant",
            "gas-fired power plant", "small hydropower station", "biogas plant", "waste-to-energy plant",
        ),
        "groups": ("households", "small businesses", "industrial consumers", "energy engineers",
                   "rural settlements", "utility workers"),
        "items": ("solar panels", "wind turbines", "smart meters", "heat pumps", "transformers",
                  "LED streetlights", "inverters", "insulation panels"),
        "measures": {
            "mw": (5, 1000, "megawatts"), "gwh": (10, 3500, "gigawatt-hours"),
            "co2": (2000, 900000, "tonnes of CO2 a year"), "lines": (15, 600, "kilometres of power lines"),
        },
        "fields": ("Power Engineering", "Energy Systems", "Renewable Energy", "Thermal Physics"),
        "sectors": ("Energy", "Power", "Solar", "Wind", "Grid"),
        "areas": ("Energy", "Industry and Construction"),
        "dept": "energy and housing utilities",
        "locals": ("an electrician from {city2}", "a homeowner in {city}"),
        "org_kinds": {"company": 5, "ministry": 1, "bank": 1, "institute": 2, "university": 1, "international": 1,
                      "akimat": 1},
        "sentences": (
            "The {facility} has an installed capacity of {m_mw} and is expected to supply around {count} {group}.",
            "Construction took [eighteen months|two years|just over a year|fourteen months] and employed up to "
            "{count} workers at its peak.",
            "Kazakhstan aims to raise the share of renewables in its electricity mix to {pct} by {year_future}, and "
            "{region} is expected to contribute a large part of that growth.",
            "Wear and tear on distribution networks in {region} exceeds {pct}, according to the local utility.",
            "The project is financed through a [long-term loan|green bond|syndicated loan|blended finance package] "
            "worth {money} arranged by {partner}.",
            "Electricity from the {facility} will be sold under a [fifteen-year|twenty-year] power purchase agreement "
            "at an auction price of {decimal} tenge per kilowatt-hour.",
            "Engineers installed {num_big} [solar panels|photovoltaic modules] across a site of {decimal} hectares "
            "near {city}.",
            "The operator estimates that the new equipment in {city} will cut emissions by roughly {m_co2}.",
            "Households in {city} consumed {pct_small} less heat this winter after {item} were fitted in {num} "
            "apartment blocks.",
            "Ageing coal-fired units in {city2} still generate about {pct} of the region's electricity, which keeps "
            "winter air pollution high.",
            "{org} has also begun a feasibility study for a {facility} near {city2}.",
            "Specialists from {foreign_city} provided training for {count} local technicians on maintaining {item}.",
            "The tariff for {group} in {region} will rise by {pct_small} from {month}, the regulator announced.",
            "Under the agreement, {partner} will supply {item} and provide technical supervision during commissioning "
            "in {city}.",
            "At night, demand in {city} is covered by a storage system of {m_mw} that can deliver power for up to "
            "{num_word} hours.",
            "A pilot of {subject} in {num} villages of {region} showed that losses in the network fell by {pct_small}.",
            "About {count} local residents attended public hearings on the environmental impact of the {facility} in "
            "{month}.",
            "Annual output is expected to reach {m_gwh}, enough to cover [a third|a quarter|half|most] of the demand "
            "of {city}.",
        ),
        "quotes": (
            "Every megawatt of clean capacity we add in {region} reduces our dependence on old coal units",
            "The technical challenge is not generation any more, it is integrating variable power into the grid",
            "We proved that a {facility} can operate reliably in the conditions of the steppe, with strong winds and "
            "winters of minus forty",
            "For {group}, the most important thing is stable supply at a fair price, and {subject} helps us deliver "
            "exactly that",
            "Investors are ready to come, but they need predictable rules and long-term contracts",
            "We trained local specialists from the very first day, so the plant will be run by people from {city}",
            "Energy saved is the cheapest energy; programmes in {subject} pay for themselves within a few years",
            "This is the first project of this scale in {region}, and we hope it will not be the last",
        ),
    },
    {
        "name": "environment",
        "weight": 12,
        "events": ("planting", "report", "forum", "joint_project"),
        "subjects": (
            "air quality monitoring", "waste sorting", "reforestation", "biodiversity conservation",
            "water conservation", "climate adaptation", "plastic reduction", "protection of the saiga antelope",
            "restoration of the Aral Sea region", "urban green spaces", "land degradation", "wetland protection",
            "environmental education", "pollution control at industrial sites", "glacier monitoring",
        ),
        "facilities": (
            "waste sorting plant", "tree nursery", "air monitoring station", "wastewater treatment plant",
            "recycling centre", "ecological visitor centre", "composting site", "wildlife rehabilitation centre",
        ),
        "groups": ("volunteers", "eco-activists", "park rangers", "local residents", "schoolchildren",
                   "environmental inspectors"),
        "items": ("air quality sensors", "waste containers", "camera traps", "drip irrigation lines",
                  "bird nesting boxes", "recycling bins", "water meters", "solar-powered lamps"),
        "measures": {
            "seedlings": (500, 250000, "seedlings"), "hectares": (5, 12000, "hectares"),
            "waste": (50, 60000, "tonnes of waste"), "recyclables": (20, 15000, "tonnes of recyclables"),
        },
        "fields": ("Ecology", "Environmental Sciences", "Geography and Environment", "Hydrology", "Botany"),
        "sectors": ("Eco", "Recycling", "Environmental Services", "Waste Management"),
        "areas": ("Ecology and Natural Resources", "Water Resources and Irrigation"),
        "dept": "natural resources",
        "locals": ("a pensioner from {city} who volunteers every weekend", "a birdwatcher from {city2}"),
        "org_kinds": {"ngo": 3, "akimat": 2, "ministry": 1, "institute": 2, "company": 1, "foundation": 1,
                      "international": 1, "university": 1},
        "sentences": (
            "Volunteers planted {m_seedlings} of [elm|birch|pine|poplar|ash|saxaul|maple] along [the riverbank|the "
            "ring road|school grounds|the northern edge of the city] in {city}.",
            "Air quality sensors in {city} recorded [fine particulate|PM2.5|nitrogen dioxide] levels {pct} above the "
            "national limit on the coldest days of winter.",
            "A new sorting line in {city} will process up to {m_waste} annually, sorting paper, glass, metal and "
            "plastic.",
            "Only about {pct_small} of municipal waste in {region} is currently recycled, and the landfill near "
            "{city} receives {num_big} tonnes a year.",
            "Rangers counted {num_big} saiga antelopes during the [spring|autumn|aerial] survey, compared with a few "
            "thousand in the early 2000s.",
            "The survival rate of seedlings planted last [spring|autumn] in {city2} reached {pct}, thanks to drip "
            "irrigation and regular watering.",
            "{org} has installed {num} {item} in [parks|courtyards|schools|residential districts] of {city}.",
            "Inspectors fined [two|three|several|four] industrial enterprises in {region} a total of {tenge} for "
            "exceeding emission limits.",
            "The project covers {m_hectares} of degraded pasture in {region}, where sand drift has threatened "
            "villages for decades.",
            "Residents can bring sorted waste to {num} collection points in {city} and receive points that can be "
            "exchanged for [public transport tickets|discounts at local shops|seedlings].",
            "Researchers from {partner} have been monitoring [the Tuyuksu glacier|lakes of the Burabay national "
            "park|wetlands along the Ural River|the Ili river delta|groundwater near Lake Balkhash] since "
            "{year_past}.",
            "A new rule requires {num} large emitters in {region} to install continuous monitoring equipment by "
            "{year_future}.",
            "The campaign also included lectures on {subject} for {count} {group} in [schools|colleges|summer camps] "
            "of {city}.",
            "Satellite data analysed by {partner} show that forest cover in {region} has changed by {pct_small} over "
            "the past decade.",
            "Plans for a {facility} in {city2} have been discussed with local residents at [two|several|three] public "
            "hearings.",
            "Since {year_past}, volunteers have collected {m_waste} from riverbanks and roadsides across {region}.",
            "Water consumption per hectare of irrigated land in {region} fell by {pct_small} after [canals were "
            "lined|drip systems were installed|metering was introduced].",
            "Collection points in {city} gathered {m_recyclables} last year, [most of it|much of it|about half of it] "
            "plastic and cardboard.",
        ),
        "quotes": (
            "Planting a tree takes ten minutes, but caring for it takes years, and that is where we need everyone's "
            "help",
            "Clean air in {city} is not a luxury; it is a basic condition for the health of our children",
            "We see that people are ready to sort their waste if the system is convenient and they trust that it will "
            "not all end up in one landfill",
            "Data from the sensors help us to show the real picture and to talk with industry on the basis of facts",
            "The steppe is a fragile ecosystem, and restoring it is a task for decades, not for one season",
            "Environmental education has to start in kindergarten; children then bring these habits home",
            "Our volunteers are students, pensioners, office workers; what unites them is love for {city}",
            "We cannot stop climate change alone, but we can prepare {region} for the droughts and floods that are "
            "already coming",
        ),
    },
    {
        "name": "agriculture",
        "weight": 7,
        "events": ("grant", "opening", "forum", "report"),
        "subjects": (
            "drip irrigation", "crop diversification", "precision farming", "livestock breeding", "grain exports",
            "organic farming", "agricultural cooperatives", "soil health", "greenhouse vegetable production",
            "water-saving technologies", "food processing", "pasture management", "seed production",
            "agricultural insurance", "beekeeping",
        ),
        "facilities": (
            "greenhouse complex", "grain elevator", "dairy farm", "meat processing plant",
            "vegetable storage facility", "feedlot", "seed laboratory", "fruit packing house",
        ),
        "groups": ("farmers", "smallholders", "agricultural cooperatives", "livestock breeders",
                   "rural entrepreneurs", "agronomists"),
        "items": ("tractors", "combine harvesters", "drip irrigation systems", "soil sensors", "greenhouse modules",
                  "pedigree heifers", "hail nets", "grain dryers"),
        "measures": {
            "hectares": (50, 80000, "hectares"), "grain": (500, 900000, "tonnes of grain"),
            "veg": (100, 60000, "tonnes of vegetables"), "cattle": (50, 25000, "head of cattle"),
        },
        "fields": ("Agronomy", "Soil Science", "Veterinary Medicine", "Agricultural Economics", "Plant Protection"),
        "sectors": ("Agro", "Agribusiness", "Dairy", "Grain", "Food"),
        "areas": ("Agriculture",),
        "dept": "agriculture",
        "locals": ("a farmer from {region}", "a beekeeper from a village near {city}"),
        "org_kinds": {"company": 3, "institute": 2, "ministry": 1, "bank": 1, "ngo": 1, "university": 1,
                      "akimat": 1, "foundation": 1},
        "sentences": (
            "Farmers in {region} sowed {m_hectares} of "
            "[wheat|barley|sunflower|rapeseed|flax|chickpeas|buckwheat|lentils] this season, the regional agriculture "
            "department reported.",
            "A new grain elevator in {region} can store up to {m_grain} and will allow {group} to sell their harvest "
            "when prices are more favourable.",
            "Drip irrigation has reduced water use on [cotton|rice|tomato|melon|potato|apple] fields in {region} by "
            "roughly {pct}.",
            "{org} offers loans at an annual rate of {pct_small} to {group} who invest in {subject}.",
            "Yields of [spring wheat|sugar beet|corn|sunflower|potatoes] in the pilot districts of {region} rose to "
            "{decimal} tonnes per hectare.",
            "A cooperative of {num} families [in a village near|on the outskirts of|in a district south of] {city} "
            "now supplies [dairy products|vegetables|honey|meat|eggs|fruit] to supermarkets in {city2}.",
            "The ministry's subsidy programme for {subject} totals {money} this year, with {region} among the largest "
            "recipients.",
            "Agronomists from {partner} held field days for {count} {group} to demonstrate [no-till cultivation|crop "
            "rotation|integrated pest management|soil testing|seed treatment].",
            "Late spring frosts damaged about {pct_small} of [orchards|vineyards|early vegetables] in {region}, "
            "causing losses estimated at {money}.",
            "The herd now numbers {m_cattle}, including [Kazakh whiteheaded|Aberdeen "
            "Angus|Hereford|Auliekol|Simmental] cattle.",
            "Exports of [flour|lentils|beef|lamb|sunflower oil|dairy products] from {region} to "
            "[China|Uzbekistan|Afghanistan|the Middle East|Russia|Iran] increased by {pct} in the first half of the "
            "year.",
            "The project will introduce satellite-based monitoring of crops on {m_hectares} in {region}.",
            "Many {group} still rely on [Soviet-era|outdated|worn-out] machinery, with more than {pct} of tractors in "
            "{region} older than fifteen years.",
            "Under the programme, {count} {group} received {item} on favourable leasing terms.",
            "Processing capacity at a vegetable plant near {city2} will reach {m_veg} a year once the second line is "
            "commissioned.",
            "Pastures around {city2} have been divided into {num} rotation plots to prevent overgrazing.",
            "Buyers from {foreign_city} signed contracts for [organic flax|durum wheat|honey|dried fruit|mutton] "
            "worth {usd} at the fair.",
        ),
        "quotes": (
            "Water is the main constraint for farming in the south, and every litre saved with drip irrigation means "
            "more land under crops",
            "Farmers are conservative people; they need to see results on a neighbour's field before they take the "
            "risk",
            "We want {region} to export not raw grain but processed products with higher added value",
            "Young people will stay in the villages only if farming becomes a modern, profitable business",
            "Cooperation allows small farms to buy machinery together and negotiate better prices with buyers",
            "Climate is changing and we see it directly: springs are drier and heat comes earlier every year",
            "Our task as scientists is to give {group} varieties that can survive drought and still give a good "
            "harvest",
            "Access to affordable credit is what allows {group} to invest in {subject}",
        ),
    },
    {
        "name": "health",
        "weight": 7,
        "events": ("opening", "conference", "grant", "report"),
        "subjects": (
            "primary healthcare", "telemedicine", "cancer screening", "maternal and child health", "vaccination",
            "mental health support", "rural medical services", "digital health records",
            "cardiovascular disease prevention", "tuberculosis control", "medical education", "diabetes care",
            "rehabilitation services", "healthy lifestyles", "emergency medicine",
        ),
        "facilities": (
            "polyclinic", "diagnostic centre", "rehabilitation centre", "perinatal centre", "cardiology centre",
            "telemedicine centre", "blood centre", "medical simulation centre",
        ),
        "groups": ("patients", "nurses", "general practitioners", "pregnant women", "elderly residents",
                   "medical students", "rural residents", "young mothers"),
        "items": ("ultrasound machines", "ambulances", "CT scanners", "mammography units", "ventilators",
                  "defibrillators", "dialysis machines", "telemedicine kits"),
        "measures": {
            "patients": (200, 150000, "patients"), "beds": (20, 600, "beds"), "doctors": (10, 1500, "doctors"),
            "screenings": (500, 90000, "screenings"),
        },
        "fields": ("Public Health", "Cardiology", "Oncology", "Paediatrics", "Epidemiology", "Nursing"),
        "sectors": ("Medical", "Pharma", "Health", "Diagnostics"),
        "areas": ("Healthcare",),
        "dept": "public health",
        "locals": ("a patient from {city2}", "a mother of three from {city}"),
        "org_kinds": {"hospital": 4, "ministry": 1, "university": 1, "company": 1, "foundation": 1,
                      "international": 1, "ngo": 1},
        "sentences": (
            "The {facility} has {m_beds} and is equipped with {item} and [modern laboratories|an intensive care "
            "unit|operating theatres|a pharmacy].",
            "Over the past year, doctors in {region} examined {m_patients}, {pct} of them from rural districts.",
            "Screening for [breast|cervical|colorectal|prostate] cancer in {region} has covered {m_screenings} since "
            "{year_past}.",
            "Waiting times for a specialist appointment in {city} fell from [three weeks|two weeks|a month] to about "
            "{num_word} days.",
            "The regional health department purchased {num} {item} for district hospitals at a total cost of {money}.",
            "Mobile teams travelled to {num} villages in {region} and examined {m_patients}; in many of them the "
            "nearest hospital is more than a hundred kilometres away.",
            "Through telemedicine, doctors in {city2} can consult colleagues at {partner} in real time.",
            "Vaccination coverage against [measles|polio|hepatitis B|influenza|pneumococcal infection] in {region} "
            "reached {pct}.",
            "A shortage of [anaesthetists|paediatricians|nurses|radiologists|rural doctors] remains one of the main "
            "problems, with {num} vacancies still open in {region}.",
            "Young specialists who agree to work in rural areas of {region} receive a [one-off payment|housing "
            "allowance|lifting allowance] of {tenge_small}.",
            "The clinic in {city} has performed {num_big} [operations|consultations|procedures|ultrasound "
            "examinations] since it opened in {year_past}.",
            "A hotline for psychological support in {city} received {num_big} calls in its first {num_word} months.",
            "Medical students from {partner} will complete their internships at the {facility}.",
            "Mortality from [cardiovascular disease|stroke|road injuries|tuberculosis] in {region} declined by "
            "{pct_small} over five years.",
            "The programme will train {m_doctors} in [emergency care|ultrasound diagnostics|palliative care|family "
            "medicine] by {year_future}.",
            "Patients can now book appointments and receive test results through a mobile application used by "
            "{num_big} residents of {city}.",
            "The new building in {city}, which cost {money}, replaced a [1960s|Soviet-era|prewar|fifty-year-old] "
            "hospital that no longer met sanitary standards.",
        ),
        "quotes": (
            "Early diagnosis saves lives, and it also costs the health system far less than treating advanced disease",
            "For a village with no doctor, a mobile unit that comes every month makes an enormous difference",
            "Our nurses are the backbone of primary care, and we are giving them more responsibility and better "
            "training",
            "Telemedicine does not replace the doctor, but it brings the best specialists of {city} to every district "
            "hospital",
            "Mental health is still a taboo topic for many families, and our first task is to talk about it openly",
            "Modern equipment means nothing without trained people, so half of the budget goes to education",
            "Prevention is cheaper than treatment, and healthy habits need to start at school",
            "We measure success by the number of {group} who no longer need to travel to {city2} for treatment",
        ),
    },
    {
        "name": "transport",
        "weight": 6,
        "events": ("opening", "joint_project", "mou", "report"),
        "subjects": (
            "public transport", "electric buses", "road safety", "railway modernisation", "logistics hubs",
            "cycling infrastructure", "the Trans-Caspian International Transport Route", "urban mobility",
            "air connectivity", "freight transit", "light rail", "road repairs", "container shipping",
            "taxi regulation", "dry ports",
        ),
        "facilities": (
            "bus depot", "logistics centre", "railway station", "charging station network", "container terminal",
            "bus rapid transit line", "airport terminal", "dry port",
        ),
        "groups": ("commuters", "passengers", "cyclists", "freight forwarders", "drivers", "pedestrians",
                   "logistics companies"),
        "items": ("electric buses", "trams", "charging stations", "traffic lights", "passenger carriages",
                  "locomotives", "gas-powered buses", "speed cameras"),
        "measures": {
            "km": (5, 1200, "kilometres of roads"), "passengers": (1000, 5000000, "passengers a year"),
            "buses": (10, 600, "new buses"),
        },
        "fields": ("Transport Engineering", "Logistics", "Urban Planning", "Civil Engineering"),
        "sectors": ("Logistics", "Transport", "Rail", "Mobility"),
        "areas": ("Transport", "Industry and Infrastructure Development"),
        "dept": "passenger transport and roads",
        "locals": ("a bus driver from {city}", "a daily commuter from {city2}"),
        "org_kinds": {"company": 3, "akimat": 2, "ministry": 1, "bank": 1, "international": 1, "university": 1},
        "sentences": (
            "{city} has received {m_buses} running on [electricity|compressed natural gas|hybrid drives], which will "
            "serve {num} routes.",
            "Transit cargo along the route grew by {pct} last year, reaching {num_big} containers.",
            "The reconstruction in {region} covers {m_km} and includes new bridges, lighting and [pedestrian "
            "crossings|bus shelters|drainage|cycle lanes].",
            "Average travel time between {city} and {city2} will be cut to about {num_word} hours once the new line "
            "opens.",
            "Passenger numbers on public transport in {city} reached {m_passengers}, the transport department said.",
            "A new [cycle lane|pedestrian boulevard|bus lane] stretching {decimal} kilometres now links [the "
            "university campus|the railway station|residential districts] of {city} with the centre.",
            "{org} ordered {num} {item} from [a manufacturer in Kostanay|a plant in Almaty|suppliers in China|a "
            "Turkish producer|a factory in Belarus].",
            "A new logistics centre near {city} will handle up to {num_big} tonnes of cargo a year and create {num} "
            "permanent jobs.",
            "Road accidents in {region} decreased by {pct_small} after {num} speed cameras were installed on the most "
            "dangerous sections.",
            "Cashless fare payment has been introduced on all routes in {city}, and {pct} of passengers now pay by "
            "card or phone.",
            "Flights between {city} and {foreign_city} will operate [twice|three times|four times] a week starting in "
            "{month}.",
            "Funding of {money} has been allocated for the repair of local roads in {region} this year.",
            "Freight forwarders say waiting times at the border crossing with [China|Uzbekistan|Kyrgyzstan|Russia] "
            "have fallen to about {num_word} hours, down from {num} last year.",
            "The transport ministry estimates that {pct} of local roads in {region} are still in poor or "
            "unsatisfactory condition.",
            "Drivers of the new buses in {city} completed training at {partner}, including [eco-driving|first "
            "aid|customer service] courses.",
            "The port of Aktau handled {num_big} tonnes of cargo in the first {num_word} months of {year}.",
            "A smart traffic management system will adjust signals at {num} intersections in {city} according to "
            "real-time traffic.",
        ),
        "quotes": (
            "Our aim is simple: public transport should be faster and more comfortable than driving your own car in "
            "{city}",
            "The middle corridor is a historic opportunity for Kazakhstan to become a bridge between Asia and Europe",
            "Every new bus runs on a schedule that passengers can track in real time, and that builds trust",
            "Safety comes first; we redesigned the most dangerous crossings after talking to parents and schools",
            "Logistics is about time; if a container spends three days at the border, the customer goes to another "
            "route",
            "Electric buses cost more at the start, but they are cheaper to run and they do not pollute the streets",
            "We listened to {group}, and the new routes reflect what people told us in the survey",
            "The road is the first thing an investor sees when they come to {region}",
        ),
    },
    {
        "name": "finance",
        "weight": 7,
        "events": ("report", "grant", "forum", "mou"),
        "subjects": (
            "green bonds", "ESG reporting in the financial sector", "SME lending", "financial literacy",
            "microcredit", "the sustainable finance taxonomy", "Islamic finance", "digital payments",
            "the Astana International Financial Centre", "pension savings", "venture investment",
            "climate risk disclosure", "impact investing", "mortgage programmes", "credit guarantees",
        ),
        "facilities": ("regional branch", "business support centre", "fintech hub", "financial literacy centre",
                       "customer service centre", "trading platform"),
        "groups": ("small and medium-sized businesses", "entrepreneurs", "investors", "borrowers",
                   "women entrepreneurs", "young families", "startups"),
        "items": ("loans", "bonds", "guarantees", "credit lines", "microloans", "green loans"),
        "measures": {"loans": (20, 15000, "loans"), "entrepreneurs": (30, 8000, "entrepreneurs")},
        "fields": ("Finance", "Economics", "Accounting and Audit", "Banking"),
        "sectors": ("Capital", "Finance", "Investment", "Leasing", "Insurance"),
        "areas": ("Finance", "National Economy"),
        "dept": "budget planning",
        "locals": ("a café owner from {city}", "a small business owner in {city2}"),
        "org_kinds": {"bank": 4, "company": 2, "ministry": 1, "international": 1, "foundation": 1, "university": 1},
        "sentences": (
            "{firm} placed a [five-year|seven-year|three-year|ten-year] green bond worth {money} on the Astana "
            "International Exchange.",
            "Proceeds will finance [renewable energy|energy-efficient buildings|clean transport|water "
            "infrastructure|sustainable agriculture] projects in {region}, with the first {num} already selected.",
            "The loan portfolio for {group} in {region} grew by {pct} year on year to {money}.",
            "Demand for the {money} issue exceeded the offer by [1.5|two|2.3|three|four] times, with [pension "
            "funds|foreign investors|second-tier banks|insurance companies] accounting for most of the orders.",
            "Under the programme, {m_loans} were issued in {region} at a rate capped at {pct_small} a year.",
            "{firm} published its first sustainability report prepared in line with [GRI standards|the ISSB "
            "standards|TCFD recommendations|the national ESG guidelines].",
            "Non-performing loans in the segment remained below {pct_small}, {firm} said in its quarterly results.",
            "The National Bank kept the base rate at {rate} at its meeting in {month}.",
            "A financial literacy course for {group} has been completed by {count} participants in {city} and {city2}.",
            "Credit guarantees of up to {pct} of the loan amount are available for {group} without sufficient "
            "collateral.",
            "Investors from {foreign_city} have expressed interest in [co-financing|participating in|underwriting] "
            "the next issue of {firm}.",
            "ESG ratings are becoming a condition for access to [international capital|export credit|syndicated "
            "loans], analysts at {partner} noted.",
            "Card payments now account for {pct} of retail transactions in {region}, up from [a third|less than "
            "half|about a quarter] in {year_past}.",
            "The fund has invested {usd} in {num} [startups|companies|projects] since its launch in {year_past}.",
            "Under the taxonomy, [energy|agriculture|construction|transport|waste management|water supply] projects "
            "count as green if they meet specific emission thresholds, {org} explained.",
            "Microloans of up to {tenge_small} are available for {group} in rural areas of {region}.",
            "Analysts at {partner} expect inflation to slow to {rate} by the end of {year_future}.",
        ),
        "quotes": (
            "Sustainable finance is no longer a niche; international investors ask us about ESG risks before they ask "
            "about yields",
            "Small businesses are the backbone of the regional economy, and access to credit is their main constraint",
            "Transparency builds trust; our sustainability report shows not only our achievements but also where we "
            "still fall short",
            "We want every entrepreneur in {region} to know what support is available and how to apply for it",
            "The green bond market in Kazakhstan is young, but the appetite of investors shows that it has a future",
            "Financial literacy is a life skill; people who understand interest rates make better decisions for their "
            "families",
            "Our role is to take part of the risk so that banks are willing to lend to {group}",
            "Capital follows clear rules; the taxonomy gives issuers and investors a common language",
        ),
    },
    {
        "name": "technology",
        "weight": 7,
        "events": ("competition", "opening", "joint_project", "forum"),
        "subjects": (
            "artificial intelligence", "digital government services", "cybersecurity", "IT outsourcing",
            "data centres", "broadband in rural areas", "the startup ecosystem", "blockchain applications",
            "satellite technology", "e-commerce", "open data", "robotics", "software engineering education",
            "5G networks", "smart city platforms",
        ),
        "facilities": ("data centre", "IT park", "technology hub", "innovation centre", "satellite ground station",
                       "startup incubator", "coworking centre", "cybersecurity operations centre"),
        "groups": ("developers", "startups", "IT specialists", "young programmers", "tech entrepreneurs",
                   "schoolchildren interested in coding"),
        "items": ("servers", "base stations", "drones", "sensors", "GPU clusters", "routers", "robots",
                  "smart cameras"),
        "measures": {
            "startups": (5, 900, "startups"), "users": (1000, 3000000, "users"),
            "specialists": (20, 20000, "IT specialists"), "villages": (10, 3000, "villages"),
        },
        "fields": ("Information Technology", "Computer Science", "Artificial Intelligence", "Cybersecurity",
                   "Data Science"),
        "sectors": ("Tech", "Digital", "Software", "Telecom", "Data"),
        "areas": (
            "Digital Development, Innovation and Aerospace Industry",
            "Artificial Intelligence and Digital Development",
        ),
        "dept": "digitalisation",
        "locals": ("a freelance developer from {city}", "a schoolgirl from {city2} who builds robots"),
        "org_kinds": {"company": 4, "university": 1, "ministry": 1, "foundation": 1, "international": 1,
                      "institute": 1},
        "sentences": (
            "Residents of {region} can now access more than {num_big} government services online, the ministry "
            "reported.",
            "A new startup incubator in {city} will host {m_startups} and provide them with [office "
            "space|mentoring|cloud credits|access to investors].",
            "Fibre-optic internet has reached {m_villages} in {region} as part of the national broadband programme.",
            "{firm} exports software to [the United States|Germany|the United Arab Emirates|Singapore|the United "
            "Kingdom|Poland|Turkey], and its revenue grew by {pct} last year.",
            "Participants in the bootcamp in {city} learned [Python|machine learning|cloud computing|mobile "
            "development|data analysis|cybersecurity] over {num_word} weeks.",
            "A language model trained on Kazakh texts was presented at the event, built on [a corpus of|a dataset of] "
            "{num_big} documents.",
            "The country's IT service exports exceeded {usd} last year, according to {partner}.",
            "The platform already has {m_users}, most of them in {city} and {city2}.",
            "Cyber incidents targeting [government agencies|banks|hospitals|schools] in {region} increased by {pct} "
            "compared with the previous year.",
            "Engineers at {firm} are testing {item} to monitor [pipelines|crop fields|traffic|power lines|forest "
            "fires] in {region}.",
            "A new data centre in {city2} will consume {decimal} megawatts and use [free cooling|recycled "
            "heat|renewable power] to cut its footprint.",
            "Tax incentives for the {num} participants of the technology park in {city} include exemptions from "
            "[corporate income tax|VAT|property tax] until {year_future}.",
            "Of the {count} graduates of the programme, {pct} found work within six months, many of them at [local "
            "startups|international tech companies|banks|government agencies].",
            "The startup from {city} raised {usd} in a seed round led by investors from {foreign_city}.",
            "Schoolchildren from {num} schools in {region} competed in [robotics|programming|drone racing|app "
            "development] challenges.",
            "A new data protection regulation will require {firm} and other companies to store personal data of "
            "citizens [within the country|on local servers] by {year_future}.",
            "Students in {city} built a prototype that uses {subject} to [detect leaks in water pipes|predict "
            "hospital admissions|sort waste automatically|forecast electricity demand|translate lectures into "
            "Kazakh].",
            "The region still needs about {m_specialists}, according to estimates by {partner}.",
        ),
        "quotes": (
            "Talent is our main resource; we have young people who can build world-class products from {city}",
            "Digital services should be so simple that a pensioner in a village can use them without help",
            "Artificial intelligence will change every profession, and our universities need to prepare for that now",
            "We started with three people in a small office, and today we have clients on four continents",
            "Cybersecurity is not only about technology; it is about people, habits and responsibility",
            "Investors look for teams that can scale beyond Kazakhstan, and that is what we help startups do",
            "Connectivity is the foundation; without fast internet, there is no digital economy in the regions",
            "Open data allows citizens and journalists to check how public money is spent",
        ),
    },
    {
        "name": "culture",
        "weight": 5,
        "events": ("opening", "competition", "grant", "forum"),
        "subjects": (
            "traditional crafts", "contemporary art", "museum digitisation", "the Kazakh language",
            "film production", "theatre", "national heritage", "folk music", "literature and translation",
            "cultural tourism", "restoration of historical monuments", "children's creativity", "nomadic culture",
            "the dombra tradition", "book publishing",
        ),
        "facilities": ("museum", "drama theatre", "concert hall", "cultural centre", "art gallery", "library",
                       "ethnographic park", "film studio"),
        "groups": ("young artists", "musicians", "visitors", "craftsmen", "writers", "tourists",
                   "young filmmakers"),
        "items": ("artefacts", "manuscripts", "paintings", "musical instruments", "costumes", "photographs",
                  "carpets", "archival recordings"),
        "measures": {
            "visitors": (300, 400000, "visitors"), "performers": (10, 1200, "performers"),
            "exhibits": (30, 20000, "exhibits"), "books": (100, 50000, "copies"),
        },
        "fields": ("Art History", "Philology", "Archaeology", "Ethnography", "Music"),
        "sectors": ("Media", "Creative", "Film", "Publishing"),
        "areas": ("Culture and Information", "Tourism and Sports"),
        "dept": "culture",
        "locals": ("a felt-maker from {region}", "a visitor from {city2}"),
        "org_kinds": {"culture": 4, "ministry": 1, "foundation": 2, "ngo": 1, "university": 1, "company": 1,
                      "akimat": 1},
        "sentences": (
            "The exhibition in {city} brings together {m_exhibits}, including [felt carpets|silver "
            "jewellery|saddles|ancient ceramics|embroidered costumes|bronze age tools] from private collections.",
            "More than {m_visitors} attended the festival over {num_word} days.",
            "Archaeologists from {partner} found [bronze arrowheads|a Saka burial mound|fragments of glazed "
            "pottery|coins of the Golden Horde period|remains of a medieval caravanserai] near {city2}.",
            "The theatre's new season in {city} opens on {deadline} with a production based on [a novel by Mukhtar "
            "Auezov|poems by Abai|a play by Chekhov|Kazakh legends|a Shakespeare tragedy].",
            "{org} has digitised {num_big} [manuscripts|photographs|archival documents|audio recordings] from its "
            "collection.",
            "Craftsmen from {num} regions demonstrated [felt-making|wood carving|leather embossing|jewellery "
            "making|yurt building|carpet weaving] at the fair in {city}.",
            "The restoration of the [mausoleum|mosque|merchant's house|nineteenth-century church|old railway station] "
            "in {city2} cost {money} and took {num_word} years.",
            "Tickets for the [concerts|performances|screenings] in {city} were sold out within {num_word} days, the "
            "organisers said.",
            "A translated collection of contemporary Kazakh [poetry|short stories|plays] will be published in "
            "[English|German|French|Korean|Chinese|Turkish] with support from {partner}.",
            "The orchestra of {m_performers} combined the dombra and the kobyz with "
            "[sybyzgy|zhetigen|shan-kobyz|sherter] and symphonic instruments.",
            "The film, made on a budget of {money} and shot in [the Altai mountains|the Mangystau desert|Charyn "
            "Canyon|the steppe near {city2}|the old quarter of {city}], will be screened at festivals in "
            "{foreign_city}.",
            "The museum in {city}, which welcomed {m_visitors} last year, will offer free admission to {group} on "
            "[the first Sunday of every month|national holidays|Wednesdays].",
            "{count} young people applied for the creative residency in {city}, and {num} were selected.",
            "Cultural tourism in {region} grew by {pct} as visitors came to see [petroglyphs|ancient "
            "settlements|sacred sites|the Great Silk Road monuments].",
            "A new library in {city} received {m_books} of books in Kazakh, Russian and English.",
            "The competition for young [composers|writers|painters|photographers|filmmakers] from {region} has a "
            "prize fund of {tenge_small}.",
        ),
        "quotes": (
            "Culture is what makes us who we are; without it, economic growth has no meaning",
            "We want young people to see that traditional music is not a museum piece but something alive and modern",
            "Every object in this collection tells a story about the people who lived on this land",
            "Digitisation means that a student in {city2} can see our manuscripts without travelling to {city}",
            "Translation is a bridge; when our literature is read abroad, people begin to understand Kazakhstan",
            "The theatre must speak to today's audience while remaining faithful to the great texts",
            "Craftsmen need not only admiration but also a market for their work",
            "The restoration was done with respect for the original materials and techniques",
        ),
    },
    {
        "name": "sport",
        "weight": 5,
        "events": ("competition", "opening", "grant", "joint_project"),
        "subjects": (
            "youth sport", "mass sports", "wrestling", "boxing", "football development", "inclusive sport",
            "winter sports", "cycling", "chess", "esports", "swimming", "sports infrastructure",
            "the World Nomad Games", "athletics", "hockey",
        ),
        "facilities": ("sports complex", "ice arena", "swimming pool", "football stadium", "velodrome",
                       "multi-sport hall", "tennis centre", "athletics arena"),
        "groups": ("young athletes", "coaches", "Paralympic athletes", "amateur runners",
                   "children from low-income families", "sports fans"),
        "items": ("training equipment", "sports uniforms", "artificial turf", "rowing boats", "bicycles",
                  "timing systems"),
        "measures": {
            "athletes": (20, 5000, "athletes"), "runners": (200, 25000, "runners"), "medals": (3, 80, "medals"),
            "seats": (300, 30000, "spectator seats"),
        },
        "fields": ("Physical Education", "Sports Science", "Sports Medicine"),
        "sectors": ("Sport", "Fitness", "Active"),
        "areas": ("Tourism and Sports",),
        "dept": "physical culture and sports",
        "locals": ("an amateur runner from {city}", "a father of a young wrestler from {city2}"),
        "org_kinds": {"sport": 4, "akimat": 1, "ministry": 1, "company": 1, "university": 1, "foundation": 1,
                      "ngo": 1},
        "sentences": (
            "More than {m_runners} took part in the [half marathon|city marathon|night run|charity run] in {city}.",
            "The {facility} has {m_seats} and will host [international tournaments|national championships|youth "
            "competitions].",
            "Athletes from {region} won {m_medals} at the national championship, including {num_word} gold.",
            "Sections for [wrestling|boxing|judo|swimming|volleyball|table tennis|chess] in {city} are free of charge "
            "for {group}.",
            "The team finished [second|third|fourth|fifth] in the group stage after a [2-1|3-0|1-1|0-2|4-2] match "
            "against a club from {foreign_city}.",
            "Construction of the {facility} in {city2} is financed from the local budget at a cost of {money}.",
            "The number of people regularly doing sport in {region} has risen to {pct} of the population, the "
            "regional sports department said.",
            "Coaches from {foreign_city} held [master classes|training camps|seminars] for {count} {group}.",
            "The [kokpar|togyz kumalak|asyk atu|kazakh kuresi|horse racing] tournament near {city} drew {count} "
            "spectators from across the region.",
            "{org} will provide {item} to {num} rural sports schools in {region}.",
            "{num_word} young [boxers|wrestlers|swimmers|cyclists|skiers|chess players] from {city} have qualified "
            "for the [Asian|world|continental] youth championship.",
            "A new outdoor workout park was opened in {city} as part of a programme to install {num} such sites by "
            "{year_future}.",
            "The federation's budget for developing {subject} in the regions amounts to {tenge} this year.",
            "More than {count} participants with disabilities competed in [para-athletics|wheelchair "
            "basketball|sitting volleyball|para-swimming] events in {city}.",
            "Medical checks and sports nutrition are provided to {m_athletes} of the regional training centre in "
            "{city}.",
            "All {num_big} tickets to the [match|tournament|final] in {city} sold out in less than {num_word} hours.",
        ),
        "quotes": (
            "Sport teaches children discipline, respect and the ability to lose and try again",
            "Our goal is to make sport accessible for every child in {region}, not only for future champions",
            "This medal belongs to my coach and to everyone in {city} who supported me",
            "Good facilities matter, but it is the coaches who make champions",
            "We saw families running together, and that is exactly what mass sport is about",
            "National games like kokpar and asyk atu are part of our identity, and young people are rediscovering them",
            "Inclusive sport changes how society sees people with disabilities",
            "We want {city} to host international competitions and show its hospitality",
        ),
    },
    {
        "name": "science",
        "weight": 6,
        "events": ("conference", "grant", "mou", "report"),
        "subjects": (
            "materials science", "climate research", "genomics", "space research",
            "geology and mineral exploration", "nuclear physics", "biotechnology", "water research",
            "seismology", "rare earth metals", "nanotechnology", "paleontology", "astrophysics",
            "carbon capture", "hydrogen research",
        ),
        "facilities": ("laboratory", "research station", "observatory", "scientific library", "core facility",
                       "seismic monitoring station", "greenhouse research complex", "research reactor"),
        "groups": ("young scientists", "researchers", "doctoral students", "postdoctoral fellows",
                   "laboratory technicians", "early-career researchers"),
        "items": ("analytical instruments", "laboratory equipment", "field equipment", "computing servers",
                  "measuring instruments", "sensors", "spectrometers"),
        "measures": {
            "publications": (5, 900, "publications in indexed journals"), "researchers": (10, 2000, "researchers"),
            "patents": (2, 120, "patents"), "samples": (100, 50000, "samples"),
        },
        "fields": ("Physics", "Chemistry", "Geology", "Biology", "Mathematics", "Materials Science",
                   "Biotechnology", "Seismology", "Space Research"),
        "sectors": ("Science", "Research", "Innovation"),
        "areas": ("Science and Higher Education",),
        "dept": "science",
        "locals": ("a geology enthusiast from {city}", "a retired physics teacher from {city2}"),
        "org_kinds": {"institute": 4, "university": 2, "ministry": 1, "foundation": 1, "international": 1,
                      "company": 1},
        "sentences": (
            "Scientists at {org} published {m_publications} last year, [a record for the institute|up from the "
            "previous year|most of them in leading journals].",
            "The research group analysed {m_samples} collected in {region} between {year_past} and [last year|this "
            "spring|the current season].",
            "The {facility} was equipped with {item} purchased under a state grant of {money}.",
            "The research budget of {org} has grown by {pct} over the past [three|five|four] years, mainly through "
            "competitive grants.",
            "Young scientists in {region} received {num} grants of up to {tenge} each for projects lasting up to "
            "three years.",
            "The findings, published in [Scientific Reports|Nature Communications|the journal Minerals|Frontiers in "
            "Earth Science|Energies|Sustainability], suggest that {subject} could [help the region adapt|reduce "
            "costs|open new opportunities] in {region}.",
            "Researchers from {partner} and {foreign_city} will jointly study [soil samples|ice cores|ancient "
            "DNA|groundwater|meteorite fragments|lake sediments] from {region}.",
            "The team patented {m_patents} related to [catalysts|sensors|biofertilisers|alloys|water "
            "filters|vaccines].",
            "An expedition of {num} researchers to [the Tien Shan|the Altai|the Mangyshlak peninsula|the Betpak-Dala "
            "desert|Lake Zaisan|the Aral seabed] collected {m_samples} over {num_word} weeks.",
            "Seismologists recorded {num_big} tremors in {region} last year, most of them too weak to be felt.",
            "Doctoral students at {org} spend up to [six months|a semester|a year] at partner laboratories in "
            "{foreign_city}.",
            "The collaboration with {partner} gives researchers in {city} access to [beamline time|high-performance "
            "computing|a genome database|satellite imagery|cleanroom facilities] that is not available in Kazakhstan.",
            "{count} researchers from {num} countries presented papers at the [symposium|workshop|summer "
            "school|colloquium] in {city}.",
            "[Geologists|Biologists|Chemists|Physicists|Engineers] at {org} are developing a method to [extract rare "
            "earth elements from mining waste|produce biodegradable plastics from wheat straw|detect pathogens in "
            "water|store hydrogen in metal hydrides|predict mudflows].",
            "A database of {num_big} [plant specimens|mineral samples|genetic sequences|meteorological records] from "
            "{region} was made openly available to researchers.",
            "The share of researchers under forty at {org} has risen to {pct}.",
            "The work at {org} involves {m_researchers} from Kazakhstan and abroad.",
        ),
        "quotes": (
            "Science in Kazakhstan needs long-term funding, not projects that end just as results begin to appear",
            "Our young researchers publish in international journals and compete on equal terms with colleagues abroad",
            "The steppe holds many answers about climate history, and we have only started to read them",
            "A good laboratory attracts good people, and good people attract new grants",
            "Industry brings us real problems, and that makes our research more relevant",
            "We share our data openly because science moves faster when it is open",
            "International cooperation gives us access to instruments that no single country in the region could "
            "afford",
            "The results are promising, but we need at least two more seasons of field work to confirm them",
        ),
    },
    {
        "name": "city",
        "weight": 6,
        "events": ("opening", "planting", "forum", "report"),
        "subjects": (
            "urban improvement", "housing construction", "public spaces", "heating and utilities", "street lighting",
            "courtyard renovation", "accessible environment", "participatory budgeting", "snow removal",
            "parking policy", "waste collection", "neighbourhood safety", "city parks",
            "historic centre regeneration", "affordable housing",
        ),
        "facilities": ("park", "public square", "residential complex", "playground", "embankment",
                       "community centre", "pedestrian street", "public library"),
        "groups": ("residents", "pensioners", "families with children", "people with disabilities",
                   "local businesses", "tenants"),
        "items": ("benches", "street lamps", "playground equipment", "ramps", "trees", "CCTV cameras",
                  "bus shelters", "public toilets"),
        "measures": {
            "residents": (200, 300000, "residents"), "apartments": (50, 8000, "apartments"),
            "courtyards": (5, 400, "courtyards"), "sqm": (1000, 900000, "square metres"),
        },
        "fields": ("Architecture", "Urban Studies", "Construction", "Design"),
        "sectors": ("Construction", "Development", "Property", "Utilities"),
        "areas": ("Industry and Construction", "National Economy"),
        "dept": "urban planning and architecture",
        "locals": ("a resident of a five-storey block in {city}", "a shop owner on the renovated street in {city}"),
        "org_kinds": {"akimat": 4, "company": 2, "ngo": 2, "ministry": 1, "foundation": 1, "university": 1},
        "sentences": (
            "The akimat renovated {m_courtyards} in {city} this year, installing {item} and [new "
            "paving|drainage|lighting|green areas].",
            "The new park in {city} covers {decimal} hectares and includes [walking paths|a skate park|a fountain|an "
            "amphitheatre|a dog park|sports grounds].",
            "Residents of {city} voted online for {num} projects under the participatory budgeting programme, which "
            "has a budget of {money}.",
            "More than {m_apartments} in the new residential district will be offered to [families on the waiting "
            "list|young teachers and doctors|large families|public sector workers] on preferential terms.",
            "Heating networks in {city} are {pct} worn out, and the city plans to replace {decimal} kilometres of "
            "pipes before winter.",
            "The embankment along [the Esil|the Ural|the Irtysh|the Ishim|the Tobol|the Nura|the Syr Darya|the Ili] "
            "river has become a popular place for walks and cycling, {org} said.",
            "Public consultations on the new master plan of {city} attracted {count} participants.",
            "Crews removed {num_big} cubic metres of snow from the streets of {city} during the first "
            "[week|fortnight|month] of winter.",
            "Ramps and tactile paving were installed at {num} [bus stops|public buildings|pedestrian crossings] in "
            "{city} to improve access for {group}.",
            "The historic quarter around [the old market|the railway station|the central mosque|the cathedral|the "
            "main square] of {city2} will be turned into a pedestrian zone by {year_future} at a cost of {money}.",
            "The population of {city} has grown by {pct_small} since {year_past} to {population}, putting pressure on "
            "schools, clinics and roads.",
            "{count} residents joined a [Saturday clean-up|community clean-up day|subbotnik] in [parks|courtyards|the "
            "old town] of {city}.",
            "A new mobile app, already downloaded {num_big} times, lets residents of {city} report [potholes|broken "
            "street lights|illegal dumping|problems with heating] directly to the akimat.",
            "Construction of {m_sqm} of housing was completed in {region} in the first {num_word} months of the year.",
            "Local businesses on the renovated street in {city2} reported a {pct} increase in customers.",
            "Cameras installed at {num} intersections and parks in {city} have helped reduce petty crime, police said.",
        ),
        "quotes": (
            "A city is comfortable when a mother with a pram or a person in a wheelchair can move around without "
            "obstacles",
            "Residents told us what they wanted, and we listened; this park is their project",
            "We cannot solve decades of underinvestment in utilities in one year, but we have a clear plan",
            "Good public spaces make people stay in {city} instead of moving to bigger cities",
            "The courtyard used to be a parking lot; now our children play here every evening",
            "Housing must be affordable for teachers, nurses and young families, not only for those with high incomes",
            "Every complaint in the app is visible, and every department knows it will be checked",
            "Our goal is a city where you can walk, cycle and breathe clean air",
        ),
    },
    {
        "name": "international",
        "weight": 7,
        "events": ("mou", "forum", "conference", "joint_project"),
        "subjects": (
            "regional water cooperation", "trade facilitation", "academic exchange", "climate diplomacy",
            "investment cooperation", "cross-border tourism", "humanitarian assistance",
            "the Central Asia–EU partnership", "logistics cooperation with China", "transboundary rivers",
            "regional energy integration", "labour mobility", "the Green Silk Road", "customs cooperation",
            "cultural diplomacy",
        ),
        "facilities": ("joint research centre", "trade house", "business council office",
                       "border crossing point", "visa centre", "regional hub"),
        "groups": ("diplomats", "exporters", "exchange students", "business delegations",
                   "experts from five Central Asian countries", "investors"),
        "items": ("investment agreements", "road maps", "joint declarations", "trade contracts",
                  "cooperation agreements"),
        "measures": {"countries": (3, 60, "countries"), "agreements": (3, 60, "agreements")},
        "fields": ("International Relations", "Regional Studies", "Oriental Studies", "Economics"),
        "sectors": ("Trade", "Export", "Global"),
        "areas": ("Foreign Affairs", "Trade and Integration"),
        "dept": "foreign economic relations",
        "locals": ("an exporter from {city}", "a student who studied in {foreign_city}"),
        "org_kinds": {"international": 4, "ministry": 2, "university": 1, "company": 1, "bank": 1, "foundation": 1},
        "sentences": (
            "Trade turnover between Kazakhstan and [Uzbekistan|China|Turkey|Germany|South "
            "Korea|Kyrgyzstan|Azerbaijan|Italy|Japan|the United Arab Emirates] reached {usd_big} last year.",
            "The delegation from {foreign_city} visited [industrial zones|universities|a special economic "
            "zone|agricultural enterprises] in {region}.",
            "The parties signed {m_agreements} worth a combined {usd_big} during the business forum in {city}.",
            "Experts from {m_countries} discussed [shared water resources|cross-border trade|climate "
            "adaptation|transport corridors|energy interconnection|labour migration] at the meeting in {city}.",
            "Under the exchange programme, {count} students from Central Asia will study at universities in "
            "{foreign_city} over the next {num_word} years.",
            "Water levels in [the Syr Darya|the Ili|the Irtysh|the Ural|the Chu and Talas rivers] were {pct_small} "
            "below average this season, hydrologists at {partner} said, adding urgency to talks with neighbours.",
            "{org} opened a representative office in {city}, its [first|second|third] in Central Asia.",
            "A joint business council will meet [twice a year|annually|every quarter] to review progress on projects "
            "worth {usd}.",
            "Visa-free travel introduced in {year_past} helped increase tourist flows to {region} from "
            "[China|India|South Korea|Turkey|the Gulf states|Europe] by {pct}.",
            "The sides agreed to simplify customs procedures at the [Khorgos|Dostyk|Zhibek Zholy|Kairak|Tazhen|Nur "
            "Zholy] crossing point, where {num_big} trucks crossed last year.",
            "Technical assistance from {partner} will cover {subject} and training for {count} civil servants.",
            "Kazakh companies exported goods worth {usd} to {foreign_city} and neighbouring markets through the new "
            "trade house.",
            "Diplomats from [the European Union|Japan|Korea|Turkey|China|the United States|the Gulf Cooperation "
            "Council] attended the [roundtable|session|briefing|reception] hosted by {org} in {city}.",
            "The memorandum envisages joint research on {subject2} and annual expert meetings alternating between "
            "{city} and {foreign_city}.",
            "Ministers from {m_countries} adopted a joint statement on {subject}, to be presented at [COP|the UN "
            "General Assembly|the Astana International Forum|the next Central Asian summit].",
            "More than {count} entrepreneurs from {m_countries} registered for the business matchmaking sessions in "
            "{city}.",
        ),
        "quotes": (
            "Central Asia is stronger when its countries work together on water, energy and transport",
            "Our partnership with Kazakhstan is based on trust and long-term interests",
            "These agreements are not just papers; each of them has a concrete project and a timeline behind it",
            "Academic exchange creates personal ties that last for decades",
            "The climate crisis does not recognise borders, and neither should our response",
            "We see {region} as a gateway for our companies to the wider Central Asian market",
            "Regional integration is the only way for landlocked economies to reach global markets",
            "Today we agreed on concrete steps, and in a year we will meet again to see what has been done",
        ),
    },
    {
        "name": "esg",
        "weight": 12,
        "events": ("report", "forum", "conference", "planting"),
        "subjects": (
            "ESG reporting", "corporate governance", "decarbonisation", "occupational safety",
            "supply chain transparency", "gender equality in the workplace", "community investment",
            "carbon accounting", "human rights due diligence", "the circular economy", "water stewardship",
            "anti-corruption compliance", "green procurement", "corporate social responsibility",
            "climate risk management",
        ),
        "facilities": ("dust treatment facility", "corporate training centre", "solar installation",
                       "housing block for young specialists", "community centre", "water recycling unit"),
        "groups": ("employees", "shareholders", "suppliers", "local communities", "women engineers",
                   "contractors"),
        "items": ("emission sensors", "safety audits", "training courses", "dust filters",
                  "energy management systems", "electric haul trucks"),
        "measures": {
            "employees": (100, 60000, "employees"), "co2": (5000, 20000000, "tonnes of CO2-equivalent"),
            "hours": (1000, 300000, "hours of volunteer work"),
        },
        "fields": ("Sustainable Development", "Corporate Governance", "Environmental Management", "Management"),
        "sectors": ("Mining", "Metallurgy", "Oil and Gas", "Chemicals", "Industrial", "Copper", "Uranium"),
        "areas": ("Ecology and Natural Resources", "Energy", "Labour and Social Protection of the Population"),
        "dept": "environmental regulation",
        "locals": ("a shift worker at a plant near {city}", "a community leader from {city2}"),
        "org_kinds": {"company": 5, "university": 2, "bank": 1, "ngo": 1, "ministry": 1, "international": 1,
                      "foundation": 1},
        "sentences": (
            "{firm} reported greenhouse gas emissions of {m_co2} in its latest sustainability report.",
            "{firm} aims to cut the carbon intensity of its production in {region} by {pct} by {year_future} compared "
            "with {year_past} levels.",
            "Women now make up {pct} of the engineering staff at {firm}, up from [a fifth|less than a tenth|about a "
            "quarter] five years ago.",
            "The lost-time injury frequency rate at the sites of {firm} in {region} fell to {decimal_small} per "
            "million hours worked.",
            "Social investment in {region} totalled {money}, spent on [schools|hospitals|sports grounds|water "
            "supply|housing for young specialists].",
            "The board of {firm} approved a new [climate strategy|human rights policy|anti-corruption "
            "policy|biodiversity policy|water management policy] in {month}.",
            "A total of {m_employees} completed training on {subject} during the year.",
            "The report, covering {m_employees} at {num} sites, was verified by an independent auditor and prepared "
            "in accordance with [GRI Standards|IFRS S2|SASB standards|the requirements of the Astana International "
            "Exchange].",
            "{firm} received an ESG rating of [BBB|A|BB|A-|BBB+] from an international agency, an improvement on the "
            "previous assessment in {year_past}.",
            "{firm} now requires its suppliers in {region} to complete a questionnaire on [labour "
            "practices|environmental compliance|safety standards|anti-corruption measures] before signing contracts.",
            "Water recycling at the plant near {city} reached {pct}, reducing withdrawals from [the Irtysh|the "
            "Nura|the Ural|the Ili|local aquifers|the Syr Darya].",
            "About {pct} of the procurement spending of {firm} goes to suppliers registered in Kazakhstan, and "
            "{pct_small} to firms from {region}.",
            "The plant in {city2} replaced [electrostatic precipitators|bag filters|old furnaces|diesel haul trucks] "
            "at a cost of {money} to reduce dust emissions.",
            "Shareholders at the annual meeting of {firm} asked about its plans for {subject2} in {region}.",
            "Employees volunteered {m_hours} in community projects in {city} and {city2}.",
            "An ESG committee chaired by an independent director oversees [climate|social|governance] risks at {firm}.",
        ),
        "quotes": (
            "Sustainability is not a separate department; it must be part of every decision we make",
            "Our investors and customers ask for reliable data, so we treat our ESG report as seriously as our "
            "financial statements",
            "Zero harm is our main target; every worker must return home safely",
            "We will operate in {region} for decades to come, and the well-being of local communities is our "
            "responsibility",
            "Decarbonisation is a long road for a heavy industry company, but we have a clear plan for each stage",
            "Transparency is uncomfortable sometimes, but it is the only way to earn trust",
            "Gender balance in engineering will not happen by itself; we need scholarships, mentoring and flexible "
            "work",
            "Good governance is the foundation: without it, environmental and social goals remain words",
        ),
    },
)  # fmt: skip
TOPIC_WEIGHTS = [t["weight"] for t in TOPICS]
TOPICS_BY_NAME = {t["name"]: t for t in TOPICS}
# topic -> topics an article about it may also touch on
RELATED_TOPICS = {
    "education": ("science", "technology", "culture", "sport", "esg"),
    "energy": ("environment", "esg", "finance", "technology"),
    "environment": ("energy", "esg", "agriculture", "city", "education"),
    "agriculture": ("environment", "science", "finance"),
    "health": ("science", "sport", "city", "technology"),
    "transport": ("city", "international", "energy", "technology"),
    "finance": ("esg", "energy", "technology", "agriculture"),
    "technology": ("education", "science", "finance"),
    "culture": ("education", "international", "city"),
    "sport": ("health", "education", "city"),
    "science": ("education", "technology", "environment"),
    "city": ("transport", "environment", "culture"),
    "international": ("education", "energy", "transport", "finance"),
    "esg": ("finance", "energy", "environment", "education"),
}

# ---------------------------------------------------------------------------------------------------------
# Events: names, leads, details and headlines
# ---------------------------------------------------------------------------------------------------------

EVENTS = {
    "forum": {
        "weight": 3,
        "names": ("{city} Regional Forum on {Subject}", "International Forum on {Subject}",
                  "{Subject} Forum {year}", "Youth Forum on {Subject}", "Central Asian Forum on {Subject}"),
        "leads": (
            "On {event_date}, {city} hosted the {event_name}, organised by {org1} [together with|in partnership "
            "with|with the support of] {org2}.",
            "More than {ev_count} participants gathered in {city} on {event_date} for the {event_name}, which focused "
            "on {subject}.",
            "{org1} held the {event_name} in {city} on {event_date}, bringing together [officials, researchers and "
            "business leaders|experts from across Central Asia|students, teachers and employers|representatives of "
            "government, business and civil society].",
        ),
        "details": (
            "The programme of the forum included [panel discussions|plenary sessions|workshops|case presentations] on "
            "{subject2} and the role of {partner}.",
            "Around {num} speakers took part in [four|five|six|three] thematic sessions, and [the sessions were "
            "streamed online|a separate track was held for students|an exhibition of projects ran alongside the "
            "plenary].",
            "The forum in {city} ended with a resolution calling for closer cooperation on {subject} in {region}.",
        ),
        "headlines": (
            "{event_name} Brings Together {ev_count} Participants in {city}",
            "{city} Forum Discusses the Future of {subject}",
            "{h_org1} Convenes Regional Forum on {subject} in {city}",
        ),
    },
    "mou": {
        "weight": 3,
        "names": ("memorandum of understanding",),
        "leads": (
            "{org1} and {org2} signed a memorandum of understanding on {event_date} to cooperate on {subject}[ in "
            "{region}|].",
            "A memorandum of understanding between {org1} and {org2} was signed in {city} on {event_date}, [opening "
            "the way for|laying the groundwork for|formalising] joint work on {subject}.",
            "On {event_date} in {city}, {org1} [entered into|concluded] a cooperation agreement with {org2} covering "
            "{subject} and {subject2}.",
        ),
        "details": (
            "Under the memorandum, the parties will [exchange expertise|develop joint educational programmes|carry "
            "out joint research|share data|organise internships] and set up a working group of {num} experts [within "
            "three months|by the end of the year|in {month}].",
            "The document was signed by the heads of both organisations during a visit of a delegation from {partner} "
            "to {city}.",
            "The memorandum between {org1} and {partner} is valid for {num_word} years and can be extended by mutual "
            "agreement.",
        ),
        "headlines": (
            "{h_org1} and {h_org2} Sign Memorandum on {subject}",
            "{h_org1} Partners with {h_org2} to Advance {subject} in {region}",
            "{city}: {h_org1} and {h_org2} Agree to Cooperate on {subject}",
        ),
    },
    "grant": {
        "weight": 2,
        "names": ("grant programme",),
        "leads": (
            "{org1} has awarded grants totalling {ev_money} to {ev_num} projects in {subject}, the organisation "
            "announced on {event_date}.",
            "On {event_date}, {org1} announced the winners of its grant competition on {subject}: {ev_num} teams from "
            "{region} will share {ev_money}.",
            "A team from {org2} has won a grant of {ev_money} from {org1} to [develop|pilot|scale up|study] {subject} "
            "in {city}, it was announced on {event_date}.",
        ),
        "details": (
            "A total of {count} applications were submitted this year, [twice as many as|considerably more "
            "than|almost three times as many as] in the previous round.",
            "The {ev_num} grant recipients from {region} must [report on their progress every six months|complete "
            "their projects within two years|involve students in their work|co-finance at least {pct_small} of "
            "costs].",
            "The projects from {region} were selected by an independent jury of {num} [experts|scientists and "
            "practitioners|representatives of business and academia].",
        ),
        "headlines": (
            "{h_org1} Awards {ev_money} in Grants for {subject} Projects",
            "{ev_num} Teams from {region} Win {h_org1} Grants for {subject}",
            "{h_org2} Team Receives {h_org1} Grant to Work on {subject} in {city}",
        ),
    },
    "opening": {
        "weight": 2,
        "names": ("opening",),
        "leads": (
            "A new {facility} opened in {city} on {event_date}, built by {org1} [at a cost of|with an investment of] "
            "{ev_money}.",
            "{org1} [officially opened|commissioned|launched] a {facility} in {place} on {event_date}.",
            "On {event_date}, [officials and residents|guests and employees|local officials] attended the opening of "
            "a {facility} built by {org1} [on the outskirts of|in the centre of|near] {city}.",
        ),
        "details": (
            "The {facility} created {num} permanent jobs, most of them filled by residents of {region}.",
            "Construction of the {facility}, which employed up to {count} workers, started in {year_past} and was "
            "[completed on schedule|delayed by several months because of supply problems|completed ahead of "
            "schedule].",
            "Equipment for the {facility} was supplied by [companies from|a manufacturer in|partners in] "
            "{foreign_city}.",
        ),
        "headlines": (
            "New {facility} Opens in {city} with Investment from {h_org1}",
            "{h_org1} Commissions {facility} in {place}",
            "{city} Gets a New {facility} Built by {h_org1}",
        ),
    },
    "competition": {
        "weight": 2,
        "names": ("Republican Olympiad in {Subject}", "{coined} Hackathon", "{city} Challenge on {Subject}",
                  "National Student Competition in {Subject}", "{coined} Cup"),
        "leads": (
            "Teams from {ev_num} regions competed in the {event_name}, held at {org1} in {city} on {event_date}.",
            "A team from {org2} won the {event_name}, which concluded in {city} on {event_date}.",
            "On {event_date}, {org1} announced the results of the {event_name}, in which {ev_count} [students|young "
            "specialists|schoolchildren|entrepreneurs] took part.",
        ),
        "details": (
            "The {num} winners received [cash prizes|internships|grants|study tours to {foreign_city}] worth a total "
            "of {tenge_small}.",
            "Participants in {city} had [48 hours|three days|a week|two rounds] to [present solutions|build "
            "prototypes|defend their projects] on {subject}.",
            "The jury of the {event_name} included representatives of {partner} and [industry|academia|the "
            "akimat|international partners].",
        ),
        "headlines": (
            "{h_org2} Team Wins the {event_name} in {city}",
            "Students from {ev_num} Regions Compete in {event_name} in {city}",
            "{city} Hosts {event_name} with {ev_count} Participants",
        ),
    },
    "report": {
        "weight": 2,
        "names": ('"{Subject} in Kazakhstan: Trends and Challenges"', '"{Subject}: {year} Review"',
                  '"The State of {Subject} in {Region}"'),
        "leads": (
            "{org1} published a report on {subject} in {region} on {event_date}, [finding that|concluding "
            "that|warning that] [progress remains uneven|investment has grown but gaps persist|rural districts are "
            "lagging behind|the pace of change has accelerated].",
            "A new report by {org1}, {event_name}, presented in {city} on {event_date}, [examines|assesses|reviews] "
            "the state of {subject} across Kazakhstan.",
            "According to a study released by {org1} on {event_date}, {ev_pct} of [respondents|companies "
            "surveyed|households surveyed|municipalities] in {region} [consider|see] {subject} a priority.",
        ),
        "details": (
            "The study is based on [a survey of|interviews with|data from] {count} "
            "[households|companies|experts|respondents|schools] in {num} regions.",
            "The authors recommend [expanding state support|improving data collection|harmonising "
            "standards|increasing funding|training more specialists] for {subject} in {region}.",
            "The report was prepared with the participation of experts from {partner} and [will be updated "
            "annually|is available in three languages|was discussed with regional officials in {city}].",
        ),
        "headlines": (
            "{h_org1} Report Finds Uneven Progress on {subject} in {region}",
            "New Study by {h_org1} Examines {subject} Across Kazakhstan",
            "{ev_pct} of Respondents in {region} See {subject} as a Priority, {h_org1} Survey Shows",
        ),
    },
    "planting": {
        "weight": 1,
        "names": ('"Green {city}"', '"Taza Kazakhstan"', '"Zhasyl El"', '"A Tree for Every Graduate"',
                  '"One Million Trees"', '"{coined}"'),
        "leads": (
            "Volunteers from {org1} planted {ev_trees} [in|across] {city} on {event_date} as part of the {event_name} "
            "campaign.",
            "On {event_date}, {ev_count} [students|employees|volunteers|residents] joined a tree-planting "
            "[day|event|action] in {city} organised by {org1} under the {event_name} campaign.",
            "{org1} and {org2} launched a tree-planting campaign in {place} on {event_date}, aiming to plant "
            "{ev_trees} by {year_future}.",
        ),
        "details": (
            "[Birch|Elm|Pine|Ash|Maple|Poplar|Saxaul|Apple] seedlings for {city} were supplied by a [local "
            "nursery|forestry enterprise|state forest nursery] in {region}.",
            "{org1} said it would water and monitor the {ev_trees} in {city} for [two|three|five] years to ensure "
            "their survival.",
            "This year's campaign covers {num} sites in {region}, including [school "
            "grounds|parks|roadsides|riverbanks|industrial zones].",
        ),
        "headlines": (
            "Volunteers Plant {ev_trees} in {city} as Part of the {event_name} Campaign",
            "{h_org1} Launches Tree-Planting Campaign in {place}",
            "{ev_count} Volunteers Join Tree-Planting Day by {h_org1} in {city}",
        ),
    },
    "scholarship": {
        "weight": 1,
        "names": ("scholarship programme",),
        "leads": (
            "{org1} has launched a scholarship programme for {scholars} from {region}, it was announced on "
            "{event_date}.",
            "On {event_date}, {ev_num} {scholars} received scholarships from {org1} at a ceremony in {city}.",
            "{org1} and {org2} will fund {ev_num} scholarships a year for {scholars} studying {subject}, under an "
            "agreement announced on {event_date}.",
        ),
        "details": (
            "Each scholarship covers [tuition fees|tuition and accommodation|tuition, a monthly stipend and an "
            "internship] and is worth up to {tenge_small} a year.",
            "This year {count} candidates from {region} applied; recipients are selected on the basis of [academic "
            "results|an interview|an essay and an interview|entrance test scores and motivation letters].",
            "Scholarship holders commit to working in {region} for at least [two|three] years after graduation, and "
            "{pct} of former holders have stayed longer.",
        ),
        "headlines": (
            "{h_org1} Launches Scholarships for {scholars} from {region}",
            "{ev_num} {scholars} in {city} Receive {h_org1} Scholarships",
            "{h_org1} and {h_org2} Fund Scholarships in {subject}",
        ),
    },
    "conference": {
        "weight": 2,
        "names": ('International Scientific and Practical Conference "{Subject}: Challenges and Prospects"',
                  "{year} Central Asian Conference on {Subject}", 'conference "{Subject} for Sustainable Development"',
                  "International Conference on {Subject}"),
        "leads": (
            "The {event_name} opened at {org1} in {city} on {event_date}, with {ev_count} participants from {ev_num} "
            "countries.",
            "On {event_date}, {org1} hosted the {event_name}, [co-organised by|held jointly with|supported by] {org2}.",
            "Scholars and practitioners gathered at {org1} in {city} on {event_date} for the {event_name}.",
        ),
        "details": (
            "Papers by {count} authors presented at the conference in {city} will be published in a [collection of "
            "proceedings|special journal issue|volume indexed in international databases].",
            "The programme included {num} sections, including one devoted to {subject2} and chaired by experts from "
            "{partner}.",
            "Keynote speakers joined [online|in person] from {foreign_city} and {city2}.",
        ),
        "headlines": (
            "International Conference on {subject} Opens at {h_org1}",
            "{h_org1} Hosts Conference on {subject} with Guests from {ev_num} Countries",
            "Scholars Discuss {subject} at Conference in {city}",
        ),
    },
    "joint_project": {
        "weight": 3,
        "names": ('"{coined}"',),
        "leads": (
            "{org1} and {org2} launched a joint project on {subject} in {city} on {event_date}.",
            "A joint project called {event_name} was presented by {org1} and {org2} on {event_date}, with a budget of "
            "{ev_money}.",
            "On {event_date}, {org1} announced the start of the {event_name} project, a "
            "[two-year|three-year|pilot|multi-year] initiative with {org2} focused on {subject} in {region}.",
        ),
        "details": (
            "The project will run for {num_word} years in {region}[ and involve {count} participants|], with a budget "
            "of {money}.",
            "{org1} will provide [expertise|funding|equipment|training|premises] while {partner} will be responsible "
            "for [implementation|research|outreach|monitoring].",
            "The first results of the {event_name} project in {city} are due to be presented in {year_future}.",
        ),
        "headlines": (
            "{h_org1} and {h_org2} Launch Joint Project on {subject}",
            "{event_name} Project Starts in {city} with a Budget of {ev_money}",
            "{city}: New {h_org1} Project Aims to Improve {subject} in {region}",
        ),
    },
}  # fmt: skip
EVENT_KEYS = tuple(EVENTS)
GENERIC_HEADLINES = (
    "{h_org1} Announces New Initiative on {subject} in {region}",
    "{city} to Expand Work on {subject} with Support from {h_org1}",
    "{h_org1} Outlines Plans for {subject} in {city} Through {year_future}",
    "How {h_org1} Is Approaching {subject} in {region}",
    "{region}: {h_org1} Steps Up Efforts on {subject}",
)
FALLBACK_HEADLINE = "{city}: New Initiative on {subject} Announced"
SCHOLARS = (
    "students from rural areas", "school leavers", "master's students", "young women in engineering",
    "first-year students", "doctoral students", "gifted schoolchildren", "students from low-income families",
)  # fmt: skip

# ---------------------------------------------------------------------------------------------------------
# Generic sentences, quotes, closings and Cyrillic slogans
# ---------------------------------------------------------------------------------------------------------

GENERIC_SENTENCES = (
    "The initiative is part of a broader programme that {org} launched in {year_past}.",
    "Representatives of [local authorities|business associations|non-governmental organisations|international "
    "organisations|student councils] from {region} also took part in the discussion, alongside {count} "
    "[students|guests|viewers online].",
    "The total budget of the project is {money}, of which {pct} comes from [private investors|the national "
    "budget|international donors|the regional budget].",
    "{org} has been working in {region} since {year_past} and employs about {num_staff} people.",
    "According to the organisers, {count} people [attended|took part|registered], [including|among them] guests from "
    "{foreign_city}.",
    "The parties also discussed [joint research|staff exchanges|internships for students|co-financing of new "
    "projects|data sharing|training programmes] with {partner}.",
    "The event in {city} was organised with support from {partner}.",
    "Officials from {org} noted that demand for such programmes in {region} is growing every year.",
    "In {year_past}, a similar project in {city2} [reached|involved|benefited] {count} people.",
    "Funding comes from {partner}, which has supported projects in {region} since {year_past}.",
    "The agreement between {org} and {partner} runs for {num_word} years, with an option to extend it.",
    "Much remains to be done, [experts|participants|observers|analysts] warned, pointing to [a shortage of qualified "
    "staff|limited funding|bureaucratic obstacles|poor infrastructure|low public awareness] in {region}, where {pct} "
    "of [districts|enterprises|schools|municipalities] have yet to start.",
    "The discussion in {city} also touched on [the national ESG agenda|the UN Sustainable Development "
    "Goals|Kazakhstan's carbon neutrality goal for 2060|the role of youth|gender equality|digital transformation], a "
    "topic raised by representatives of {partner}.",
    "Kazakhstan has committed to reaching carbon neutrality by 2060, and {org} says its plans for {region} are "
    "designed to reflect that goal.",
    "Feedback collected from {count} participants will be used to adjust the programme in {city}.",
    "The cooperation builds on earlier joint work between {org} and {partner} on {subject2}.",
    "A presentation by {speaker} outlined the main results achieved [over the past year|since the launch|in the pilot "
    "phase].",
    "About {count} guests, including media representatives and bloggers from {city}, were invited to observe the "
    "[event|ceremony|launch|discussion].",
    "The project has received {money} in co-financing from {partner}.",
    "At the end of the [meeting|event|session|ceremony] in {city}, [the organisers|{org}] presented "
    "[certificates|diplomas|letters of appreciation|commemorative medals] to the [winners|participants|most active "
    "volunteers|partners].",
    "Earlier this year, {org} signed a similar agreement with [a university in|an investor from|a company based in|a "
    "foundation in] {foreign_city}.",
    "More information about the initiative is available on the website of {org}.",
    "According to {org}, the project is aligned with [the national development plan|the Concept for the Development "
    "of Higher Education|the Concept of Transition to a Green Economy|the regional development programme] until "
    "{year_future}.",
    "More than {pct} of the {count} participants were under thirty, [the organisers noted|according to a post-event "
    "survey].",
    "The organisers expect that about {count} people will benefit from the project in {region}.",
    "{speaker} stressed that the results would be shared with other regions of Kazakhstan.",
    "{speaker} reminded participants that {subject} requires long-term commitment from both the state and business.",
    "Interest in {subject} has grown markedly in {region} over the past [two|three|five] years, {org} said.",
    "[Students|Young professionals|Volunteers|Local entrepreneurs] from {city2} travelled to {city} to take part.",
    "{speaker} pointed out that {pct} of the planned activities in {region} had already been completed.",
    "Questions from the audience in {city} focused on [funding|timelines|jobs|the environmental impact|access for "
    "rural residents] and the involvement of {partner}.",
    "The organisers thanked {partner} for [its support|hosting the meeting|providing the venue|co-financing the "
    "event].",
    "Similar events were held in {city2} in {year_past} and drew {count} participants.",
    "Officials at {org} said that {subject2} would also be a priority for {region} in the coming years.",
    "The initiative has been covered by regional media in {region} and discussed on social networks, where a video "
    "about it gathered {num_big} views.",
    "{org} said the programme would be evaluated by independent experts in {year_future}.",
)  # fmt: skip
CLOSINGS = (
    "{org} plans to scale up the project to {num} more [districts|cities|schools|enterprises|villages] by "
    "{year_future}.",
    "A working group will prepare a detailed plan by the end of [the year|the quarter|{month}], {org} said.",
    "{org} and {partner} intend to apply jointly for funding from [international donors|the Science Fund|a state "
    "grant programme|development banks|the European Union] in {year_future}.",
    "Participants agreed to meet again in {month} [in {city2}|in {city}|online] to review progress, with {partner} "
    "preparing the agenda.",
    "The next stage, scheduled for {year_future}, will focus on {subject} in {region}.",
    "Applications for the next round will be accepted until {deadline}, {org} said.",
    "{org} said it would publish the results [on its website|in an open report|at the next meeting] in {month}.",
    "The organisers hope to turn the event into an annual tradition in {city}, with {partner} as a permanent "
    "co-organiser.",
    "Similar initiatives are planned in {city2} and [several other|two other|three other] regions by {year_future}, "
    "according to {org}.",
    "The first results from {city} are expected [by the end of the year|next spring|within eighteen months|in "
    "{year_future}], {org} said.",
    "{speaker} said the next meeting with {partner} would take place in {month}.",
)  # fmt: skip
QUOTE_FRAMES = (
    '"{quote}," {attrib}.',
    '"{quote}," {attrib}, adding that [the next steps|details of the next phase|the timetable] would be announced '
    "[soon|in {month}|after consultations with {partner}].",
    "{speaker} [noted|stressed|emphasised] that the [project|initiative|programme] was [important|significant|timely] "
    'for {region}. "{quote}," {pronoun} added.',
    'Speaking at the [event|ceremony|forum|meeting] in {city}, {speaker} said: "{quote}."',
    "[In an interview|At a press briefing|In a statement|Speaking to journalists] after the [event|meeting|ceremony], "
    '{speaker} said: "{quote}."',
    '{speaker} put it this way: "{quote}."',
    '"{quote}," {attrib}, [commenting|speaking] on the [results|plans|agreement].',
    'Asked about the [plans|next steps|budget|timeline], {speaker} replied: "{quote}."',
    '{speaker} [told|reminded] the audience: "{quote}."',
    '"{quote}." That is how {speaker} summed up the [discussion|meeting|first year of work].',
    'For {speaker} the [initiative|project|agreement] has a practical meaning. "{quote}," {pronoun} said.',
)
FOLLOWUPS = (
    '"{quote}," {pronoun} added.',
    '"{quote}," {again} [continued|said|noted].',
    "{Pronoun} also said that [the team|the organisers|colleagues] had learned a lot [during the preparation|from the "
    "pilot phase|from partners in {foreign_city}|from working with {partner}] over the past {num_word} months.",
    "According to {again}, [the next phase|the expansion|the second stage] will require about {money}.",
)
GENERIC_QUOTES = (
    "This is only the first step, and we are ready to expand cooperation with {partner}",
    "We are grateful to all our partners who made this possible",
    "Young people are the main driving force of change in {city}",
    "We want the results to be visible to every resident of {region}",
    "It is important that science, business and the state work together",
    "The interest exceeded our expectations: we received far more applications than we had places",
    "We have a clear plan for the next {num_word} years",
    "Our experience can be useful for other regions of Kazakhstan and for our neighbours in Central Asia",
    "We do not want this to be a one-time event; it must become a tradition",
    "Sustainable development is not a slogan for us; it is a daily practice",
    "People in {region} should feel the changes in their everyday lives",
    "Without reliable data, it is impossible to make good decisions",
    "Partnerships like this one show what can be achieved when everyone shares the same goal",
    "We are open to new partners, both in Kazakhstan and abroad",
    "The results of the pilot phase convinced us that the approach works",
    "We started small, but the response from {city} showed that we were on the right track",
    "Our task now is to make sure the results last beyond the end of the project",
    "Cooperation with {partner} allows us to do things that none of us could do alone",
    "Every region has its own strengths, and {region} has shown what it can do",
    "We counted every tenge, and we will report on every tenge",
    "The most important result is not the numbers but the people who took part",
    "I am proud of the team; they worked evenings and weekends to make this happen",
    "We want to hear criticism too, because that is how we improve",
    "We hope other organisations will join us next year",
    "The next {num_word} years will be decisive",
)
# endings sometimes added to a quotation, so that the same quotation reads differently in different articles
QUOTE_TAILS = (
    ", and {region} is no exception",
    ", and we see it every day in {city}",
    ", and that is exactly what we discussed with {partner}",
    " — this is the main lesson of the past {num_word} years",
    ", and {year_future} will be the real test",
    ", and our colleagues in {foreign_city} tell us the same",
    ", and we intend to prove it in {city2}",
    ", as the {count} participants here today can confirm",
    ", and the figures for {year_past} confirm it",
    ", and this is why we work with {partner}",
)
QUOTE_TAIL_RATE = 0.4
CYRILLIC_SLOGANS = (
    ("Таза Қазақстан", "Clean Kazakhstan"),
    ("Бірге — біз күштіміз", "Together we are strong"),
    ("Зелёный город начинается с тебя", "A green city starts with you"),
    ("Білім — болашақтың кілті", "Knowledge is the key to the future"),
    ("Сақта табиғатты", "Protect nature"),
    ("Чистый двор — чистая совесть", "A clean yard is a clear conscience"),
    ("Жасыл ел", "Green country"),
    ("Береги воду", "Save water"),
    ("Спорт — это жизнь", "Sport is life"),
    ("Туған жерге тағзым", "Respect for the native land"),
    ("Наука для будущего", "Science for the future"),
    ("Әр ағаш — бір өмір", "Every tree is a life"),
    ("Денсаулық — зор байлық", "Health is great wealth"),
    ("Вместе мы сделаем больше", "Together we will do more"),
)
CYRILLIC_FRAMES = (
    'Participants in {city} carried banners reading «{cyr}» ("{en}").',
    'The campaign in {region} runs under the slogan «{cyr}», which translates as "{en}".',
    'The event in {city} closed with the words «{cyr}» ("{en}"), repeated by {count} participants.',
    'Posters across {city} displayed the motto «{cyr}» — "{en}" in English.',
    'Volunteers from {city2} wore T-shirts printed with «{cyr}» ("{en}").',
)


# ---------------------------------------------------------------------------------------------------------
# Small text helpers
# ---------------------------------------------------------------------------------------------------------


def _choose_alternatives(text: str, rng: random.Random) -> str:
    """Replace every "[a|b|c]" group with one of its alternatives (groups do not nest)."""
    parts = []
    pos = 0
    while (start := text.find("[", pos)) >= 0:
        end = text.find("]", start)
        parts.append(text[pos:start])
        parts.append(rng.choice(text[start + 1 : end].split("|")))
        pos = end + 1
    parts.append(text[pos:])
    return "".join(parts)


def _vowel_sound(word: str) -> bool:
    """Whether "an" rather than "a" goes before word (a good-enough heuristic for this vocabulary)."""
    word = word.lstrip("\"'«(")
    if not word:
        return False
    if len(word) > 1 and word.isupper():
        return word[0] in "AEFHILMNORSX"
    lower = word.lower()
    if lower.startswith(("uni", "use", "usu", "eu", "one", "ura")):
        return False
    return lower[0] in "aeiou" or lower.startswith(("hour", "honest", "8"))


def _fix_articles(text: str) -> str:
    """Make "a"/"an" agree with the following word."""
    words = text.split(" ")
    for i in range(len(words) - 1):
        word = words[i]
        if word in ("a", "A", "an", "An"):
            base = word[0]
            words[i] = base + "n" if _vowel_sound(words[i + 1]) else base
    return " ".join(words)


def _capitalise_first(text: str) -> str:
    """Upper-case the first letter, skipping leading quotation marks."""
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


def _title_case(text: str) -> str:
    """Headline case: capitalise every word but short function words (and keep acronyms as they are)."""
    words = text.split()
    out = []
    for i, word in enumerate(words):
        if i > 0 and word in SMALL_WORDS and not out[-1].endswith(":"):
            out.append(word)
        else:
            out.append("-".join(_capitalise_first(part) for part in word.split("-")))
    return " ".join(out)


def _round_figure(n: int, rng: random.Random) -> int:
    """Round larger numbers to two or three significant digits most of the time, as reporters do."""
    if n < 100 or rng.random() < 0.3:
        return n
    digits = len(str(n)) - rng.choice((2, 3))
    return max(1, round(n, -digits))


def _trim_decimal(x: float, places: int) -> str:
    """Format x with up to `places` decimals, dropping trailing zeros."""
    text = f"{x:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _format_date(d: datetime.date, year: bool = True) -> str:
    """`19 February 2026` (or `19 February`)."""
    text = f"{d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def _acronym(name: str) -> str:
    """Initials of a name's significant words, e.g. "Karaganda State Technical University" -> "KSTU"."""
    if any(ch.isdigit() for ch in name) or '"' in name:
        return ""
    words = [w for w in name.replace("–", " ").split() if w not in SMALL_WORDS and w[0].isalpha()]
    return "".join(w[0].upper() for w in words) if len(words) >= 3 else ""


def _coined(rng: random.Random) -> str:
    """A coined brand or project name such as "SmartSteppe"."""
    prefix = rng.choice(COINED_PREFIXES)
    suffix = rng.choice([s for s in COINED_SUFFIXES if s != prefix])
    return prefix + suffix


# ---------------------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------------------


def _tenge(rng: random.Random) -> str:
    """A project-sized amount in tenge."""
    if rng.random() < 0.55:
        return f"{_round_figure(rng.randint(12, 950), rng)} million tenge"
    return f"{_trim_decimal(rng.uniform(1, 60), 1)} billion tenge"


def _tenge_small(rng: random.Random) -> str:
    """A personal-sized amount in tenge (a prize, a scholarship, an allowance)."""
    n = rng.randrange(100_000, 5_000_000, 50_000)
    return f"{n:,} tenge" if n < 1_000_000 else f"{_trim_decimal(n / 1e6, 2)} million tenge"


def _usd(rng: random.Random) -> str:
    """An amount in US dollars, up to about a hundred million."""
    x = rng.uniform(0.2, 95)
    return f"${round(x * 1000):,},000" if x < 1 else f"${_trim_decimal(x, 1)} million"


def _usd_big(rng: random.Random) -> str:
    """An amount in billions of US dollars."""
    return f"${_trim_decimal(rng.uniform(0.3, 30), 1)} billion"


# slot -> function(rng) for figures that do not depend on the article
FIGURES = {
    "tenge": _tenge,
    "tenge_small": _tenge_small,
    "usd": _usd,
    "usd_big": _usd_big,
    "count": lambda rng: f"{_round_figure(rng.randint(20, 2500), rng):,}",
    "num": lambda rng: str(rng.randint(2, 40)),
    "num_big": lambda rng: f"{_round_figure(rng.randint(1000, 250_000), rng):,}",
    "num_staff": lambda rng: f"{_round_figure(rng.randint(30, 9000), rng):,}",
    "num_word": lambda rng: rng.choice(NUMBER_WORDS),
    "decimal": lambda rng: _trim_decimal(rng.uniform(1.2, 48), 1),
    "decimal_small": lambda rng: f"{rng.uniform(0.1, 2.9):.2f}",
    "month": lambda rng: rng.choice(MONTHS),
    "scholars": lambda rng: rng.choice(SCHOLARS),
}


# ---------------------------------------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------------------------------------


class _Org:
    """An organisation: its name, what later mentions call it and whether it has been introduced."""

    def __init__(self, name: str, kind: str, noun: str, the: bool, values: dict[str, str]) -> None:
        self.name = name
        self.kind = kind
        self.noun = noun
        self.prefix = "the " if the else ""
        self.values = values  # city, field, area... used to fill role templates
        self.acronym = ""
        self.introduced = False

    def headline_name(self) -> str:
        """The short form for headlines: the acronym for long names, else the name without "the"."""
        if self.acronym and len(self.name.split()) >= 4:
            return self.acronym
        return self.name


class _Person:
    """A person with a role, optionally at one of the article's organisations."""

    def __init__(self, name: str, last: str, female: bool, role: str, prep: str | None, org: _Org | None) -> None:
        self.name = name
        self.last = last
        self.female = female
        self.role = role
        self.prep = prep
        self.org = org
        self.introduced = False


def _make_org(rng: random.Random, kind: str, topic: dict, places: list[tuple]) -> _Org:
    """Generate an organisation of the given kind, named from the topic's fields, sectors and areas."""
    pattern, noun, the = rng.choice(ORG_PATTERNS[kind])
    city, region = rng.choice(places[:2])[:2]
    foreign_city, _, nationality = rng.choice(FOREIGN_CITIES)
    bank_words = [rng.choice(ADJECTIVES).split()[0], *rng.sample(BANK_WORDS, rng.randint(1, 2))]
    values = {
        "city": city, "ocity": city, "Region": _title_case(region), "field": rng.choice(topic["fields"]),
        "area": rng.choice(topic["areas"]), "sector": rng.choice(topic["sectors"]), "adj": rng.choice(ADJECTIVES),
        "hist": rng.choice(HISTORIC_NAMES), "nat": nationality, "foreign": foreign_city,
        "n": str(rng.randint(2, 120)), "legal": rng.choice(LEGAL_FORMS), "coined": _coined(rng),
        "sport": rng.choice(SPORTS), "bank": "".join(w[0] for w in bank_words) + rng.choice(("", "", "K")),
    }  # fmt: skip
    org = _Org(pattern.format(**values), kind, noun, the, values)
    if kind not in NO_ACRONYM_KINDS and rng.random() < 0.6:
        org.acronym = _acronym(org.name)
    return org


def _make_name(rng: random.Random, origin: str, female: bool, senior: bool) -> tuple[str, str]:
    """A (full name, surname) pair for a person of the given origin, transliterated into Latin letters."""
    if origin == "kazakh":
        first = rng.choice(KAZAKH_FEMALE if female else KAZAKH_MALE)
        father = rng.choice([n for n in KAZAKH_MALE if n[-1] not in "aeiouy"])
        if rng.random() < 0.15:
            last = father + ("kyzy" if female else "uly")
            return f"{first} {last}", last
        last = rng.choice(KAZAKH_SURNAMES) + ("a" if female else "")
        patronymic = father + ("ovna" if female else "ovich")
    elif origin == "russian":
        first = rng.choice(RUSSIAN_FEMALE if female else RUSSIAN_MALE)
        last = rng.choice(RUSSIAN_SURNAMES) + ("a" if female else "")
        patronymic = rng.choice(RUSSIAN_PATRONYMICS) + ("na" if female else "ich")
    else:
        first, last = _foreign_name(rng, origin, female)
        patronymic = ""
    if patronymic and senior and rng.random() < 0.3:
        return f"{first} {patronymic} {last}", last
    return f"{first} {last}", last


def _foreign_name(rng: random.Random, origin: str, female: bool) -> tuple[str, str]:
    """First name and surname for origins without patronymics."""
    if origin == "other":
        pool = KAZAKH_FEMALE + RUSSIAN_FEMALE if female else KAZAKH_MALE + RUSSIAN_MALE
        return rng.choice(pool), rng.choice(OTHER_SURNAMES)
    if origin == "central":
        first = rng.choice(CENTRAL_ASIAN_FEMALE if female else CENTRAL_ASIAN_MALE)
        return first, rng.choice(CENTRAL_ASIAN_SURNAMES) + ("a" if female else "")
    first = rng.choice(INTERNATIONAL_FEMALE if female else INTERNATIONAL_MALE)
    return first, rng.choice(INTERNATIONAL_SURNAMES)


def _make_role(rng: random.Random, org: _Org | None, topic: dict, context: dict[str, str]) -> tuple[str, str | None]:
    """A (role, preposition) pair; for people without an organisation the role says who they are."""
    if org is None:
        pool = INDEPENDENT_ROLES + topic["locals"] + (FOREIGN_ROLES if rng.random() < 0.2 else ())
        return rng.choice(pool).format(**context), None
    role, prep = rng.choice(ROLES[org.kind])
    values = {
        **org.values, "field_l": org.values["field"].lower(), "dept": topic["dept"],
        "dept2": rng.choice(DEPARTMENTS),
    }  # fmt: skip
    return role.format(**values), prep


def _make_person(rng: random.Random, org: _Org | None, topic: dict, context: dict[str, str]) -> _Person:
    """Generate a person: role first, then a name whose origin fits the organisation."""
    role, prep = _make_role(rng, org, topic, context)
    foreign_role = role.startswith(("Ambassador", "Consul", "an expert from", "a visiting"))
    column = 1 if foreign_role or (org is not None and org.kind == "international") else 0
    origins = list(ORIGIN_WEIGHTS)
    origin = rng.choices(origins, [ORIGIN_WEIGHTS[o][column] for o in origins])[0]
    if foreign_role and origin in ("kazakh", "russian", "other"):
        origin = "intl"
    female = rng.random() < 0.48
    senior = not role.startswith("a")
    name, last = _make_name(rng, origin, female, senior)
    return _Person(name, last, female, role, prep, org)


class _Deck:
    """Draws items in a shuffled order without repeats; `draw` reshuffles when exhausted, `take` does not."""

    def __init__(self, rng: random.Random, items: tuple) -> None:
        self.rng = rng
        self.items = items
        self.pending: list = []
        self.started = False

    def draw(self):
        """The next item, starting a new shuffled round when all have been drawn."""
        if not self.pending:
            self.pending = list(self.items)
            self.rng.shuffle(self.pending)
        return self.pending.pop()

    def take(self):
        """The next item, or None once every item has been drawn (there is no second round)."""
        if not self.started:
            self.started = True
            self.pending = list(self.items)
            self.rng.shuffle(self.pending)
        return self.pending.pop() if self.pending else None


class _Slots:
    """The mapping `str.format_map` reads: every lookup asks the article to fill one slot."""

    def __init__(self, article: _Article, topic: dict) -> None:
        self.article = article
        self.topic = topic

    def __getitem__(self, key: str) -> str:
        return self.article.slot(key, self.topic)


# ---------------------------------------------------------------------------------------------------------
# The article
# ---------------------------------------------------------------------------------------------------------


class _Article:
    """One generated article; every random choice comes from its own Random seeded with (seed, index)."""

    def __init__(self, seed: int, index: int) -> None:
        self.rng = random.Random(f"newsgen:{seed}:{index}")
        self.stem = f"gen_{index:05d}_{self.rng.getrandbits(32):08x}"
        self.decks: dict[str, _Deck] = {}
        self.last_person: _Person | None = None
        self.last_org: _Org | None = None
        self._init_setting()
        self._init_event()
        self._init_orgs()
        self._init_people()
        self._init_fixed()

    # -- construction ------------------------------------------------------------------------------------

    def _init_setting(self) -> None:
        """Date, topics, places, house style and target length."""
        rng = self.rng
        self.date = START_DATE + datetime.timedelta(days=rng.randint(0, (END_DATE - START_DATE).days))
        self.topic = rng.choices(TOPICS, TOPIC_WEIGHTS)[0]
        related = RELATED_TOPICS[self.topic["name"]]
        self.second = TOPICS_BY_NAME[rng.choice(related)] if rng.random() < 0.6 else None
        main = rng.choices(KZ_CITIES, CITY_WEIGHTS)[0]
        self.places = [main, *rng.sample([c for c in KZ_CITIES if c is not main], 2)]
        self.foreign = rng.sample(FOREIGN_CITIES, 2)
        self.currency_usd = rng.random() < 0.25
        self.pct_sign = rng.random() < 0.5
        target = round(rng.lognormvariate(LOG_MEDIAN_WORDS, LOG_SIGMA))
        self.target = min(max(target, MIN_BODY_WORDS), MAX_TARGET_WORDS)
        self.cyrillic = rng.random() < CYRILLIC_RATE
        self.per_topic = {}
        self.extra = [self.second] if self.second is not None else []  # other topics the article touches on
        for topic in (self.topic, *self.extra):
            self._topic_fixed(topic)

    def _init_event(self) -> None:
        """The event the article reports, its lead sentence and the headline templates to try."""
        rng = self.rng
        weights = [EVENTS[k]["weight"] + (4 if k in self.topic["events"] else 0) for k in EVENT_KEYS]
        self.event = EVENTS[rng.choices(EVENT_KEYS, weights)[0]]
        self.lead = rng.choice(self.event["leads"])
        headlines = list(self.event["headlines"])
        rng.shuffle(headlines)
        generic = list(GENERIC_HEADLINES)
        rng.shuffle(generic)
        self.headlines = headlines + generic if rng.random() < 0.75 else generic + headlines

    def _init_orgs(self) -> None:
        """One to four distinct organisations; two at least when the lead or first headline needs them."""
        rng = self.rng
        n = rng.choices((1, 2, 3, 4), (3, 4, 3, 1))[0]
        if "{org2}" in self.lead or "{h_org2}" in self.headlines[0]:
            n = max(n, 2)
        self.orgs: list[_Org] = []
        while len(self.orgs) < n:
            topic = self.topic if not self.orgs or self.second is None or rng.random() < 0.7 else self.second
            kinds = topic["org_kinds"]
            org = _make_org(rng, rng.choices(list(kinds), list(kinds.values()))[0], topic, self.places)
            if all(org.name != o.name for o in self.orgs):
                self.orgs.append(org)

    def _init_people(self) -> None:
        """One to four people, mostly attached to the article's organisations."""
        rng = self.rng
        n = rng.choices((1, 2, 3, 4), (3, 4, 3, 1))[0]
        if self.target > 700:
            n = max(n, 2)
        context = {"city": self.places[0][0], "region": self.places[0][1], "city2": self.places[1][0],
                   "country": self.foreign[0][1], "foreign_city": self.foreign[0][0]}  # fmt: skip
        self.people: list[_Person] = []
        for j in range(n):
            if j < len(self.orgs) and (j == 0 or rng.random() < 0.8):
                org: _Org | None = self.orgs[j]
            else:
                org = None if rng.random() < 0.35 else rng.choice(self.orgs)
            person = _make_person(rng, org, self.topic, context)
            if all(person.last != p.last for p in self.people):
                self.people.append(person)

    def _init_fixed(self) -> None:
        """Values that must stay the same wherever they appear: the event's name, date and key figures."""
        rng = self.rng
        city, region, population, _ = self.places[0]
        subject = self.per_topic[self.topic["name"]]["subject"]
        name_values = {
            "city": city, "Region": _title_case(region), "Subject": _title_case(subject.removeprefix("the ")),
            "year": str(self.date.year), "coined": _coined(rng),
        }  # fmt: skip
        event_day = self.date - datetime.timedelta(days=rng.randint(0, 3))
        self.fixed = {
            "city": city, "region": region, "year": str(self.date.year),
            "population": self._population(population),
            "event_name": rng.choice(self.event["names"]).format(**name_values),
            "event_date": _format_date(event_day, year=event_day.year != self.date.year),
            "ev_count": f"{_round_figure(rng.randint(40, 3000), rng):,}", "ev_num": str(rng.randint(3, 30)),
            "ev_money": self._money(), "ev_pct": self._pct(rng.randint(35, 85)),
            "ev_trees": f"{_round_figure(rng.randint(300, 100_000), rng):,} {rng.choice(('trees', 'seedlings'))}",
            "h_org1": self.orgs[0].headline_name(),
            "h_org2": self.orgs[1].headline_name() if len(self.orgs) > 1 else "",
        }  # fmt: skip
        self.fixed["cyr"], self.fixed["en"] = rng.choice(CYRILLIC_SLOGANS)

    # -- slots --------------------------------------------------------------------------------------------

    def fill(self, template: str, topic: dict | None = None) -> str:
        """Fill one template with this article's entities, places, vocabulary and figures."""
        text = _choose_alternatives(template, self.rng)
        text = text.format_map(_Slots(self, topic or self.topic))
        text = " ".join(text.split()).replace(" ,", ",").replace(" .", ".")
        return _capitalise_first(_fix_articles(text))

    def slot(self, key: str, topic: dict) -> str:
        """The text for one "{key}" in a template about `topic`."""
        if key in self.fixed:
            return self.fixed[key]
        if key in FIGURES:
            return FIGURES[key](self.rng)
        if key.startswith("m_"):
            lo, hi, unit = topic["measures"][key[2:]]
            return f"{_round_figure(self.rng.randint(lo, hi), self.rng):,} {unit}"
        handler = getattr(self, f"_slot_{key.lower()}")
        text = handler(topic)
        return text[:1].upper() + text[1:] if key[0].isupper() else text

    def _slot_subject(self, topic: dict) -> str:
        return self._topic_fixed(topic)["subject"]

    def _slot_facility(self, topic: dict) -> str:
        return self._topic_fixed(topic)["facility"]

    def _topic_fixed(self, topic: dict) -> dict[str, str]:
        """A topic's subject and facility, chosen once per article so repeated mentions agree."""
        name = topic["name"]
        if name not in self.per_topic:
            self.per_topic[name] = {"subject": self.rng.choice(topic["subjects"]),
                                    "facility": self.rng.choice(topic["facilities"])}  # fmt: skip
        return self.per_topic[name]

    def _slot_subject2(self, topic: dict) -> str:
        main = self._topic_fixed(topic)["subject"]
        return self.rng.choice([s for s in topic["subjects"] if s != main])

    def _slot_group(self, topic: dict) -> str:
        return self.rng.choice(topic["groups"])

    def _slot_item(self, topic: dict) -> str:
        return self.rng.choice(topic["items"])

    def _slot_field_l(self, topic: dict) -> str:
        return self.rng.choice(topic["fields"]).lower()

    def _slot_city2(self, topic: dict) -> str:
        return self.rng.choice(self.places[1:])[0]

    def _slot_place(self, topic: dict) -> str:
        return self.places[0][0] if self.rng.random() < 0.6 else f"{self.places[0][1]}"

    def _slot_foreign_city(self, topic: dict) -> str:
        return self.rng.choice(self.foreign)[0]

    def _slot_country(self, topic: dict) -> str:
        return self.foreign[0][1]

    def _slot_year_past(self, topic: dict) -> str:
        return str(self.date.year - self.rng.randint(1, 8))

    def _slot_year_future(self, topic: dict) -> str:
        if self.rng.random() < 0.2:
            return self.rng.choice(("2030", "2035"))
        return str(self.date.year + self.rng.randint(1, 6))

    def _slot_deadline(self, topic: dict) -> str:
        return _format_date(self.date + datetime.timedelta(days=self.rng.randint(10, 75)), year=False)

    def _slot_money(self, topic: dict) -> str:
        return self._money()

    def _slot_pct(self, topic: dict) -> str:
        return self._pct(self.rng.randint(3, 95))

    def _slot_pct_small(self, topic: dict) -> str:
        return self._pct(self.rng.randint(1, 15))

    def _slot_rate(self, topic: dict) -> str:
        return self._pct(_trim_decimal(self.rng.randrange(300, 1700, 25) / 100, 2))

    def _money(self) -> str:
        """An amount in the article's preferred currency."""
        return _usd(self.rng) if self.currency_usd else _tenge(self.rng)

    def _pct(self, value: object) -> str:
        """A percentage in the article's house style ("12%" or "12 percent")."""
        return f"{value}%" if self.pct_sign else f"{value} percent"

    @staticmethod
    def _population(n: int) -> str:
        """`about 1.4 million` or `around 360,000`."""
        if n >= 1_000_000:
            return f"about {_trim_decimal(n / 1e6, 1)} million"
        return f"around {n:,}"

    # -- entity mentions ------------------------------------------------------------------------------------

    def mention_org(self, org: _Org) -> str:
        """Full name (with acronym) the first time; later the name, the acronym or "the <noun>"."""
        self.last_org = org
        if not org.introduced:
            org.introduced = True
            suffix = f" ({org.acronym})" if org.acronym else ""
            return f"{org.prefix}{org.name}{suffix}"
        r = self.rng.random()
        if org.acronym and r < 0.4:
            return org.acronym
        if r > 0.85 and sum(o.noun == org.noun for o in self.orgs) == 1:
            return f"the {org.noun}"
        return org.prefix + org.name

    def _slot_org1(self, topic: dict) -> str:
        return self.mention_org(self.orgs[0])

    def _slot_org2(self, topic: dict) -> str:
        return self.mention_org(self.orgs[1]) if len(self.orgs) > 1 else self._slot_partner(topic)

    def _slot_org(self, topic: dict) -> str:
        return self.mention_org(self.rng.choice(self.orgs))

    def _slot_firm(self, topic: dict) -> str:
        """A company or bank of the article, created (and added to the article) if there is none."""
        firms = [o for o in self.orgs if o.kind in ("company", "bank")]
        if not firms:
            firms = [_make_org(self.rng, "company", topic, self.places)]
            self.orgs.append(firms[0])
        return self.mention_org(self.rng.choice(firms))

    def _slot_partner(self, topic: dict) -> str:
        """Another organisation than the one just mentioned, or a generic phrase if there is none."""
        others = [o for o in self.orgs if o is not self.last_org]
        if others and self.rng.random() < 0.85:
            return self.mention_org(self.rng.choice(others))
        return self.rng.choice(("local partners", "international partners", "partner organisations",
                                "the regional authorities", "business partners"))  # fmt: skip

    def _pick_speaker(self) -> _Person:
        """The next person to quote: someone not yet introduced if possible, else not the last speaker."""
        fresh = [p for p in self.people if not p.introduced]
        if fresh:
            person = fresh[0]
        else:
            others = [p for p in self.people if p is not self.last_person] or self.people
            person = self.rng.choice(others)
        self.last_person = person
        return person

    def _intro(self, person: _Person) -> str:
        """`Name, role of Organisation` on first mention."""
        person.introduced = True
        if person.org is None or person.prep is None:
            return f"{person.name}, {person.role}"
        return f"{person.name}, {person.role} {person.prep} {self.mention_org(person.org)}"

    def _slot_speaker(self, topic: dict) -> str:
        """A person as the subject of a sentence: `Name, role of X,` or just the surname."""
        person = self._pick_speaker()
        if person.introduced:
            return person.last
        return self._intro(person) + ","

    def _slot_attrib(self, topic: dict) -> str:
        """Attribution after a quote: `said Name, role of X` or `Surname said`."""
        person = self._pick_speaker()
        if not person.introduced:
            return "said " + self._intro(person)
        return self.rng.choice(("said {}", "{} said", "{} noted", "{} explained")).format(person.last)

    def _slot_again(self, topic: dict) -> str:
        person = self.last_person or self._pick_speaker()
        return person.last if person.introduced else self._intro(person)

    def _slot_pronoun(self, topic: dict) -> str:
        person = self.last_person or self._pick_speaker()
        return "she" if person.female else "he"

    def _slot_quote(self, topic: dict) -> str:
        """A quotation, usually on the topic, filled like any other template."""
        template = None
        if self.rng.random() < 0.7:
            template = self._deck("quotes:" + topic["name"], topic["quotes"]).take()
        if template is None:
            template = self._deck("quotes", GENERIC_QUOTES).take()
        if template is None:  # every quotation has been used (very long articles only): repeat one
            template = self.rng.choice(topic["quotes"] + GENERIC_QUOTES)
        if self.rng.random() < QUOTE_TAIL_RATE:
            template += self._deck("tails", QUOTE_TAILS).draw()
        return _choose_alternatives(template, self.rng).format_map(_Slots(self, topic))

    # -- paragraphs -----------------------------------------------------------------------------------------

    def _deck(self, key: str, items: tuple) -> _Deck:
        """The article's deck for a pool of templates (created on first use)."""
        if key not in self.decks:
            self.decks[key] = _Deck(self.rng, items)
        return self.decks[key]

    def _body_sentence(self) -> str:
        """One sentence from the main topic, a related topic or the generic pool; no template is used twice."""
        r = self.rng.random()
        if self.extra and r < 0.15:
            order = [self.extra[0], self.topic, *self.extra[1:], None]
        elif r < 0.72:
            order = [self.topic, *self.extra, None]
        else:
            order = [None, self.topic, *self.extra]
        for topic in order:
            if topic is None:
                template = self._deck("generic", GENERIC_SENTENCES).take()
            else:
                template = self._deck("topic:" + topic["name"], topic["sentences"]).take()
            if template is not None:
                return self.fill(template, topic)
        self.extra.append(self._another_topic())
        return self._body_sentence()

    def _another_topic(self) -> dict:
        """A topic the article has not used yet, preferably one related to its main topic."""
        used = [self.topic, *self.extra]
        related = [TOPICS_BY_NAME[n] for n in RELATED_TOPICS[self.topic["name"]]]
        candidates = [t for t in related if t not in used] or [t for t in TOPICS if t not in used]
        return self.rng.choice(candidates)

    def _lead_paragraph(self) -> str:
        """The event's lead sentence followed by up to two details."""
        sentences = [self.fill(self.lead)]
        details = self._deck("details", self.event["details"])
        for _ in range(self.rng.choice((0, 1, 1, 2))):
            sentences.append(self.fill(details.draw()))
        return " ".join(sentences)

    def _quote_paragraph(self) -> str:
        """A quotation with attribution, sometimes with context before it or a follow-up after it."""
        rng = self.rng
        sentences = [self._body_sentence()] if rng.random() < 0.25 else []
        sentences.append(self.fill(self._deck("frames", QUOTE_FRAMES).draw()))
        if rng.random() < 0.4:
            sentences.append(self.fill(self._deck("followups", FOLLOWUPS).draw()))
        return " ".join(sentences)

    def _text_paragraph(self) -> str:
        """One to five sentences of facts, background and figures."""
        size = self.rng.choices((1, 2, 3, 4, 5), (2, 4, 4, 3, 1))[0]
        return " ".join(self._body_sentence() for _ in range(size))

    def _closing_paragraph(self) -> str:
        """Next steps: one or two sentences."""
        deck = self._deck("closings", CLOSINGS)
        return " ".join(self.fill(deck.draw()) for _ in range(self.rng.choice((1, 1, 2))))

    def _add_cyrillic(self, paragraphs: list[str]) -> None:
        """Append a sentence quoting a Kazakh or Russian slogan to one of the paragraphs."""
        sentence = self.fill(self.rng.choice(CYRILLIC_FRAMES))
        k = self.rng.randrange(len(paragraphs))
        paragraphs[k] += " " + sentence

    def headline(self) -> str:
        """The first headline template that fits in 6-16 words."""
        for template in self.headlines:
            if "{h_org2}" in template and len(self.orgs) < 2:
                continue
            text = _title_case(self.fill(template))
            if 6 <= len(text.split()) <= 16:
                return text
        return _title_case(self.fill(FALLBACK_HEADLINE))

    def body(self) -> str:
        """Lead, then quote and text paragraphs until the target length, then the closing paragraph."""
        paragraphs = [self._lead_paragraph()]
        words = len(paragraphs[0].split())
        while words + CLOSING_WORDS < self.target or len(paragraphs) < 2:
            quote = bool(self.people) and self.rng.random() < 0.32
            paragraphs.append(self._quote_paragraph() if quote else self._text_paragraph())
            words += len(paragraphs[-1].split())
        if self.cyrillic:
            self._add_cyrillic(paragraphs)
        paragraphs.append(self._closing_paragraph())
        words += len(paragraphs[-1].split())
        while words < MIN_BODY_WORDS:
            paragraphs.insert(-1, self._text_paragraph())
            words += len(paragraphs[-2].split())
        return "\n\n".join(paragraphs)

    def text(self) -> str:
        """The whole file: headline, date, blank line, body."""
        headline = self.headline()
        return f"{headline}\n{_format_date(self.date)}\n\n{self.body()}\n"


# ---------------------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------------------


def generate_one(index: int, seed: int = 0) -> tuple[str, str]:
    """Article number `index` (1-based) for `seed`, as (file_stem, text); independent of any other article."""
    article = _Article(seed, index)
    return article.stem, article.text()


def generate(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """n articles as (file_stem, text) pairs, stems `gen_00001_<8 hex>` in generation order."""
    return [generate_one(i, seed) for i in range(1, n + 1)]


def write_corpus(folder: Path, n: int, seed: int = 0) -> int:
    """Write n articles as `<stem>.txt` (UTF-8) into folder; return the total word count of the files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for stem, text in generate(n, seed):
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8", newline="\n")
        words += len(text.split())
    return words


def main() -> None:
    ap = argparse.ArgumentParser(description="Write N synthetic news articles as .txt files.")
    ap.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--out", type=Path, required=True, help="output folder (created if missing)")
    args = ap.parse_args()
    words = write_corpus(args.out, args.articles, args.seed)
    print(f"wrote {args.articles} articles, {words:,} words, to {args.out}")


if __name__ == "__main__":
    main()
