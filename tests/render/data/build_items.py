"""Build items.json, the CSL-JSON item set behind the golden files.

    python tests/render/data/build_items.py   # rewrites items.json beside it

The items are invented (names, titles and identifiers are made up, in the
shapes real ones take) and chosen to reach the parts of the official styles
that differ by item type and by data: every item type, 1 to 25 authors
(APA's ellipsis after 20), organisations, particles and suffixes, missing
dates, one author with several works a year, editions, translators and
editors, volumes, DOIs and URLs, titles in other languages, access dates,
date ranges and seasons. Titles are in sentence case, as Zotero stores them
and as APA prints them unchanged (see the oracle's README).
"""

from __future__ import annotations

import json
from pathlib import Path

GIVEN = ["Ana", "Bram", "Chloé", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivo", "Jun",
         "Kwame", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
         "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia"]
FAMILY = ["Abernathy", "Bianchi", "Castellanos", "Dubois", "Eriksen", "Fujimoto", "García",
          "Hoffmann", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura",
          "Okafor", "Petrov", "Quiroga", "Rossi", "Schneider", "Tanaka", "Ueda", "Varga",
          "Wójcik", "Xu", "Yilmaz", "Zimmermann"]


def person(index: int, **extra) -> dict:
    return {"family": FAMILY[index % 26], "given": GIVEN[(index * 7 + 3) % 26]} | extra


def people(start: int, count: int) -> list[dict]:
    return [person(start + offset) for offset in range(count)]


def date(*parts) -> dict:
    return {"date-parts": [list(parts)]}


ITEMS: list[dict] = []


def add(id: str, type: str, **fields) -> None:
    item = {"id": id, "type": type}
    for name, value in fields.items():
        item[name.replace("_", "-") if name not in ("DOI", "URL", "ISBN", "ISSN") else name] = value
    ITEMS.append(item)


def journal_articles() -> None:
    # Author counts: APA lists up to 20, then an ellipsis and the last; Vancouver cuts at 6.
    for count in (1, 2, 3, 4, 6, 7, 8, 20, 21, 25):
        add(f"journal-{count}-authors", "article-journal", author=people(count, count),
            title=f"Effects of soil moisture on root growth in {count} temperate species",
            container_title="Journal of Plant Ecology", volume=str(10 + count), issue=str(count % 4 + 1),
            page=f"{100 + count}-{118 + count}", issued=date(2015 + count % 8, count % 12 + 1),
            DOI=f"10.1234/jpe.{2015 + count % 8}.{count:04d}")
    add("journal-no-doi", "article-journal", author=people(30, 2),
        title="A survey of rural broadband adoption", container_title="Telecommunications Policy",
        volume="44", issue="3", page="101-120", issued=date(2020))
    add("journal-url-only", "article-journal", author=[person(31)],
        title="Open peer review in practice", container_title="Learned Publishing",
        volume="33", page="45-52", issued=date(2020, 1), URL="https://example.org/lp/open-review",
        accessed=date(2023, 4, 2))
    add("journal-article-number", "article-journal", author=people(32, 3),
        title="Deep learning for sea ice classification", container_title="Remote Sensing",
        volume="13", issue="9", number="1734", issued=date(2021, 4, 29),
        DOI="10.3390/rs13091734")
    add("journal-no-volume", "article-journal", author=[person(33)],
        title="Notes on a field season", container_title="Arctic Notes", issued=date(2018))
    add("journal-in-press", "article-journal", author=people(34, 2),
        title="Measuring trust in automated vehicles", container_title="Human Factors",
        status="in press")
    add("journal-season", "article-journal", author=[person(35)],
        title="The revival of letterpress printing", container_title="Printing History",
        volume="22", issue="2", page="3-19", issued={"date-parts": [[2017]], "season": "Spring"})
    add("journal-issued-range", "article-journal", author=[person(36)],
        title="Harvest records from a monastic estate", container_title="Agricultural History Review",
        volume="61", page="1-24", issued={"date-parts": [[2013, 1], [2013, 6]]})
    add("journal-year-range", "article-journal", author=people(37, 2),
        title="Census undercount in border regions", container_title="Population Studies",
        volume="70", issue="1", page="55-71", issued={"date-parts": [[2016], [2017]]})
    add("journal-french", "article-journal", author=[person(38, **{"non-dropping-particle": "de la"})],
        title="La mémoire des villes portuaires", container_title="Revue d'histoire urbaine",
        volume="12", page="77-98", issued=date(2011), language="fr-FR")
    add("journal-german", "article-journal", author=[person(39, **{"dropping-particle": "von"})],
        title="Die Entwicklung der Stadtplanung nach 1945", container_title="Zeitschrift für Stadtgeschichte",
        volume="8", issue="4", page="201-230", issued=date(2009), language="de-DE")
    add("journal-translated-title", "article-journal", author=[person(40)],
        title="Modernización agraria en el siglo XX",
        container_title="Historia Agraria", volume="51", page="9-40", issued=date(2010),
        language="es-ES", **{"title-short": "Modernización agraria"})
    add("journal-literal-date", "article-journal", author=[person(41)],
        title="An undated pamphlet reconsidered", container_title="Book History",
        volume="5", page="1-12", issued={"literal": "ca. 1890"})
    add("journal-abbreviated", "article-journal", author=people(42, 3),
        title="Statin use and cognitive decline", container_title="Journal of the American Medical Association",
        container_title_short="JAMA", journalAbbreviation="JAMA", volume="320", issue="4",
        page="350-358", issued=date(2018, 7, 24), DOI="10.1001/jama.2018.0001", PMID="30000001")
    add("journal-online-first", "article-journal", author=people(44, 2),
        title="Microplastics in alpine lakes", container_title="Water Research",
        issued=date(2024, 2, 14), DOI="10.1016/j.watres.2024.000123")
    add("journal-supplement", "article-journal", author=people(45, 4),
        title="Outcomes of early mobilisation after hip surgery", container_title="The Lancet",
        volume="395", issue="Suppl. 1", page="S12", issued=date(2020, 3))
    add("journal-page-letters", "article-journal", author=[person(46)],
        title="Feedback loops in ice sheets", container_title="Nature Geoscience",
        volume="9", page="e1002-e1010", issued=date(2016))


