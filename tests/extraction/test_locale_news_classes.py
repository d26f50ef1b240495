"""Classes of expressions news in other languages writes that the generated finder used to get wrong.

Each sentence was written for this test; its value was worked out by hand (with Python's calendar) against
the publication date: Wednesday 7 April 2021, ISO week 14.
"""
import pytest

from service.extraction import extract

PUBLISHED = "2021-04-07"


def found(text, language, published=PUBLISHED):
    return [(m.text, m.value) for m in extract(text, published, language=language)]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le mur a été construit à l'automne 1995.", [("l'automne 1995", "1995-FA")]),
    ("fr", "Ils se sont rencontrés au printemps 2000 à Lyon.", [("au printemps 2000", "2000-SP")]),
    ("fr", "L'hiver 1985 a été très froid.", [("L'hiver 1985", "1985-WI")]),
    ("es", "La crisis estalló en el verano de 2007.", [("verano de 2007", "2007-SU")]),
    ("es", "El puente se terminará en el otoño de 2022.", [("otoño de 2022", "2022-FA")]),
    ("pt", "O acordo foi assinado no verão de 2015.", [("verão de 2015", "2015-SU")]),
    ("de", "Im Sommer 2015 kamen viele Flüchtlinge.", [("Sommer 2015", "2015-SU")]),
    ("de", "Der Winter 1946 war bitterkalt.", [("Winter 1946", "1946-WI")]),
    ("ru", "Летом 1943 года шли тяжёлые бои.", [("Летом 1943 года", "1943-SU")]),
    ("ru", "Бои шли весной 1945 года.", [("весной 1945 года", "1945-SP")]),
])
def test_a_season_with_its_year_is_that_years_season(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Il a dirigé l'usine entre 1995 et 1999 avant de partir.", [("1995", "1995"), ("1999", "1999")]),
    ("fr", "Elle a présidé le club de 2001 à 2004 sans interruption.", [("2001", "2001"), ("2004", "2004")]),
    ("es", "Gobernó la provincia entre 1992 y 1995 con mayoría.", [("1992", "1992"), ("1995", "1995")]),
    ("es", "Fue alcalde de 2001 a 2004 por el partido.", [("2001", "2001"), ("2004", "2004")]),
    ("pt", "Foi ministro entre 2003 e 2006 no governo.", [("2003", "2003"), ("2006", "2006")]),
    ("de", "Er regierte zwischen 2011 und 2015 in Mainz.", [("2011", "2011"), ("2015", "2015")]),
    ("de", "Sie war 1997 knapp gescheitert.", [("1997", "1997")]),
    ("de", "Krämer war 1985 ins Amt gekommen.", [("1985", "1985")]),
    ("de", "Er lebt seit 1990 in Berlin.", [("1990", "1990")]),
    ("ru", "Он руководил заводом между 1995 и 1999 годами.", [("1995", "1995"), ("1999", "1999")]),
])
def test_a_bare_year_in_a_range_or_after_a_verb_is_a_date(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("de", "Am Samstag demonstrierten 1500 Menschen."),
    ("de", "Die Stadt zahlte 2000 Euro."),
    ("fr", "Il a payé 2000 euros."),
    ("fr", "Entre 1500 et 2000 manifestants ont défilé."),
    ("es", "Llegaron 1900 personas al estadio."),
    ("pt", "A obra custou 2000 reais."),
])
def test_a_number_that_counts_something_is_no_year(language, text):
    assert not [value for _, value in found(text, language) if value and len(value) == 4]


@pytest.mark.parametrize("language, text, expected", [
    # future and conditional verbs: the weekday ahead (Saturday 10, Friday 9, Monday 12 April)
    ("es", "La serie debutaría el sábado en la televisión pública.", [("sábado", "2021-04-10")]),
    ("es", "Los jueces se pronunciarán el viernes.", [("viernes", "2021-04-09")]),
    ("pt", "A série estrearia no sábado.", [("sábado", "2021-04-10")]),
    ("fr", "Le procès reprendra lundi devant la cour d'assises.", [("lundi", "2021-04-12")]),
    ("fr", "Selon son avocat, l'audience reprendrait lundi.", [("lundi", "2021-04-12")]),
    ("de", "Die Verhandlung wird am Freitag fortgesetzt.", [("Freitag", "2021-04-09")]),
    ("ru", "В понедельник театр запустит новый сезон.", [("понедельник", "2021-04-12")]),
    ("ru", "Магазин откроется в субботу.", [("субботу", "2021-04-10")]),
    ("hi", "फॉर्म शुक्रवार तक जमा कराने होंगे।", [("शुक्रवार", "2021-04-09")]),
    # a conditional perfect reports an alleged past: Monday 5 April
    ("fr", "Le suspect aurait été arrêté lundi.", [("lundi", "2021-04-05")]),
    ("es", "El sospechoso habría sido detenido el lunes.", [("lunes", "2021-04-05")]),
])
def test_a_weekday_in_a_future_or_conditional_sentence_lies_ahead(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("es", "Mañana jueves habrá huelga de transporte.", [("Mañana", "2021-04-08"), ("jueves", "2021-04-08")]),
    ("fr", "Demain jeudi, les écoles resteront fermées.", [("Demain", "2021-04-08"), ("jeudi", "2021-04-08")]),
    ("ru", "Завтра, в четверг, пройдут выборы.", [("Завтра", "2021-04-08"), ("четверг", "2021-04-08")]),
    ("fr", "Hier mardi, la grève a été suivie.", [("Hier", "2021-04-06"), ("mardi", "2021-04-06")]),
])
def test_a_weekday_right_after_a_relative_day_is_that_day(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # 7 April 2021 is in ISO week 14: the weekend just past is W13's, the coming one W14's
    ("fr", "Le week-end dernier, il a beaucoup plu.", [("week-end dernier", "2021-W13-WE")]),
    ("fr", "Il pleuvra ce week-end sur la Bretagne.", [("ce week-end", "2021-W14-WE")]),
    ("es", "Este fin de semana habrá elecciones.", [("Este fin de semana", "2021-W14-WE")]),
    ("es", "El fin de semana fueron detenidos tres jóvenes.", [("fin de semana", "2021-W13-WE")]),
    ("pt", "No fim de semana passado houve festa na praça.", [("fim de semana passado", "2021-W13-WE")]),
    ("de", "Am Wochenende hatten Tausende demonstriert.", [("Wochenende", "2021-W13-WE")]),
    ("de", "Am kommenden Wochenende wird gewählt.", [("kommenden Wochenende", "2021-W14-WE")]),
    ("ru", "В выходные прошли протесты.", [("выходные", "2021-W13-WE")]),
    ("ru", "В эти выходные пройдут выборы.", [("эти выходные", "2021-W14-WE")]),
    ("hi", "इस सप्ताहांत चुनाव होंगे।", [("इस सप्ताहांत", "2021-W14-WE")]),
    ("hi", "पिछले सप्ताहांत बारिश हुई।", [("पिछले सप्ताहांत", "2021-W13-WE")]),
])
def test_a_weekend_is_a_timeml_weekend_as_in_english(language, text, expected):
    assert found(text, language) == expected
