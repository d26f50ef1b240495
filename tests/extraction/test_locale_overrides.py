"""Each override file corrects something dateparser does by design: what dateparser does, what we return."""
from datetime import datetime

import pytest
from dateparser.date import DateDataParser

from service.extraction import extract

PUBLISHED = "2021-04-07"  # a Wednesday
BASE = datetime(2021, 4, 7, 12)


def dateparser_reads(language, span):
    """Return what dateparser alone reads in span against the publication date (date, period)."""
    data = DateDataParser(languages=[language], settings={"RELATIVE_BASE": BASE}).get_date_data(span)
    return (data.date_obj.date().isoformat() if data.date_obj else None), data.period


def found(text, language, published=PUBLISHED):
    return [(m.text, m.value) for m in extract(text, published, language=language)]


@pytest.mark.parametrize("language, span, text, expected", [
    # ordinal: a day written as an ordinal
    ("es", "1º de mayo", "El 1º de mayo una delegación viajará a Moscú.", [("1º de mayo", "2021-05-01")]),
    ("ru", "6-го апреля", "Переговоры прошли 6-го апреля.", [("6-го апреля", "2021-04-06")]),
    # numbers: number words the locale's simplifications lack
    ("es", "hace tres días", "Hace tres días llegó Lavrov.", [("Hace tres días", "2021-04-04")]),
    ("pt", "há duas semanas", "Há duas semanas o Kremlin anunciou a visita.", [("Há duas semanas", "2021-W12")]),
    ("hi", "तीन दिन पहले", "तीन दिन पहले घोषणा हुई थी।", [("तीन दिन पहले", "2021-04-04")]),
    # rewrite: phrases the locale has in another form
    ("fr", "l'an dernier", "L'an dernier, les échanges ont atteint dix milliards.", [("L'an dernier", "2020")]),
    ("pt", "semana que vem", "A cúpula será na semana que vem.", [("semana que vem", "2021-W15")]),
    ("de", "vergangene Woche", "Die Minister hatten vergangene Woche telefoniert.", [("vergangene Woche", "2021-W13")]),
    ("ru", "на минувшей неделе", "Министры говорили на минувшей неделе.", [("на минувшей неделе", "2021-W13")]),
    ("hi", "पिछले महीने", "पिछले महीने समझौता हुआ था।", [("पिछले महीने", "2021-03")]),
    # words: inflected forms the locale lacks
    ("ru", "апреле", "Переговоры прошли в апреле.", [("апреле", "2021-04")]),
    ("ru", "июне", "Моди посетит Москву в июне.", [("июне", "2021-06")]),
])
def test_dateparser_cannot_read_what_the_override_reads(language, span, text, expected):
    assert dateparser_reads(language, span)[0] is None
    assert found(text, language) == expected


def test_romanian_mai_is_more_unless_a_number_stands_by_it():
    assert dateparser_reads("ro", "mai")[1] == "month"  # dateparser: the month of May
    assert found("Ministrul a spus că nu mai vrea să negocieze.", "ro") == []
    assert found("Pe 6 mai 2021 miniștrii s-au întâlnit.", "ro") == [("6 mai 2021", "2021-05-06")]


def test_spanish_la_manana_is_the_morning_not_tomorrow():
    assert dateparser_reads("es", "mañana") == ("2021-04-08", "day")
    assert found("Esta mañana el portavoz habló con la prensa.", "es") == [("Esta mañana", "2021-04-07TMO")]
    assert found("Mañana Lavrov viajará a Islamabad.", "es") == [("Mañana", "2021-04-08")]


def test_german_morgen_is_tomorrow_and_der_morgen_the_morning():
    assert dateparser_reads("de", "Morgen") == ("2021-04-08", "day")
    assert found("Am Morgen sprach der Sprecher mit Journalisten.", "de") == []
    assert found("Lawrow reist morgen nach Islamabad weiter.", "de") == [("morgen", "2021-04-08")]


def test_hindi_kal_is_yesterday_or_tomorrow_by_the_tense():
    assert dateparser_reads("hi", "कल") == ("2021-04-08", "day")  # dateparser: always tomorrow
    assert found("कल दोनों नेताओं ने संयुक्त बयान जारी किया था।", "hi") == [("कल", "2021-04-06")]
    assert found("कल लावरोव इस्लामाबाद जाएंगे।", "hi") == [("कल", "2021-04-08")]


def test_a_two_digit_year_is_read_near_the_publication_date():
    assert dateparser_reads("fr", "12/05/45")[0] == "2045-05-12"
    assert found("Le traité du 12/05/45 reste en vigueur.", "fr", published="1990-06-01") == [("12/05/45", "1945-05-12")]
    assert found("La séance du 06/04/21 s'est tenue à Delhi.", "fr") == [("06/04/21", "2021-04-06")]


def test_a_year_followed_by_the_word_year_is_read_from_its_digits():
    # dateparser reads "2000 году" ("in the year 2000") as 2000 years before its base date.
    assert dateparser_reads("ru", "2000 году") == ("0021-04-07", "year")
    assert found("В 2000 году была подписана декларация о стратегическом партнёрстве.", "ru") == [("2000 году", "2000")]
    assert found("Контракт подписан 5 октября 2018 года.", "ru") == [("5 октября 2018 года", "2018-10-05")]