def same_author_year() -> None:
    # One author, several works in one year: 2019a, 2019b, 2019c; and a co-authored one.
    for letter, title in zip("abc", ["Coastal erosion and managed retreat",
                                    "Dune restoration after storms",
                                    "Salt marsh accretion rates"]):
        add(f"same-year-{letter}", "article-journal", author=[person(50)], title=title,
            container_title="Estuarine, Coastal and Shelf Science", volume="220",
            page=f"{ord(letter)}-{ord(letter) + 9}", issued=date(2019))
    add("same-year-book", "book", author=[person(50)], title="Shorelines in motion",
        publisher="Island Press", publisher_place="Washington, DC", issued=date(2019))
    add("same-year-coauthor", "article-journal", author=[person(50), person(51)],
        title="Sediment budgets of barrier islands", container_title="Geomorphology",
        volume="330", page="1-15", issued=date(2019))
    add("same-year-nodate-a", "webpage", author=[person(52)], title="Field guide to lichens",
        container_title="Lichen Society", URL="https://example.org/lichens/guide", accessed=date(2022, 5, 1))
    add("same-year-nodate-b", "webpage", author=[person(52)], title="Lichens of urban walls",
        container_title="Lichen Society", URL="https://example.org/lichens/urban", accessed=date(2022, 5, 1))
    # Same family name, different given names: given-name disambiguation in citations.
    add("same-family-1", "book", author=[{"family": "Smith", "given": "Alice"}],
        title="Colonial archives", publisher="Routledge", issued=date(2012))
    add("same-family-2", "book", author=[{"family": "Smith", "given": "Benjamin"}],
        title="Imperial records", publisher="Routledge", issued=date(2012))


