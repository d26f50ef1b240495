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
    # German writes "morgen" (tomorrow) small and "Morgen" (the morning) capitalised, except at a sentence start
    ("de", "Die Anklage ist verlesen. Morgen, Donnerstag, entscheidet das Gericht.",
     [("Morgen", "2021-04-08"), ("Donnerstag", "2021-04-08")]),
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


@pytest.mark.parametrize("language, text, expected", [
    # told from the publication day: last night is the night of Tuesday 6 April
    ("fr", "La nuit dernière, un incendie a ravagé l'entrepôt.", [("nuit dernière", "2021-04-06TNI")]),
    ("es", "Anoche hubo un tiroteo en el centro.", [("Anoche", "2021-04-06TNI")]),
    ("de", "Vergangene Nacht brannte ein Haus.", [("Vergangene Nacht", "2021-04-06TNI")]),
    ("ru", "Прошлой ночью в городе был пожар.", [("Прошлой ночью", "2021-04-06TNI")]),
    ("hi", "बीती रात गोदाम में आग लगी।", [("बीती रात", "2021-04-06TNI")]),
    # alone: on the publication day
    ("fr", "Dans la matinée, la police est arrivée.", [("Dans la matinée", "2021-04-07TMO")]),
    ("es", "Esta madrugada hubo un sismo de magnitud 5.", [("Esta madrugada", "2021-04-07TNI")]),
    ("pt", "À noite houve protestos no centro.", [("À noite", "2021-04-07TNI")]),
    ("de", "Heute Abend spricht der Kanzler.", [("Heute Abend", "2021-04-07TEV")]),
    ("ru", "Сегодня вечером выступит президент.", [("Сегодня вечером", "2021-04-07TEV")]),
    ("ru", "Этой ночью в порту был пожар.", [("Этой ночью", "2021-04-07TNI")]),
    # or on the day the sentence tells
    ("fr", "Le 3 avril, le feu a pris dans la soirée.", [("3 avril", "2021-04-03"), ("dans la soirée", "2021-04-03TEV")]),
    ("ru", "Во вторник утром был пожар, вечером его потушили.",
     [("вторник утром", "2021-04-06TMO"), ("вечером", "2021-04-06TEV")]),
])
def test_a_part_of_the_day_alone_is_on_its_day(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # the day told in an earlier sentence: Saturday 3 April, Monday 5 April
    ("fr", "Le 3 avril, le feu a pris dans un entrepôt. Les pompiers sont arrivés vers 17 heures.",
     [("3 avril", "2021-04-03"), ("17 heures", "2021-04-03T17:00")]),
    ("pt", "Na segunda-feira, houve um assalto ao banco. Os ladrões fugiram às 14h.",
     [("segunda-feira", "2021-04-05"), ("14h", "2021-04-05T14:00")]),
    ("de", "Am Montag brannte eine Scheune. Die Feuerwehr kam gegen 17 Uhr.",
     [("Montag", "2021-04-05"), ("17 Uhr", "2021-04-05T17:00")]),
    # no day told: the publication day
    ("pt", "Por volta das 19h30, o incêndio começou.", [("19h30", "2021-04-07T19:30")]),
    # "this morning" is the publication day's, whatever day was told before
    ("fr", "Le 3 avril, le feu a pris. Ce matin, la fumée était encore visible.",
     [("3 avril", "2021-04-03"), ("Ce matin", "2021-04-07TMO")]),
    # a day ahead told before does not take a time told in the past: the publication day
    ("fr", "Le match est prévu le 10 avril. La police a bouclé le quartier à 19 heures.",
     [("10 avril", "2021-04-10"), ("19 heures", "2021-04-07T19:00")]),
    ("es", "El juicio será el 12 de abril. Los testigos declararon a las 10 horas.",
     [("12 de abril", "2021-04-12"), ("10 horas", "2021-04-07T10:00")]),
])
def test_a_clock_time_without_a_day_takes_the_day_told(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # Easter Sunday 2021 fell on 4 April, 2019's on 21 April; Diwali 2020 on 14 November, 2021's on 4 November
    ("fr", "Noël a été calme dans les hôpitaux.", [("Noël", "2020-12-25")]),
    ("fr", "À Pâques 2019, ils sont partis en Bretagne.", [("Pâques 2019", "2019-04-21")]),
    ("es", "La Navidad fue tranquila en la ciudad.", [("Navidad", "2020-12-25")]),
    ("es", "En Pascua hubo procesiones en Sevilla.", [("Pascua", "2021-04-04")]),
    ("pt", "A Páscoa foi tranquila nas estradas.", [("Páscoa", "2021-04-04")]),
    ("de", "Weihnachten war ruhig in der Stadt.", [("Weihnachten", "2020-12-25")]),
    ("de", "Bis Weihnachten wird das Haus fertig.", [("Weihnachten", "2021-12-25")]),
    ("de", "Zu Ostern kamen viele Besucher.", [("Ostern", "2021-04-04")]),
    # the Orthodox Christmas: 7 January
    ("ru", "Рождество прошло тихо.", [("Рождество", "2021-01-07")]),
    ("hi", "दिवाली पर खूब पटाखे चले।", [("दिवाली", "2020-11-14")]),
    ("hi", "इस साल दिवाली पर पटाखे चलेंगे।", [("इस साल", "2021"), ("दिवाली", "2021-11-04")]),
])
def test_a_holiday_is_its_day_of_that_year(language, text, expected):
    assert found(text, language) == expected


def test_a_holiday_name_that_is_a_first_name_is_no_date():
    assert found("Noël Mamère a parlé devant les députés.", "fr") == []


@pytest.mark.parametrize("text, expected", [
    # a sentence opening with "Morgen" and a verb says tomorrow; "the morning" would be "Am Morgen", "Morgens"
    ("Morgen beginnt der Prozess in Hamburg.", [("Morgen", "2021-04-08")]),
    ("Morgen landet der Minister.", [("Morgen", "2021-04-08")]),
    ("Das Gericht tagt morgen erneut.", [("morgen", "2021-04-08")]),
    ("Am Morgen regnete es in Hamburg.", []),
    ("Der Morgen war kalt, der Abend mild.", []),
])
def test_a_capitalised_morgen_is_tomorrow_only_where_a_sentence_opens_with_it(text, expected):
    assert found(text, "de") == expected
