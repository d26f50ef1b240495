"""Dates in other languages counted from another date: the date the text last told, or the publication date.

Every sentence here was written for these tests, with its publication date; values checked by hand
(ISO weeks with a calendar).
"""
import pytest

from service.extraction import extract


def found(text, language, published):
    return [(m.text, m.value) for m in extract(text, published, language=language)]


# Class 1: counted from the date the text last told, which moves on with the story.
TOLD = [
    ("fr", "2019-11-15", "Le traité a été signé le 12 mars 2018. Trois semaines après, le parlement l'a ratifié.",
     [("12 mars 2018", "2018-03-12"), ("Trois semaines après", "2018-W14")]),
    ("fr", "2020-06-10", "Les élections ont eu lieu le 4 mai. La veille, les candidats avaient débattu.",
     [("4 mai", "2020-05-04"), ("La veille", "2020-05-03")]),
    ("fr", "2021-09-01", "Le 14 juillet 2021, le président a parlé. Le même jour, le ministre a démissionné.",
     [("14 juillet 2021", "2021-07-14"), ("Le même jour", "2021-07-14")]),
    ("fr", "2021-09-01", "Le 14 juillet 2021, le président a parlé ; ce jour-là, deux jours plus tard et le "
                         "lendemain, rien n'a changé.",
     [("14 juillet 2021", "2021-07-14"), ("ce jour-là", "2021-07-14"), ("deux jours plus tard", "2021-07-16"),
      ("le lendemain", "2021-07-17")]),
    ("fr", "2022-03-03", "Le 10 février 2022, la banque a relevé ses taux, après une baisse le mois précédent.",
     [("10 février 2022", "2022-02-10"), ("le mois précédent", "2022-01")]),
    ("es", "2017-10-30", "El terremoto ocurrió el 19 de septiembre. Dos días después, los rescatistas encontraron a "
                         "una niña.",
     [("19 de septiembre", "2017-09-19"), ("Dos días después", "2017-09-21")]),
    ("es", "2019-02-01", "El acuerdo se firmó el 5 de enero de 2019 y al día siguiente entró en vigor.",
     [("5 de enero de 2019", "2019-01-05"), ("al día siguiente", "2019-01-06")]),
    ("es", "2018-07-20", "La final se jugó el 15 de julio de 2018; el día anterior, el equipo había entrenado.",
     [("15 de julio de 2018", "2018-07-15"), ("el día anterior", "2018-07-14")]),
    ("es", "2020-12-01", "El 3 de noviembre de 2020 votaron millones; ese mismo día se cerraron los colegios.",
     [("3 de noviembre de 2020", "2020-11-03"), ("ese mismo día", "2020-11-03")]),
    ("pt", "2022-05-10", "O navio partiu de Lisboa em 2 de abril de 2022. Dois dias depois, chegou à Madeira.",
     [("2 de abril de 2022", "2022-04-02"), ("Dois dias depois", "2022-04-04")]),
    ("pt", "2021-03-15", "A lei foi aprovada em 1 de março e publicada no dia seguinte.",
     [("1 de março", "2021-03-01"), ("no dia seguinte", "2021-03-02")]),
    ("pt", "2023-01-05", "O ministro chegou a Brasília em 31 de dezembro de 2022; na véspera, tinha estado em Lisboa.",
     [("31 de dezembro de 2022", "2022-12-31"), ("na véspera", "2022-12-30")]),
    ("pt", "2020-10-10", "O decreto foi assinado em 8 de outubro de 2020 e entrou em vigor no mesmo dia.",
     [("8 de outubro de 2020", "2020-10-08"), ("no mesmo dia", "2020-10-08")]),
    ("de", "2018-12-01", "Die Regierung wurde am 14. März 2018 vereidigt. Zwei Tage später trat der Minister zurück.",
     [("14. März 2018", "2018-03-14"), ("Zwei Tage später", "2018-03-16")]),
    ("de", "2019-05-30", "Am 26. Mai 2019 wurde gewählt, am Tag darauf begannen die Gespräche.",
     [("26. Mai 2019", "2019-05-26"), ("am Tag darauf", "2019-05-27")]),
    ("de", "2021-02-02", "Die Börse schloss am 29. Januar 2021 im Minus; am Vortag hatte sie noch zugelegt.",
     [("29. Januar 2021", "2021-01-29"), ("am Vortag", "2021-01-28")]),
    ("de", "2020-08-20", "Am 4. August 2020 explodierte der Hafen; am selben Tag trat die Regierung zusammen.",
     [("4. August 2020", "2020-08-04"), ("am selben Tag", "2020-08-04")]),
    ("de", "2020-08-20", "Am 4. August 2020 explodierte der Hafen. Am nächsten Tag trat die Regierung zusammen.",
     [("4. August 2020", "2020-08-04"), ("Am nächsten Tag", "2020-08-05")]),
    ("ru", "2021-04-20", "Саммит открылся 6 апреля 2021 года. Через два дня министры подписали соглашение.",
     [("6 апреля 2021 года", "2021-04-06"), ("Через два дня", "2021-04-08")]),
    ("ru", "2019-09-01", "Пожар начался 15 августа 2019 года, а на следующий день его потушили.",
     [("15 августа 2019 года", "2019-08-15"), ("на следующий день", "2019-08-16")]),
    ("ru", "2020-03-01", "Референдум прошёл 22 февраля 2020 года; накануне власти закрыли границу.",
     [("22 февраля 2020 года", "2020-02-22"), ("накануне", "2020-02-21")]),
    ("ru", "2018-06-20", "Чемпионат открылся 14 июня 2018 года, и в тот же день сборная России выиграла.",
     [("14 июня 2018 года", "2018-06-14"), ("в тот же день", "2018-06-14")]),
    ("hi", "2021-04-20", "शिखर सम्मेलन 6 अप्रैल 2021 को शुरू हुआ। दो दिन बाद मंत्रियों ने हस्ताक्षर किए।",
     [("6 अप्रैल 2021", "2021-04-06"), ("दो दिन बाद", "2021-04-08")]),
    ("hi", "2019-06-01", "मतगणना 23 मई 2019 को हुई और अगले दिन नतीजे घोषित किए गए।",
     [("23 मई 2019", "2019-05-23"), ("अगले दिन", "2019-05-24")]),
    ("hi", "2020-02-05", "बजट 1 फरवरी 2020 को पेश हुआ और उसी दिन बाजार गिर गया।",
     [("1 फरवरी 2020", "2020-02-01"), ("उसी दिन", "2020-02-01")]),
    ("hi", "2022-08-20", "समारोह 15 अगस्त 2022 को हुआ, जिससे एक दिन पहले सुरक्षा बढ़ा दी गई थी।",
     [("15 अगस्त 2022", "2022-08-15"), ("जिससे एक दिन पहले", "2022-08-14")]),
    ("hi", "2022-08-20", "समारोह 15 अगस्त 2022 को हुआ, एक दिन पहले सुरक्षा बढ़ाई गई थी।",
     [("15 अगस्त 2022", "2022-08-15"), ("एक दिन पहले", "2022-08-14")]),
]