def books() -> None:
    add("book-one-author", "book", author=[person(60)], title="The architecture of memory",
        publisher="Oxford University Press", publisher_place="Oxford", issued=date(2004),
        ISBN="978-0-19-000000-1")
    add("book-two-authors", "book", author=people(61, 2), title="Statistical rethinking for ecologists",
        publisher="CRC Press", publisher_place="Boca Raton, FL", issued=date(2016), edition="2")
    add("book-edition-third", "book", author=[person(63)], title="Principles of hydrology",
        edition="3", publisher="Wiley", publisher_place="Hoboken, NJ", issued=date(2011))
    add("book-edition-text", "book", author=[person(64)], title="A history of cartography",
        edition="Revised and expanded", publisher="Penguin", publisher_place="London", issued=date(2008))
    add("book-translated", "book", author=[person(65)], translator=[person(66)],
        title="The silent forest", original_title="Der stille Wald", publisher="Verso",
        publisher_place="London", issued=date(2015), original_date=date(1998))
    add("book-edited", "book", editor=people(67, 2), title="Handbook of urban sociology",
        publisher="Sage", publisher_place="Thousand Oaks, CA", issued=date(2013))
    add("book-edited-one", "book", editor=[person(69)], title="Readings in environmental ethics",
        publisher="Blackwell", publisher_place="Malden, MA", issued=date(2003))
    add("book-author-and-editor", "book", author=[person(70)], editor=[person(71)],
        title="Collected letters", publisher="Yale University Press", publisher_place="New Haven, CT",
        issued=date(1999))
    add("book-multivolume", "book", author=[person(72)], title="The Mediterranean world",
        volume="2", number_of_volumes="3", publisher="Harper & Row", publisher_place="New York",
        issued=date(1972))
    add("book-series", "book", author=[person(73)], title="Glacial landforms",
        collection_title="Developments in Quaternary Science", collection_number="14",
        publisher="Elsevier", publisher_place="Amsterdam", issued=date(2012))
    add("book-organisation", "book", author=[{"literal": "World Health Organization"}],
        title="Global report on diabetes", publisher="World Health Organization",
        publisher_place="Geneva", issued=date(2016), URL="https://example.org/who/diabetes")
    add("book-no-date", "book", author=[person(74)], title="Recollections of a lighthouse keeper",
        publisher="Privately printed", publisher_place="Penzance")
    add("book-no-author", "book", title="The Chicago manual of style", edition="17",
        publisher="University of Chicago Press", publisher_place="Chicago", issued=date(2017))
    add("book-suffix-jr", "book", author=[person(75, suffix="Jr.")], title="Letters from the delta",
        publisher="LSU Press", publisher_place="Baton Rouge", issued=date(2001))
    add("book-suffix-iii", "book", author=[person(76, suffix="III")], title="Stewardship of old farms",
        publisher="Chelsea Green", publisher_place="White River Junction, VT", issued=date(2007))
    add("book-particle-van", "book", author=[{"family": "Gogh", "given": "Theo",
                                              "non-dropping-particle": "van"}],
        title="Painters of the Borinage", publisher="Thames & Hudson", publisher_place="London",
        issued=date(1995))
    add("book-particle-d", "book", author=[{"family": "Alembert", "given": "Jeanne",
                                            "non-dropping-particle": "d'"}],
        title="Encyclopaedic thinking", publisher="Gallimard", publisher_place="Paris", issued=date(1988))
    add("book-particle-dropping", "book", author=[{"family": "Beethoven", "given": "Ludwig",
                                                   "dropping-particle": "van"}],
        title="Conversation books", publisher="Henle", publisher_place="Munich", issued=date(1970))
    add("book-japanese", "book", author=[{"family": "村上", "given": "春樹"}], title="ノルウェイの森",
        publisher="講談社", publisher_place="東京", issued=date(1987), language="ja-JP")
    add("book-russian", "book", author=[{"family": "Толстой", "given": "Лев"}], title="Война и мир",
        publisher="Эксмо", publisher_place="Москва", issued=date(2010), language="ru-RU")
    add("book-ebook-doi", "book", author=people(77, 3), title="Open data in the humanities",
        publisher="Ubiquity Press", publisher_place="London", issued=date(2019),
        DOI="10.5334/bbc.2019")
    add("book-reprint", "book", author=[person(80)], title="On the origin of field notes",
        publisher="Dover", publisher_place="Mineola, NY", issued=date(2005), original_date=date(1911),
        original_publisher="Macmillan")
    add("book-many-authors", "book", author=people(81, 8), title="Methods in molecular ecology",
        publisher="Springer", publisher_place="Cham", issued=date(2022), edition="4")
    add("book-title-colon", "book", author=[person(90)], title="Rivers: A natural and cultural history",
        publisher="Reaktion", publisher_place="London", issued=date(2014))
    add("book-title-question", "book", author=[person(91)], title="What is a border?",
        publisher="Polity", publisher_place="Cambridge", issued=date(2020))
    add("classic-work", "classic", author=[{"family": "Aristotle"}], title="Nicomachean ethics",
        translator=[person(92)], publisher="Hackett", issued=date(1999))
    add("pamphlet", "pamphlet", author=[{"literal": "Friends of the Earth"}],
        title="Saving the river meadows", publisher_place="London", issued=date(1989))
    add("collection", "collection", editor=[person(93)], title="Papers of the harbour commission",
        archive="National Archives", archive_location="MT 10/44", issued={"date-parts": [[1890], [1912]]})
    add("periodical", "periodical", title="The Ecologist", volume="12", issued=date(1982))


