"""Decades, centuries, quarters and halves, modifiers, hours in words and vague references in other languages.

Each sentence was written for this test, and its value worked out by hand against the publication date:
Wednesday 7 April 2021 (the day after the Lavrov-Jaishankar talks), in the second quarter and first half.
"""
import pytest

from service.extraction import extract

PUBLISHED = "2021-04-07"


def found(text, language, published=PUBLISHED):
    return [(m.text, m.value) for m in extract(text, published, language=language)]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le chômage de masse s'est installé dans les années 1980.", [("années 1980", "198")]),
    ("fr", "La chanson rappelle les années 60.", [("années 60", "196")]),
    ("fr", "Ce quartier a été bâti dans les années quatre-vingt-dix.", [("années quatre-vingt-dix", "199")]),
    ("fr", "La cathédrale a été restaurée au XIXe siècle.", [("XIXe siècle", "18")]),
    ("fr", "Au 21e siècle, la ville a doublé.", [("21e siècle", "20")]),
    ("es", "La economía creció mucho en los años noventa.", [("años noventa", "199")]),
    ("es", "Ese barrio se construyó en la década de 1970.", [("década de 1970", "197")]),
    ("es", "La catedral se levantó en el siglo XVI.", [("siglo XVI", "15")]),
    ("pt", "A inflação disparou nos anos 80.", [("anos 80", "198")]),
    ("pt", "O país urbanizou-se na década de 1960.", [("década de 1960", "196")]),
    ("pt", "A ferrovia foi construída no século XIX.", [("século XIX", "18")]),
    ("de", "In den 1970er Jahren wuchs die Stadt schnell.", [("1970er Jahren", "197")]),
    ("de", "Der Film spielt in den Achtzigerjahren.", [("Achtzigerjahren", "198")]),
    ("de", "Das Schloss wurde im 18. Jahrhundert gebaut.", [("18. Jahrhundert", "17")]),
    ("ru", "В 1990-е годы завод почти закрылся.", [("1990-е годы", "199")]),
    ("ru", "Эти дома построили в 60-х.", [("60-х", "196")]),
    ("ru", "В девяностые годы город опустел.", [("девяностые годы", "199")]),
    ("ru", "Собор построен в XVII веке.", [("XVII веке", "16")]),
    ("hi", "1980 के दशक में शहर तेजी से बढ़ा।", [("1980 के दशक", "198")]),
    ("hi", "यह किला 17वीं सदी में बना था।", [("17वीं सदी", "16")]),
    ("hi", "इक्कीसवीं सदी में तकनीक बदली है।", [("इक्कीसवीं सदी", "20")]),
    ("de", "In den Neunzigern war die Stadt ärmer.", [("Neunzigern", "199")]),
    ("de", "In den 90ern war die Stadt ärmer.", [("90ern", "199")]),
    ("ru", "В конце девяностых завод закрылся.", [("В конце девяностых", "199")]),
    # told from the century of the article (2021: the 21st, "20")
    ("fr", "Au siècle dernier, la ville a doublé.", [("siècle dernier", "19")]),
    ("es", "En el siglo pasado hubo dos guerras mundiales.", [("siglo pasado", "19")]),
    ("de", "Ende des vergangenen Jahrhunderts fiel die Mauer.", [("Ende des vergangenen Jahrhunderts", "19")]),
    ("ru", "В прошлом веке страна пережила две войны.", [("прошлом веке", "19")]),
])
def test_decades_and_centuries_are_their_timeml_values(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le PIB a reculé au deuxième trimestre 2020.", [("deuxième trimestre 2020", "2020-Q2")]),
    ("fr", "Les ventes ont progressé au premier semestre.", [("premier semestre", "2021-H1")]),
    # the fourth quarter of 2021 has not begun: a past verb points to the one of 2020
    ("fr", "Les bénéfices du 4e trimestre ont chuté.", [("4e trimestre", "2020-Q4")]),
    ("es", "La economía creció en el tercer trimestre de 2019.", [("tercer trimestre de 2019", "2019-Q3")]),
    ("es", "El paro bajó en el primer semestre.", [("primer semestre", "2021-H1")]),
    ("es", "Las exportaciones subirán en el segundo semestre.", [("segundo semestre", "2021-H2")]),
    ("pt", "O PIB caiu no primeiro trimestre de 2021.", [("primeiro trimestre de 2021", "2021-Q1")]),
    ("pt", "As vendas vão crescer no segundo semestre.", [("segundo semestre", "2021-H2")]),
    ("de", "Im dritten Quartal 2020 stieg der Umsatz.", [("dritten Quartal 2020", "2020-Q3")]),
    ("de", "Im ersten Halbjahr sank die Arbeitslosigkeit.", [("ersten Halbjahr", "2021-H1")]),
    ("de", "In der zweiten Jahreshälfte soll die Produktion steigen.", [("zweiten Jahreshälfte", "2021-H2")]),
    ("ru", "В третьем квартале 2020 года выручка выросла.", [("третьем квартале 2020 года", "2020-Q3")]),
    ("ru", "В первом полугодии экспорт сократился.", [("первом полугодии", "2021-H1")]),
    ("ru", "В IV квартале компания получила прибыль.", [("IV квартале", "2020-Q4")]),
    ("hi", "2020 की तीसरी तिमाही में जीडीपी बढ़ी।", [("2020 की तीसरी तिमाही", "2020-Q3")]),
    ("hi", "पहली छमाही में निर्यात घटा।", [("पहली छमाही", "2021-H1")]),
])
def test_quarters_and_halves_take_their_year_or_the_one_the_tense_points_to(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Le PIB a reculé au troisième trimestre de l'année dernière.",
     [("troisième trimestre de l'année dernière", "2020-Q3")]),
    ("es", "El paro subió en el segundo trimestre del año pasado.", [("segundo trimestre del año pasado", "2020-Q2")]),
    ("pt", "No primeiro semestre do ano passado as vendas caíram.", [("primeiro semestre do ano passado", "2020-H1")]),
    ("de", "Im dritten Quartal des vergangenen Jahres sank der Umsatz.",
     [("dritten Quartal des vergangenen Jahres", "2020-Q3")]),
    ("ru", "В третьем квартале прошлого года выручка упала.", [("третьем квартале прошлого года", "2020-Q3")]),
    ("hi", "पिछले साल की तीसरी तिमाही में विकास घटा।", [("पिछले साल की तीसरी तिमाही", "2020-Q3")]),
    ("fr", "Les négociations reprendront au printemps de l'année prochaine.",
     [("au printemps de l'année prochaine", "2022-SP")]),
])
def test_a_quarter_half_or_season_takes_the_relative_year_beside_it(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    # published in the second quarter of 2021: the last quarter is 2021-Q1
    ("fr", "Les ventes du trimestre dernier ont baissé.", [("trimestre dernier", "2021-Q1")]),
    ("fr", "Au dernier trimestre 2020, les ventes ont baissé.", [("dernier trimestre 2020", "2020-Q4")]),
    ("es", "Las ventas del último trimestre cayeron.", [("último trimestre", "2021-Q1")]),
    ("es", "En el último trimestre de 2020 cayeron las ventas.", [("último trimestre de 2020", "2020-Q4")]),
    ("pt", "Neste trimestre o lucro deve subir.", [("Neste trimestre", "2021-Q2")]),
    ("de", "Im vergangenen Quartal sank der Umsatz.", [("vergangenen Quartal", "2021-Q1")]),
    ("ru", "В прошлом квартале выручка упала.", [("прошлом квартале", "2021-Q1")]),
    ("hi", "पिछली तिमाही में मुनाफा घटा।", [("पिछली तिमाही", "2021-Q1")]),
    ("fr", "Le semestre prochain sera difficile.", [("semestre prochain", "2021-H2")]),
])
def test_a_quarter_or_half_told_from_the_article_date_is_shifted_from_its_own(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Les travaux reprendront fin 2021.", [("fin 2021", "2021", "END")]),
    ("fr", "Il avait été élu début 2019.", [("début 2019", "2019", "START")]),
    ("fr", "L'accord a été signé mi-juillet.", [("mi-juillet", "2020-07", "MID")]),
    ("fr", "Le mur est tombé à la fin des années 1980.", [("fin des années 1980", "198", "END")]),
    ("fr", "Au début du XXe siècle, la ville était petite.", [("début du XXe siècle", "19", "START")]),
    ("fr", "Le sommet est prévu au milieu du troisième trimestre 2021.",
     [("milieu du troisième trimestre 2021", "2021-Q3", "MID")]),
    ("es", "Las obras terminarán a finales de 2022.", [("finales de 2022", "2022", "END")]),
    ("es", "A mediados de los años ochenta cerró la fábrica.", [("mediados de los años ochenta", "198", "MID")]),
    ("es", "A principios de marzo se firmó el acuerdo.", [("principios de marzo", "2021-03", "START")]),
    ("pt", "No início de 2020 a pandemia chegou ao Brasil.", [("início de 2020", "2020", "START")]),
    ("pt", "No final de março, o governo anunciou novas medidas.", [("final de março", "2021-03", "END")]),
    ("pt", "Em meados do século XX, a cidade cresceu.", [("meados do século XX", "19", "MID")]),
    ("de", "Ende 2019 wurde der Vertrag unterzeichnet.", [("Ende 2019", "2019", "END")]),
    ("de", "Mitte Juli beginnen die Ferien.", [("Mitte Juli", "2021-07", "MID")]),
    ("de", "Anfang der 1990er Jahre zog er nach Berlin.", [("Anfang der 1990er Jahre", "199", "START")]),
    ("ru", "В конце 2019 года завод закрылся.", [("В конце 2019 года", "2019", "END")]),
    ("ru", "В середине июля начнутся каникулы.", [("В середине июля", "2021-07", "MID")]),
    ("ru", "В начале 1990-х годов страна изменилась.", [("В начале 1990-х годов", "199", "START")]),
    ("hi", "मार्च की शुरुआत में चुनाव हुए।", [("मार्च की शुरुआत में", "2021-03", "START")]),
    ("hi", "1990 के दशक के अंत में अर्थव्यवस्था खुली।", [("1990 के दशक के अंत में", "199", "END")]),
    # seasons too: summer 2021 has not begun, a past verb points to 2020's
    ("fr", "À la fin de l'été, les prix avaient baissé.", [("À la fin de l'été", "2020-SU", "END")]),
    ("de", "Ende des Sommers sollen die Preise sinken.", [("Ende des Sommers", "2021-SU", "END")]),
    ("ru", "В конце лета цены упали.", [("В конце лета", "2020-SU", "END")]),
])
def test_a_modifier_word_marks_any_period_after_it(language, text, expected):
    assert [(m.text, m.value, m.modifier) for m in extract(text, PUBLISHED, language=language)] == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "La loi sera votée d'ici la fin de l'année.", [("fin de l'année", "2021", "END")]),
    ("fr", "Au début de l'année 2020, personne ne parlait du virus.", [("début de l'année 2020", "2020", "START")]),
    ("es", "El acuerdo se firmará a finales de año.", [("finales de año", "2021", "END")]),
    ("es", "A finales del año pasado cerró la planta.", [("finales del año pasado", "2020", "END")]),
    ("pt", "No final do ano haverá eleições.", [("final do ano", "2021", "END")]),
    ("pt", "No final do ano de 2019 a fábrica fechou.", [("final do ano de 2019", "2019", "END")]),
    ("de", "Ende des Jahres soll das Gesetz kommen.", [("Ende des Jahres", "2021", "END")]),
    ("de", "Mitte des Jahres 2019 trat er zurück.", [("Mitte des Jahres 2019", "2019", "MID")]),
    ("ru", "В начале года цены выросли.", [("В начале года", "2021", "START")]),
])
def test_the_year_told_after_a_modifier_is_the_year_of_the_article(language, text, expected):
    assert [(m.text, m.value, m.modifier) for m in extract(text, PUBLISHED, language=language)] == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "La réunion a commencé à trois heures de l'après-midi.",
     [("trois heures de l'après-midi", "2021-04-07T15:00")]),
    ("fr", "Le vote aura lieu mardi à midi.", [("mardi à midi", "2021-04-13T12:00")]),
    ("fr", "L'explosion s'est produite vers deux heures du matin.", [("deux heures du matin", "2021-04-07T02:00")]),
    ("fr", "Le couvre-feu commence à 9 heures du soir.", [("9 heures du soir", "2021-04-07T21:00")]),
    ("es", "El pleno empezó a las diez de la mañana.", [("diez de la mañana", "2021-04-07T10:00")]),
    ("es", "El avión aterrizó a las 11 de la noche.", [("11 de la noche", "2021-04-07T23:00")]),
    ("es", "La reunión terminó a la medianoche.", [("medianoche", "2021-04-07T00:00")]),
    ("es", "El rey llegó al mediodía.", [("mediodía", "2021-04-07T12:00")]),
    ("es", "La sesión se reanudará a las cinco.", [("cinco", "2021-04-07T05:00")]),
    ("pt", "O presidente chegou às três da tarde.", [("três da tarde", "2021-04-07T15:00")]),
    ("pt", "A votação começou às nove horas da manhã.", [("nove horas da manhã", "2021-04-07T09:00")]),
    ("pt", "O incêndio começou à meia-noite.", [("meia-noite", "2021-04-07T00:00")]),
    ("pt", "O presidente discursou ao meio-dia.", [("meio-dia", "2021-04-07T12:00")]),
    ("de", "Die Sitzung begann um drei Uhr nachmittags.", [("drei Uhr nachmittags", "2021-04-07T15:00")]),
    ("de", "Der Zug fährt um 9 Uhr morgens ab.", [("9 Uhr morgens", "2021-04-07T09:00")]),
    ("de", "Um Mitternacht läuteten die Glocken.", [("Mitternacht", "2021-04-07T00:00")]),
    ("de", "Gegen acht Uhr abends fiel der Strom aus.", [("acht Uhr abends", "2021-04-07T20:00")]),
    ("ru", "Совещание началось в три часа дня.", [("три часа дня", "2021-04-07T15:00")]),
    ("ru", "Поезд прибыл в 9 утра.", [("9 утра", "2021-04-07T09:00")]),
    ("ru", "Взрыв произошёл в два часа ночи.", [("два часа ночи", "2021-04-07T02:00")]),
    ("ru", "Ровно в полночь начался салют.", [("полночь", "2021-04-07T00:00")]),
    ("hi", "प्रधानमंत्री शाम 5 बजे देश को संबोधित करेंगे।", [("शाम 5 बजे", "2021-04-07T17:00")]),
    ("hi", "बैठक सुबह 10 बजे शुरू हुई।", [("सुबह 10 बजे", "2021-04-07T10:00")]),
    ("hi", "हमला रात 11 बजे हुआ।", [("रात 11 बजे", "2021-04-07T23:00")]),
    ("fr", "Le train est parti à trois heures et demie.", [("trois heures et demie", "2021-04-07T03:30")]),
    ("es", "Llegó a las tres y media de la tarde.", [("tres y media de la tarde", "2021-04-07T15:30")]),
    ("pt", "Chegou às duas e meia da tarde.", [("duas e meia da tarde", "2021-04-07T14:30")]),
    # without a word for the part of the day, the hour stays as written
    ("hi", "बैठक 3 बजे शुरू हुई।", [("3 बजे", "2021-04-07T03:00")]),
])
def test_hours_in_words_and_with_a_part_of_the_day_are_times(language, text, expected):
    mentions = extract(text, PUBLISHED, language=language)
    assert [(m.text, m.value) for m in mentions] == expected
    assert all(m.type == "TIME" for m in mentions)


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Actuellement, la Russie fournit ce gaz.", [("Actuellement", "PRESENT_REF")]),
    ("fr", "Le ministre s'est récemment rendu à Pékin.", [("récemment", "PAST_REF")]),
    ("fr", "Un accord sera bientôt signé.", [("bientôt", "FUTURE_REF")]),
    ("fr", "À l'heure actuelle, aucune date n'est fixée.", [("heure actuelle", "PRESENT_REF")]),
    ("es", "En la actualidad, el país importa gas.", [("En la actualidad", "PRESENT_REF")]),
    ("es", "Ahora el Gobierno debe decidir.", [("Ahora", "PRESENT_REF")]),
    ("es", "El ministro visitó recientemente Pekín.", [("recientemente", "PAST_REF")]),
    ("pt", "Atualmente, o país importa gás.", [("Atualmente", "PRESENT_REF")]),
    ("pt", "O ministro esteve recentemente em Pequim.", [("recentemente", "PAST_REF")]),
    ("de", "Derzeit verhandeln beide Seiten.", [("Derzeit", "PRESENT_REF")]),
    ("de", "Zurzeit gibt es keine Gespräche.", [("Zurzeit", "PRESENT_REF")]),
    ("de", "Der Minister war kürzlich in Peking.", [("kürzlich", "PAST_REF")]),
    ("ru", "Сейчас стороны ведут переговоры.", [("Сейчас", "PRESENT_REF")]),
    ("ru", "В настоящее время переговоры не ведутся.", [("В настоящее время", "PRESENT_REF")]),
    ("ru", "Министр недавно побывал в Пекине.", [("недавно", "PAST_REF")]),
    ("hi", "अब सरकार को फैसला करना है।", [("अब", "PRESENT_REF")]),
    ("hi", "वर्तमान में दोनों देश बातचीत कर रहे हैं।", [("वर्तमान में", "PRESENT_REF")]),
    ("hi", "मंत्री हाल ही में बीजिंग गए थे।", [("हाल ही में", "PAST_REF")]),
    # "the past", "the future", "recent years", which the English rules give PAST_REF and FUTURE_REF
    ("fr", "À l'avenir, il faudra investir davantage.", [("À l'avenir", "FUTURE_REF")]),
    ("fr", "Ces dernières années, le pays a changé.", [("Ces dernières années", "PAST_REF")]),
    ("es", "En los últimos años el país cambió mucho.", [("En los últimos años", "PAST_REF")]),
    ("pt", "No passado, o país dependia do petróleo.", [("No passado", "PAST_REF")]),
    ("de", "In den letzten Jahren hat sich viel geändert.", [("In den letzten Jahren", "PAST_REF")]),
    ("ru", "В последние годы страна изменилась.", [("В последние годы", "PAST_REF")]),
])
def test_vague_references_are_timeml_refs_as_in_english(language, text, expected):
    mentions = extract(text, PUBLISHED, language=language)
    assert [(m.text, m.value) for m in mentions] == expected
    assert all(m.type == "DATE" and m.start_date is None for m in mentions)