@pytest.mark.parametrize("language, published, text, expected", TOLD)
def test_a_date_counted_from_the_date_last_told(language, published, text, expected):
    assert found(text, language, published) == expected


def test_the_anchor_of_a_counted_date_is_the_date_it_counts_from():
    text = "Le traité a été signé le 12 mars 2018. Trois semaines après, le parlement l'a ratifié."
    signed, ratified = extract(text, "2019-11-15", language="fr")
    assert ratified.anchor == {"date": "2018-03-12", "source": "mention", "start": signed.start, "end": signed.end}


# A narrative: a year told as a frame ("En 1998, ...") or far back places the yearless dates after it, and
# "l'année suivante" counts from it; the story moves on ("En décembre" then "L'année suivante": 1999).
NARRATIVE = [
    ("fr", "2016-05-20", "En 1998, l'entreprise a été fondée. En décembre, elle a ouvert son premier magasin. "
                         "L'année suivante, elle a été rachetée.",
     [("1998", "1998"), ("décembre", "1998-12"), ("L'année suivante", "1999")]),
    ("fr", "2021-04-07", "En 2019, le projet a été lancé. Le 3 mars, les travaux ont commencé.",
     [("2019", "2019"), ("3 mars", "2019-03-03")]),
    ("es", "2015-01-01", "En 1992 se celebraron los Juegos Olímpicos en Barcelona. Al año siguiente, la economía "
                         "entró en recesión.",
     [("1992", "1992"), ("Al año siguiente", "1993")]),
    ("pt", "2010-06-01", "Em 1994 o real foi lançado. No ano seguinte, a inflação caiu.",
     [("1994", "1994"), ("No ano seguinte", "1995")]),
    ("de", "2014-01-01", "Im Jahr 1989 fiel die Mauer. Im Jahr darauf wurde Deutschland wiedervereinigt.",
     [("1989", "1989"), ("Im Jahr darauf", "1990")]),
    ("ru", "2015-05-09", "В 1941 году началась война. В декабре немцы были остановлены под Москвой. "
                         "В следующем году они дошли до Волги.",
     [("1941 году", "1941"), ("декабре", "1941-12"), ("В следующем году", "1942")]),
    # A narrative year does not carry over a paragraph break.
    ("fr", "2016-05-20", "En 1998, l'entreprise a été fondée.\n\nEn décembre, elle a ouvert un magasin.",
     [("1998", "1998"), ("décembre", "2015-12")]),
    # Not a narrative: the publication date's next year, and a month near it.
    ("ru", "2021-04-07", "В следующем году пройдут выборы.", [("В следующем году", "2022")]),
    ("fr", "2021-04-07", "Le projet a été lancé en 2021. En décembre, les travaux commenceront.",
     [("2021", "2021"), ("décembre", "2021-12")]),
]