def chapters() -> None:
    add("chapter-edited-book", "chapter", author=[person(100)], editor=people(101, 2),
        title="Gentrification and displacement", container_title="Handbook of urban sociology",
        page="211-234", publisher="Sage", publisher_place="Thousand Oaks, CA", issued=date(2013))
    add("chapter-one-editor", "chapter", author=people(103, 2), editor=[person(105)],
        title="Wetland carbon stocks", container_title="Blue carbon", page="45-67",
        publisher="Springer", publisher_place="Cham", issued=date(2018), DOI="10.1007/978-3-319-0000-0_3")
    add("chapter-no-pages", "chapter", author=[person(106)], editor=[person(107)],
        title="Memory and the city", container_title="Urban imaginaries",
        publisher="Routledge", publisher_place="London", issued=date(2010))
    add("chapter-edition", "chapter", author=[person(108)], editor=people(109, 3),
        title="Sampling design", container_title="Field methods in ecology", edition="2",
        page="1-30", publisher="Academic Press", publisher_place="London", issued=date(2017))
    add("chapter-volume", "chapter", author=[person(112)], editor=[person(113)],
        title="The medieval economy", container_title="The Cambridge economic history of Europe",
        volume="2", page="118-160", publisher="Cambridge University Press", publisher_place="Cambridge",
        issued=date(1987))
    add("chapter-translated", "chapter", author=[person(114)], translator=[person(115)],
        editor=[person(116)], title="On hospitality", container_title="Essays on the stranger",
        page="5-22", publisher="Stanford University Press", publisher_place="Stanford, CA",
        issued=date(2000))
    add("chapter-same-author", "chapter", author=[person(60)], editor=[person(117)],
        title="Places of remembrance", container_title="Heritage studies reader", page="88-101",
        publisher="Routledge", publisher_place="London", issued=date(2004))
    add("entry-encyclopedia", "entry-encyclopedia", author=[person(118)], title="Plate tectonics",
        container_title="Encyclopedia of geology", edition="2", volume="4", page="301-309",
        publisher="Elsevier", publisher_place="Oxford", issued=date(2021))
    add("entry-dictionary", "entry-dictionary", title="Serendipity",
        container_title="Oxford English dictionary", publisher="Oxford University Press",
        URL="https://example.org/oed/serendipity", accessed=date(2023, 1, 10), issued=date(2022))
    add("entry-online-no-author", "entry-encyclopedia", title="Photosynthesis",
        container_title="Wikipedia", URL="https://example.org/wiki/Photosynthesis",
        issued=date(2023, 3, 5), accessed=date(2023, 3, 6))


def periodicals() -> None:
    add("magazine-article", "article-magazine", author=[person(120)], title="The return of the beaver",
        container_title="The Atlantic", issued=date(2021, 6), volume="327", issue="5", page="44-53")
    add("magazine-online", "article-magazine", author=[person(121)], title="Why cities are getting hotter",
        container_title="Wired", issued=date(2022, 8, 3), URL="https://example.org/wired/heat")
    add("magazine-no-author", "article-magazine", title="The year in science",
        container_title="Scientific American", issued=date(2019, 12), page="20-35")
    add("newspaper-article", "article-newspaper", author=[person(122)], title="Council approves new tram line",
        container_title="The Guardian", issued=date(2023, 2, 17), page="A3", publisher_place="London")
    add("newspaper-online", "article-newspaper", author=people(123, 2), title="Drought forces water limits",
        container_title="The New York Times", issued=date(2022, 7, 30),
        URL="https://example.org/nyt/drought", section="Climate")
    add("newspaper-no-author", "article-newspaper", title="Harbour bridge reopens",
        container_title="Sydney Morning Herald", issued=date(2020, 11, 2))
    add("review-book", "review-book", author=[person(125)], title="A city remembered",
        reviewed_author=[person(126)], reviewed_title="Streets of memory",
        container_title="Urban History", volume="40", page="400-402", issued=date(2013))
    add("review", "review", author=[person(127)], title="Review of the season's operas",
        container_title="Opera Quarterly", volume="29", issue="1", page="88-95", issued=date(2013))
    add("article-preprint", "article", author=people(128, 3), title="Scaling laws for protein models",
        publisher="bioRxiv", number="2023.01.01.522000", issued=date(2023, 1, 3),
        DOI="10.1101/2023.01.01.522000", genre="Preprint")
    add("article-arxiv", "article", author=people(131, 2), title="Attention in sparse graphs",
        publisher="arXiv", number="arXiv:2105.01234", issued=date(2021, 5, 4),
        URL="https://arxiv.org/abs/2105.01234")
    add("post-weblog", "post-weblog", author=[person(133)], title="Ten years of open notebooks",
        container_title="Open Science Blog", issued=date(2021, 10, 12), URL="https://example.org/blog/ten")
    add("post-forum", "post", author=[{"literal": "geo_mapper"}], title="Projecting rasters in bulk",
        container_title="GIS Stack Exchange", issued=date(2020, 6, 1), URL="https://example.org/gis/q/1")