def test_english_gives_the_same_references():
    assert [(m.text, m.value) for m in extract("The minister recently visited Beijing.", PUBLISHED)] \
        == [("recently", "PAST_REF")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Il a passé trois heures à Moscou."),  # a duration, no time
    ("es", "Visitaron las tres ciudades."),  # "las tres" without "a": no hour
    ("de", "Die beiden Seiten einigten sich auf drei Punkte."),
    ("ru", "Он прожил там три года."),  # a duration, not a decade nor a time
    ("fr", "Le constructeur a vendu 1990 voitures en un mois."),  # a count, not a decade nor a year
    ("fr", "La ville est à deux heures de route de Paris."),  # a distance, not 02:00
    ("es", "Ahora bien, el Gobierno no cedió."),  # "however"
    ("es", "De pronto, todo cambió."),  # "suddenly"
    ("fr", "Tout en maintenant les sanctions, Paris a rouvert le dialogue."),  # the verb maintenir
])
def test_counts_and_durations_are_no_periods_nor_hours(language, text):
    assert all(m.type not in ("DATE", "TIME") for m in extract(text, PUBLISHED, language=language))


def test_a_language_without_a_periods_file_keeps_working():
    assert found("Lavrov ha incontrato Jaishankar il 6 aprile 2021.", "it") == [("6 aprile 2021", "2021-04-06")]