@pytest.mark.parametrize("language, published, text, expected", NARRATIVE)
def test_a_narrative_places_yearless_dates_in_the_year_it_tells(language, published, text, expected):
    assert found(text, language, published) == expected


# Class 2: counted from the publication date, with the unit's granularity (weeks as ISO weeks, as English).
AHEAD = [
    ("fr", "2021-03-24", "Le ministre rentrera dans deux semaines.", [("dans deux semaines", "2021-W14")]),
    ("fr", "2021-03-24", "Le vote aura lieu dans 3 heures.", [("dans 3 heures", "2021-03-24")]),
    ("fr", "2021-03-24", "Les résultats seront connus d'ici trois jours.", [("d'ici trois jours", "2021-03-27")]),
    ("es", "2020-11-11", "El presidente viajará a Lima en dos semanas.", [("en dos semanas", "2020-W48")]),
    ("es", "2020-11-11", "Los resultados llegarán dentro de tres días.", [("dentro de tres días", "2020-11-14")]),
    ("pt", "2019-08-05", "O acordo será assinado daqui a duas semanas.", [("daqui a duas semanas", "2019-W34")]),
    ("pt", "2019-08-05", "A comissão decidirá dentro de três dias.", [("dentro de três dias", "2019-08-08")]),
    ("de", "2022-01-10", "Die Wahl findet in zwei Wochen statt.", [("in zwei Wochen", "2022-W04")]),
    ("de", "2022-01-10", "In drei Tagen beginnt der Gipfel.", [("In drei Tagen", "2022-01-13")]),
    ("de", "2022-01-10", "In drei Stunden landet das Flugzeug.", [("In drei Stunden", "2022-01-10")]),
    ("ru", "2021-04-07", "Министр вернётся через две недели.", [("через две недели", "2021-W16")]),
    ("ru", "2021-04-07", "Через три дня начнутся переговоры.", [("Через три дня", "2021-04-10")]),
    # A day told before does not count for a future sentence: "через" counts from it only in the past.
    ("ru", "2021-04-07", "Министр прилетел 6 апреля. Он вернётся через две недели.",
     [("6 апреля", "2021-04-06"), ("через две недели", "2021-W16")]),
    ("hi", "2021-04-07", "वह दो हफ्ते में लौटेंगे।", [("दो हफ्ते में", "2021-W16")]),
    ("hi", "2021-04-07", "तीन दिन बाद चुनाव होंगे।", [("तीन दिन बाद", "2021-04-10")]),
    # Past offsets from the publication date, weeks as ISO weeks.
    ("fr", "2021-04-07", "Il y a deux semaines, le ministre a parlé.", [("Il y a deux semaines", "2021-W12")]),
    ("de", "2021-04-07", "Vor zwei Wochen hat der Minister gesprochen.", [("Vor zwei Wochen", "2021-W12")]),
    ("ru", "2021-04-07", "Две недели назад министр выступил.", [("Две недели назад", "2021-W12")]),
    ("pt", "2021-04-07", "Há três dias o ministro falou.", [("Há três dias", "2021-04-04")]),
]