def reports_and_theses() -> None:
    add("report-government", "report", author=[{"literal": "U.S. Environmental Protection Agency"}],
        title="Inventory of greenhouse gas emissions and sinks", number="EPA 430-R-21-005",
        publisher="U.S. Environmental Protection Agency", publisher_place="Washington, DC",
        issued=date(2021), URL="https://example.org/epa/ghg")
    add("report-authors", "report", author=people(140, 3), title="Housing affordability in small towns",
        genre="Working paper", number="22-14", publisher="Urban Institute", publisher_place="Washington, DC",
        issued=date(2022))
    add("report-series", "report", author=[person(143)], title="Groundwater levels in the Ogallala aquifer",
        collection_title="Scientific Investigations Report", number="2017-5040",
        publisher="U.S. Geological Survey", issued=date(2017), DOI="10.3133/sir20175040")
    add("report-no-date", "report", author=[{"literal": "Harbour Trust"}], title="Annual review",
        publisher="Harbour Trust", publisher_place="Bristol")
    add("thesis-phd", "thesis", author=[person(144)], title="Microbial communities in permafrost soils",
        genre="Doctoral dissertation", publisher="University of Alaska Fairbanks", issued=date(2018))
    add("thesis-masters", "thesis", author=[person(145)], title="Urban heat islands in mid-sized cities",
        genre="Master's thesis", publisher="University of Toronto", issued=date(2020),
        URL="https://example.org/thesis/uhi")
    add("thesis-database", "thesis", author=[person(146)], title="Labour migration and remittances",
        genre="Doctoral dissertation", publisher="University of Michigan", issued=date(2015),
        archive="ProQuest Dissertations and Theses", number="3700001")
    add("paper-conference", "paper-conference", author=people(147, 3),
        title="Efficient transformers for long documents",
        container_title="Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
        page="1200-1212", publisher="Association for Computational Linguistics", publisher_place="Online",
        issued=date(2020, 7), DOI="10.18653/v1/2020.acl-main.100")
    add("paper-conference-event", "paper-conference", author=[person(150)],
        title="Citizen science and flood mapping", event_title="European Geosciences Union General Assembly",
        event_place="Vienna", issued=date(2019, 4, 9), container_title="Geophysical Research Abstracts",
        volume="21", number="EGU2019-1234")
    add("paper-conference-editors", "paper-conference", author=people(151, 2), editor=people(153, 2),
        title="Graph kernels for molecules", container_title="Advances in Neural Information Processing Systems",
        volume="33", page="500-511", publisher="Curran Associates", issued=date(2020))
    add("speech", "speech", author=[person(155)], title="Rethinking the public library",
        event_title="Annual Conference of the Library Association", event_place="Glasgow",
        issued=date(2018, 6, 14), genre="Keynote address")
    add("speech-poster", "speech", author=people(156, 2), title="Bird song in noisy cities",
        genre="Poster presentation", event_title="International Ornithological Congress",
        event_place="Vancouver, BC", issued=date(2018, 8, 20))
    add("event", "event", title="Festival of urban ecology", event_place="Berlin",
        issued={"date-parts": [[2019, 5, 10], [2019, 5, 12]]})
    add("standard", "standard", author=[{"literal": "International Organization for Standardization"}],
        title="Information and documentation: Guidelines for bibliographic references", number="ISO 690:2021",
        publisher="ISO", publisher_place="Geneva", issued=date(2021))
    add("patent", "patent", author=people(158, 2), title="Method for desalinating water with graphene membranes",
        number="US 10,000,123 B2", authority="U.S. Patent and Trademark Office", issued=date(2018, 6, 19))
    add("patent-eu", "patent", author=[person(160)], title="Self-healing concrete composition",
        number="EP 3 123 456 A1", publisher="European Patent Office", issued=date(2017, 2, 1))
    add("manuscript", "manuscript", author=[person(161)], title="Diary of a voyage to Iceland",
        archive="British Library", archive_location="Add MS 12345", issued=date(1856))
    add("manuscript-unpublished", "manuscript", author=people(162, 2), title="Soil carbon under grazing",
        genre="Unpublished manuscript", publisher="Department of Soil Science, Massey University",
        issued=date(2023))
    add("document-generic", "document", author=[person(164)], title="Style sheet for contributors",
        publisher="Society for Old Maps", issued=date(2015))