@pytest.mark.parametrize("language, published, text, expected", AHEAD)
def test_an_offset_from_the_publication_date_is_a_date(language, published, text, expected):
    assert found(text, language, published) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("es", "La obra se terminó en dos semanas.", [("dos semanas", "DURATION", "P2W")]),
    ("pt", "A ponte foi construída em duas semanas.", [("duas semanas", "DURATION", "P2W")]),
])
def test_in_a_past_sentence_the_ambiguous_in_is_how_long(language, text, expected):
    assert [(m.text, m.type, m.value) for m in extract(text, "2021-04-07", language=language)] == expected


# Class 3: a day and month joined with the relative year beside it.
DAY_OF_RELATIVE_YEAR = [
    ("fr", "2021-06-01", "Le 3 mars de l'année dernière, il a signé.", [("3 mars de l'année dernière", "2020-03-03")]),
    ("fr", "2021-06-01", "Il a signé le 3 mars de l'an dernier.", [("3 mars de l'an dernier", "2020-03-03")]),
    ("es", "2019-02-01", "El 3 de marzo del año pasado firmó el contrato.", [("3 de marzo del año pasado", "2018-03-03")]),
    ("pt", "2018-09-09", "Em 10 de maio do ano passado, o navio afundou.", [("10 de maio do ano passado", "2017-05-10")]),
    ("de", "2020-07-07", "Am 3. März letzten Jahres unterschrieb er.", [("3. März letzten Jahres", "2019-03-03")]),
    ("ru", "2021-04-07", "3 марта прошлого года он подписал указ.", [("3 марта прошлого года", "2020-03-03")]),
    ("ru", "2021-04-07", "15 января этого года он подписал указ.", [("15 января этого года", "2021-01-15")]),
    ("hi", "2021-04-07", "पिछले साल 3 मार्च को उन्होंने हस्ताक्षर किए।", [("पिछले साल 3 मार्च", "2020-03-03")]),
]


@pytest.mark.parametrize("language, published, text, expected", DAY_OF_RELATIVE_YEAR)
def test_a_day_and_month_take_the_relative_year_beside_them(language, published, text, expected):
    assert found(text, language, published) == expected


def test_a_language_without_an_anchored_file_is_read_as_before():
    # Italian has no anchored-date file: its dates are found from dateparser's data alone.
    assert found("Il vertice si è aperto il 6 aprile 2021.", "it", "2021-04-20") == [("6 aprile 2021", "2021-04-06")]