def data_software_web() -> None:
    add("dataset", "dataset", author=people(170, 3), title="Global lake temperature records, 1985-2020",
        version="2.1", publisher="Zenodo", issued=date(2021), DOI="10.5281/zenodo.4500000")
    add("dataset-organisation", "dataset", author=[{"literal": "National Oceanic and Atmospheric Administration"}],
        title="Sea surface temperature reanalysis", publisher="NOAA", issued=date(2020),
        URL="https://example.org/noaa/sst", accessed=date(2021, 3, 1), medium="Data set")
    add("dataset-no-date", "dataset", author=[person(173)], title="Bird counts along the Danube",
        publisher="Dryad", DOI="10.5061/dryad.000001")
    add("software", "software", author=people(174, 2), title="ecotools: Tools for ecological statistics",
        version="1.4.2", publisher="Comprehensive R Archive Network", issued=date(2022),
        URL="https://example.org/cran/ecotools")
    add("software-organisation", "software", author=[{"literal": "R Core Team"}],
        title="R: A language and environment for statistical computing", version="4.3.1",
        publisher="R Foundation for Statistical Computing", publisher_place="Vienna", issued=date(2023),
        URL="https://example.org/r-project")
    add("webpage", "webpage", author=[person(176)], title="How to read a tide table",
        container_title="Coastal Explorer", issued=date(2020, 9, 14), URL="https://example.org/tides")
    add("webpage-organisation", "webpage", author=[{"literal": "Centers for Disease Control and Prevention"}],
        title="Preventing heat-related illness", container_title="CDC", issued=date(2022, 6, 2),
        URL="https://example.org/cdc/heat")
    add("webpage-no-date", "webpage", author=[{"literal": "Royal Horticultural Society"}],
        title="Growing apples in containers", URL="https://example.org/rhs/apples", accessed=date(2023, 8, 15))
    add("webpage-no-author", "webpage", title="Opening hours and visitor information",
        container_title="British Museum", URL="https://example.org/bm/visit", accessed=date(2024, 1, 3))
    add("graphic", "graphic", author=[person(177)], title="Storm over the estuary", medium="Oil on canvas",
        issued=date(1888), archive="Tate Britain", archive_place="London")
    add("figure", "figure", author=[person(178)], title="Map of glacier retreat since 1900",
        container_title="Atlas of a changing planet", issued=date(2015))
    add("map", "map", author=[{"literal": "Ordnance Survey"}], title="Lake District: South-western area",
        scale="1:25,000", genre="Map", publisher="Ordnance Survey", publisher_place="Southampton",
        issued=date(2015), edition="A2")
    add("map-person", "map", author=[person(179)], title="Geological map of the Isle of Skye",
        publisher="British Geological Survey", publisher_place="Keyworth", issued=date(1998))


def media() -> None:
    add("motion-picture", "motion_picture", director=[person(180)], title="The salt road",
        publisher="Northern Films", publisher_place="Oslo", issued=date(2012))
    add("motion-picture-original-title", "motion_picture", director=[person(181)],
        title="Le voyage dans la lune", issued=date(1902), publisher="Star Film", language="fr-FR")
    add("broadcast-episode", "broadcast", director=[person(182)], title="The deep",
        container_title="Blue Planet", number="1", publisher="BBC", issued=date(2001, 9, 12),
        genre="TV series episode")
    add("broadcast-radio", "broadcast", author=[person(183)], title="The history of salt",
        container_title="In Our Time", publisher="BBC Radio 4", issued=date(2017, 3, 9), medium="Radio broadcast")
    add("podcast-episode", "broadcast", author=people(184, 2), title="Why bees matter",
        container_title="Science Weekly", genre="Audio podcast episode", publisher="The Guardian",
        issued=date(2021, 5, 20), URL="https://example.org/pod/bees")
    add("video-online", "motion_picture", author=[{"literal": "TED"}], title="The hidden life of trees",
        genre="Video", publisher="YouTube", issued=date(2016, 4, 2), URL="https://example.org/yt/trees")
    add("song", "song", author=[person(186)], title="River of stone", container_title="Quiet hours",
        publisher="Rough Trade", issued=date(2010), medium="CD")
    add("musical-score", "musical_score", composer=[person(187)], title="String quartet no. 2",
        publisher="Bärenreiter", publisher_place="Kassel", issued=date(1995))
    add("performance", "performance", author=[person(188)], title="A midsummer night's dream",
        event_place="Globe Theatre, London", issued=date(2019, 7, 1))
    add("interview", "interview", author=[person(189)], interviewer=[person(190)],
        title="Interview about life on the island", issued=date(2019, 5, 4), medium="Personal interview")
    add("interview-published", "interview", author=[person(191)], interviewer=[person(192)],
        title="On writing and silence", container_title="The Paris Review", issue="225",
        issued=date(2018), page="50-80")
    add("personal-communication", "personal_communication", author=[person(193)],
        title="Letter to the author", recipient=[person(194)], issued=date(2020, 2, 11))
    add("personal-communication-email", "personal_communication", author=[person(195)],
        genre="Email", issued=date(2022, 11, 30))


def legal() -> None:
    add("legal-case", "legal_case", title="Brown v. Board of Education", container_title="U.S.",
        volume="347", page="483", authority="Supreme Court of the United States", issued=date(1954))
    add("legal-case-uk", "legal_case", title="Donoghue v Stevenson", container_title="AC", volume="1932",
        page="562", authority="House of Lords", issued=date(1932))
    add("legal-case-number", "legal_case", title="Smith v. Jones", number="No. 19-1234",
        authority="U.S. Court of Appeals for the Ninth Circuit", issued=date(2020, 3, 2))
    add("bill", "bill", title="Clean Water Restoration Act", number="H.R. 5088",
        chapter_number="111th Congress", authority="U.S. House of Representatives", issued=date(2009))
    add("legislation", "legislation", title="Climate Change Act 2008", container_title="c.", number="27",
        issued=date(2008))
    add("legislation-us", "legislation", title="Americans with Disabilities Act of 1990",
        container_title="U.S.C.", volume="42", section="12101", issued=date(1990))
    add("regulation", "regulation", title="General Data Protection Regulation", number="2016/679",
        container_title="Official Journal of the European Union", page="1-88", issued=date(2016, 4, 27))
    add("treaty", "treaty", title="Paris Agreement", issued=date(2015, 12, 12),
        container_title="United Nations Treaty Series", volume="3156")
    add("hearing", "hearing", title="Oversight of the wildfire response",
        authority="U.S. Senate Committee on Energy and Natural Resources", number="S. Hrg. 117-12",
        issued=date(2021, 6, 15))


def variety() -> None:
    # Names: organisations as co-authors, particles mixed in long lists, a name without a given name.
    add("mixed-person-organisation", "article-journal",
        author=[person(200), {"literal": "Global Burden of Disease Collaborators"}],
        title="Mortality trends in 195 countries", container_title="The Lancet", volume="392",
        page="1736-1788", issued=date(2018, 11, 10), DOI="10.1016/S0140-6736(18)00001-1")
    add("mononym", "book", author=[{"family": "Banksy"}], title="Wall and piece",
        publisher="Century", publisher_place="London", issued=date(2005))
    add("particles-in-list", "article-journal", author=[
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"},
        {"family": "Santos", "given": "Maria", "non-dropping-particle": "dos"},
        {"family": "Costa", "given": "Luís", "non-dropping-particle": "da"}],
        title="Mangrove carbon in Brazil", container_title="Biogeosciences", volume="17",
        page="2101-2115", issued=date(2020), DOI="10.5194/bg-17-2101-2020")
    add("initials-given", "article-journal", author=[{"family": "Eliot", "given": "T. S."}],
        title="Tradition and the individual talent", container_title="The Egoist", volume="6",
        page="54-55", issued=date(1919))
    add("hyphenated-given", "article-journal", author=[{"family": "Sartre", "given": "Jean-Paul"},
                                                       {"family": "Beauvoir", "given": "Simone",
                                                        "non-dropping-particle": "de"}],
        title="Existentialism in dialogue", container_title="Les Temps modernes", volume="1",
        page="1-20", issued=date(1945))
    add("editor-translator-same", "book", author=[person(201)], editor=[person(202)], translator=[person(202)],
        title="Selected poems", publisher="Faber", publisher_place="London", issued=date(1990))
    add("title-with-italics", "article-journal", author=[person(203)],
        title="Gene flow in <i>Drosophila melanogaster</i> populations", container_title="Genetics",
        volume="201", page="1-12", issued=date(2015), DOI="10.1534/genetics.115.000001")
    add("title-with-nocase", "article-journal", author=[person(204)],
        title="Sequencing the <span class=\"nocase\">mRNA</span> of <span class=\"nocase\">HeLa</span> cells",
        container_title="Cell", volume="160", page="1-10", issued=date(2015))
    add("title-quotes", "article-journal", author=[person(205)],
        title="\"Not in my backyard\": Siting wind farms", container_title="Energy Policy",
        volume="50", page="1-10", issued=date(2012))
    add("long-pages", "chapter", author=[person(206)], title="The long table",
        container_title="Annals of the dining room", page="1123-1189", publisher="Prospect Books",
        issued=date(2006))
    add("accessed-only-journal", "article-journal", author=[person(207)], title="Living document on ethics",
        container_title="Ethics Online", URL="https://example.org/ethics/living", accessed=date(2024, 2, 29))
    add("circa-date", "book", author=[person(208)], title="Almanac for farmers", publisher="Stationers",
        issued={"date-parts": [[1750]], "circa": True})
    add("issued-month-day", "article-newspaper", author=[person(209)], title="Snow closes mountain passes",
        container_title="The Times", issued=date(1963, 1, 22), page="1")
    add("issued-season-winter", "article-magazine", author=[person(210)], title="Winter birds of the fens",
        container_title="Birdwatch", issued={"date-parts": [[2014]], "season": "Winter"}, issue="88")
    add("volume-roman", "book", author=[person(211)], title="Chronicles of the north", volume="IV",
        publisher="Boydell", publisher_place="Woodbridge", issued=date(1977))
    add("number-of-pages", "book", author=[person(212)], title="A short book on long walks",
        number_of_pages="96", publisher="Little Toller", issued=date(2013))
    add("ampersand-publisher", "book", author=[person(213)], title="Cooking with fire",
        publisher="Faber & Faber", publisher_place="London", issued=date(2019))
    add("doi-uppercase", "article-journal", author=[person(214)], title="Isotopes in tooth enamel",
        container_title="Journal of Archaeological Science", volume="45", page="10-19", issued=date(2014),
        DOI="10.1016/J.JAS.2014.01.001")
    add("twenty-three-editors", "book", editor=people(215, 23), title="The atlas of everything",
        publisher="Collins", publisher_place="Glasgow", issued=date(2011))
    add("three-authors-same-first", "article-journal", author=[person(50), person(220), person(221)],
        title="Beach nourishment costs", container_title="Coastal Management", volume="47",
        page="1-18", issued=date(2019))
    add("four-authors-same-first", "article-journal", author=[person(50), person(222), person(223), person(224)],
        title="Cliff failure monitoring", container_title="Coastal Management", volume="47",
        page="19-36", issued=date(2019))
    add("container-author", "chapter", author=[person(225)], container_author=[person(226)],
        title="Preface", container_title="The complete works", publisher="Norton", issued=date(2001),
        page="ix-xii")


def main() -> None:
    for build in (journal_articles, same_author_year, books, chapters, periodicals,
                  reports_and_theses, data_software_web, media, legal, variety):
        build()
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    target = Path(__file__).with_name("items.json")
    target.write_text(json.dumps(ITEMS, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {target}: {len(ITEMS)} items, {len({item['type'] for item in ITEMS})} types")


if __name__ == "__main__":
    main()
