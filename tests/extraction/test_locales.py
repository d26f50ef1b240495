"""Dates in languages other than English: found from dateparser's locale data, resolved like English."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction import extract
from service.extraction.commands import eval_command, extract_command
from service.extraction.locales import detect_language, extract_in, supported
from service.extraction.mention import Mention
from service.extraction.timex import interval, is_value

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "languages"
# 2021-04-07, a Wednesday: the day after the Lavrov-Jaishankar talks in New Delhi.
PUBLISHED = "2021-04-07"


def found(text, language, published=PUBLISHED):
    return [(m.text, m.value) for m in extract(text, published, language=language)]


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Lavrov a rencontré Jaishankar mardi 6 avril 2021 à New Delhi.", [("mardi 6 avril 2021", "2021-04-06")]),
    ("fr", "Il y a trois jours, le Kremlin avait annoncé la visite.", [("Il y a trois jours", "2021-04-04")]),
    ("fr", "Un sommet est prévu la semaine prochaine.", [("la semaine prochaine", "2021-W15")]),
    ("fr", "Les livraisons commenceront en octobre.", [("octobre", "2021-10")]),
    ("fr", "Les livraisons avaient commencé en octobre.", [("octobre", "2020-10")]),
    ("es", "Hace dos semanas, el Kremlin anunció la visita.", [("Hace dos semanas", "2021-W12")]),
    ("es", "El contrato se firmó el 5 de octubre de 2018.", [("5 de octubre de 2018", "2018-10-05")]),
    ("pt", "O chanceler reuniu-se na terça-feira com o homólogo indiano.", [("terça-feira", "2021-04-06")]),
    ("pt", "No mês passado, os dois países assinaram um acordo.", [("mês passado", "2021-03")]),
    ("de", "Lawrow traf am 6. April 2021 seinen Amtskollegen.", [("6. April 2021", "2021-04-06")]),
    ("de", "Vor drei Tagen hatte der Kreml den Besuch angekündigt.", [("Vor drei Tagen", "2021-04-04")]),
    ("ru", "Министры уже говорили по телефону на прошлой неделе.", [("на прошлой неделе", "2021-W13")]),
    ("ru", "Лавров во вторник провёл переговоры с Джайшанкаром.", [("вторник", "2021-04-06")]),
    ("ru", "Договор был подписан 21 декабря 2019 года.", [("21 декабря 2019 года", "2019-12-21")]),
    ("ru", "23 марта Лавров встречался с Ван И.", [("23 марта", "2021-03-23")]),
    ("ru", "В 2000 году была подписана декларация о стратегическом партнёрстве.", [("2000 году", "2000")]),
    ("ru", "В декабре прошлого года стороны провели саммит.", [("декабре прошлого года", "2020-12")]),
    ("hi", "दोनों मंत्रियों ने पिछले सप्ताह फोन पर बात की थी।", [("पिछले सप्ताह", "2021-W13")]),
    ("hi", "६ अप्रैल २०२१ की वार्ता सफल रही।", [("६ अप्रैल २०२१", "2021-04-06")]),
    ("hi", "आपूर्ति अक्टूबर में शुरू होगी।", [("अक्टूबर", "2021-10")]),
    ("hi", "फरवरी में दोनों देशों ने सैनिकों को पीछे हटाया।", [("फरवरी", "2021-02")]),  # without the nukta of फ़रवरी
    ("hi", "अगस्त 2019 में भारत ने अनुच्छेद 370 हटा दिया था।", [("अगस्त 2019", "2019-08")]),
])
def test_seed_story_sentences_resolve(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Les négociations avaient commencé début mars.", [("début mars", "2021-03", "START")]),
    ("fr", "À la mi-mars, les ministres se sont parlé.", [("mi-mars", "2021-03", "MID")]),
    ("es", "Las negociaciones comenzaron a principios de marzo.", [("principios de marzo", "2021-03", "START")]),
    ("de", "Die Verhandlungen hatten Anfang März begonnen.", [("Anfang März", "2021-03", "START")]),
    ("ru", "Путин посетит Индию до конца этого года.", [("до конца этого года", "2021", "END")]),
    ("ru", "Поставки С-400 начнутся в конце 2021 года.", [("в конце 2021 года", "2021", "END")]),
    ("hi", "पुतिन इस साल के अंत तक भारत आएंगे।", [("इस साल के अंत तक", "2021", "END")]),
    ("ru", "Год назад министры встречались в Москве.", [("Год назад", "2020", None)]),
    ("ru", "Через неделю Лавров посетит Пакистан.", [("Через неделю", "2021-W15", None)]),
])
def test_override_phrases_and_modifiers_are_found(language, text, expected):
    assert [(m.text, m.value, m.modifier) for m in extract(text, PUBLISHED, language=language)] == expected


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Лавров завершил визит 6-го числа.", [("6-го числа", "2021-04-06")]),
    ("ru", "Переговоры продолжатся 20 числа.", [("20 числа", "2021-04-20")]),
    ("hi", "लावरोव ने 6 तारीख को अपनी यात्रा समाप्त की।", [("6 तारीख", "2021-04-06")]),
    ("es", "Lavrov terminó su visita el día 6.", [("día 6", "2021-04-06")]),
    ("es", "El día 6 de abril de 2021 se reunieron.", [("6 de abril de 2021", "2021-04-06")]),
])
def test_a_day_of_the_month_told_alone_is_in_the_month_the_tense_points_to(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "В четверг Лавров посетит Исламабад.", [("четверг", "2021-04-08")]),
    ("ru", "В четверг Лавров посетил Исламабад.", [("четверг", "2021-04-01")]),
    ("hi", "गुरुवार को लावरोव इस्लामाबाद आएंगे।", [("गुरुवार", "2021-04-08")]),
    ("hi", "गुरुवार को लावरोव इस्लामाबाद गए थे।", [("गुरुवार", "2021-04-01")]),
    ("fr", "Lavrov se rendra jeudi à Islamabad.", [("jeudi", "2021-04-08")]),
    ("es", "Lavrov viajará el jueves a Islamabad.", [("jueves", "2021-04-08")]),
    # Moved to a date: ahead, though the verb is past; the same date signed: behind.
    ("fr", "La rencontre a été reportée au 3 mai.", [("3 mai", "2021-05-03")]),
    ("fr", "Le traité a été signé le 3 mai.", [("3 mai", "2020-05-03")]),
    ("ru", "Встреча перенесена на 3 мая.", [("3 мая", "2021-05-03")]),
    ("es", "La reunión se aplazó al 3 de mayo.", [("3 de mayo", "2021-05-03")]),
    # An abbreviation's dot is the date's only before a year.
    ("fr", "Signé le 3 janv. 2021 à Paris.", [("3 janv. 2021", "2021-01-03")]),
])
def test_the_tense_cue_picks_the_weekday(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "Летом товарооборот упал.", [("Летом", "2020-SU")]),
    ("fr", "Cet été, les échanges ont chuté.", [("Cet été", "2020-SU")]),
    ("fr", "Le sommet aura lieu au printemps.", [("au printemps", "2021-SP")]),
    ("hi", "गर्मियों में व्यापार गिर गया।", [("गर्मियों", "2020-SU")]),
    ("de", "Winterfest und Sommerzeit", []),
])
def test_a_season_is_in_the_year_the_tense_points_to(language, text, expected):
    assert found(text, language, published="2020-12-15") == expected


@pytest.mark.parametrize("language, text, expected", [
    ("ru", "В апреле прошлого года министры встречались в Москве.", [("апреле прошлого года", "2020-04")]),
    ("es", "En marzo del año pasado se reunieron.", [("marzo del año pasado", "2020-03")]),
    ("fr", "En mars de l'année dernière, ils se sont vus.", [("mars de l'année dernière", "2020-03")]),
    ("de", "Im März letzten Jahres trafen sie sich.", [("März letzten Jahres", "2020-03")]),
    ("hi", "पिछले साल मार्च में बात हुई थी।", [("पिछले साल मार्च", "2020-03")]),
    ("ru", "В апреле, в прошлом году и сейчас.",
         [("апреле", "2021-04"), ("в прошлом году", "2020"), ("сейчас", "PRESENT_REF")]),
])
def test_a_month_takes_the_relative_year_beside_it(language, text, expected):
    assert found(text, language) == expected


@pytest.mark.parametrize("language, text, expected", [
    ("it", "Il ministro ha incontrato il collega martedì 6 aprile 2021.", [("martedì 6 aprile 2021", "2021-04-06")]),
    ("nl", "De ministers spraken elkaar vorige week.", [("vorige week", "2021-W13")]),
    ("pl", "Ministrowie spotkali się 6 kwietnia 2021.", [("6 kwietnia 2021", "2021-04-06")]),
    ("tr", "Bakanlar 6 Nisan 2021 tarihinde görüştü.", [("6 Nisan 2021", "2021-04-06")]),
    ("it", "I colloqui sono durati 3 giorni.", [("3 giorni", "P3D")]),
    ("it", "Il vertice si è aperto il 6 aprile alle 15:00.", [("6 aprile alle 15:00", "2021-04-06T15:00")]),
])
def test_a_locale_without_override_or_cue_files_still_reads_dates(language, text, expected):
    assert found(text, language) == expected


# Durations and times of day, from the unit words, number words and skipped words of dateparser's data.
DURATIONS_AND_TIMES = [
    ("fr", "Les combats ont duré pendant trois jours.", [("trois jours", "DURATION", "P3D")]),
    ("fr", "La session a duré 15 heures.", [("15 heures", "DURATION", "PT15H")]),
    ("fr", "Lavrov a été reçu le 6 avril à 15 h.", [("6 avril à 15 h", "TIME", "2021-04-06T15:00")]),
    ("fr", "Mardi, Lavrov a rencontré Jaishankar à 11 h 30.",
     [("Mardi", "DATE", "2021-04-06"), ("11 h 30", "TIME", "2021-04-06T11:30")]),
    ("fr", "La conférence de presse débutera à 18 heures.", [("18 heures", "TIME", "2021-04-07T18:00")]),
    # Counted from another date, never a duration: with no date told before, from the publication date.
    ("fr", "Deux semaines plus tard, l'accord était signé.", [("Deux semaines plus tard", "DATE", "2021-W16")]),
    ("es", "Las conversaciones se prolongaron durante dos semanas.", [("dos semanas", "DURATION", "P2W")]),
    ("es", "Los ministros se reunieron el 6 de abril a las 15:00.",
     [("6 de abril a las 15:00", "TIME", "2021-04-06T15:00")]),
    ("pt", "As negociações duraram duas semanas.", [("duas semanas", "DURATION", "P2W")]),
    ("pt", "Os ministros reuniram-se no dia 6 de abril às 15h30.",
     [("6 de abril às 15h30", "TIME", "2021-04-06T15:30")]),
    ("de", "Die Gespräche dauerten drei Tage.", [("drei Tage", "DURATION", "P3D")]),
    ("de", "Lawrow landete am Dienstag um 15.30 Uhr.", [("Dienstag um 15.30 Uhr", "TIME", "2021-04-06T15:30")]),
    ("de", "Drei Tage später reiste er ab.", [("Drei Tage später", "DATE", "2021-04-10")]),
    ("ru", "Переговоры продолжались в течение двух недель.", [("двух недель", "DURATION", "P2W")]),
    ("ru", "Переговоры начались 6 апреля в 15:00.", [("6 апреля в 15:00", "TIME", "2021-04-06T15:00")]),
    ("ru", "Встреча прошла во вторник в 10 часов.", [("вторник в 10 часов", "TIME", "2021-04-06T10:00")]),
    ("hi", "वार्ता तीन दिन चली।", [("तीन दिन", "DURATION", "P3D")]),
    # Parts of the day, from the override files: alone ("ce matin"), or only right after a day ("hier soir").
    ("fr", "Ce matin, le ministre est arrivé.", [("Ce matin", "TIME", "2021-04-07TMO")]),
    ("fr", "Le ministre est arrivé hier soir.", [("hier soir", "TIME", "2021-04-06TEV")]),
    ("fr", "Le soir, la ville dort.", []),
    ("es", "El martes por la mañana llegó el ministro.", [("martes por la mañana", "TIME", "2021-04-06TMO")]),
    ("pt", "Ontem à noite o ministro chegou.", [("Ontem à noite", "TIME", "2021-04-06TNI")]),
    ("de", "Gestern Abend landete der Minister.", [("Gestern Abend", "TIME", "2021-04-06TEV")]),
    ("de", "Am Morgen landete der Minister.", []),  # the noun "Morgen" (morning) alone: no date
    ("ru", "Во вторник вечером министр прилетел в Дели.", [("вторник вечером", "TIME", "2021-04-06TEV")]),
    ("hi", "आज सुबह मंत्री दिल्ली पहुंचे।", [("आज सुबह", "TIME", "2021-04-07TMO")]),
]


@pytest.mark.parametrize("language, text, expected", DURATIONS_AND_TIMES)
def test_durations_and_times_of_day(language, text, expected):
    mentions = extract(text, PUBLISHED, language=language)
    assert [(m.text, m.type, m.value) for m in mentions] == expected
    assert all(m.start_date is None for m in mentions if m.type == "DURATION")  # never an event date


FILLER = "bcfgkqwxz ,;\n"


@settings(max_examples=150, deadline=None)
@given(before=st.text(alphabet=FILLER, max_size=60), after=st.text(alphabet=FILLER, max_size=60),
       example=st.sampled_from([e for e in DURATIONS_AND_TIMES if len(e[2]) == 1]))
def test_durations_and_times_are_found_in_any_surrounding_text(before, after, example):
    language, sentence, [expected] = example
    phrase = expected[0]
    start = sentence.index(phrase)
    # The phrase with the words that make it what it is ("pendant", "à", "um"), in arbitrary text.
    lead = sentence[:start].split()[-1:] if expected[1] == "TIME" or language == "ru" else []
    text = " ".join([before, *lead, phrase, after])
    assert expected in [(m.text, m.type, m.value) for m in extract(text, PUBLISHED, language=language)]


def test_mentions_are_the_records_english_gives():
    mention = extract("Лавров прилетел в Дели в понедельник.", PUBLISHED, language="ru")[0]
    assert isinstance(mention, Mention)
    text = "Лавров прилетел в Дели в понедельник."
    assert text[mention.start:mention.end] == mention.text == "понедельник"
    assert (mention.type, mention.value, mention.granularity) == ("DATE", "2021-04-05", "day")
    assert (mention.start_date, mention.end_date) == interval("2021-04-05")
    assert mention.anchor == {"date": PUBLISHED, "source": "published"}
    assert (mention.sentence_start, mention.sentence_end) == (0, len(text))


def test_english_is_read_by_the_english_rules_whatever_the_route():
    text = "Lavrov met Jaishankar on Tuesday, a week after the March 30 call."
    assert extract(text, PUBLISHED, language="en") == extract(text, PUBLISHED) == extract(text, PUBLISHED, language=None)


def test_a_language_dateparser_lacks_falls_back_to_the_english_rules():
    assert not supported("xx") and not supported("../../etc")
    assert extract("Signed 2021-04-06.", PUBLISHED, language="xx") == extract("Signed 2021-04-06.", PUBLISHED)


def test_without_a_publication_date_a_full_date_near_the_top_anchors_relative_ones():
    mentions = extract_in("Moscou, 6 avril 2021. Les ministres se sont parlé hier.", None, "fr")
    assert [(m.text, m.value, m.anchor["source"]) for m in mentions] == [
        ("6 avril 2021", "2021-04-06", "inferred"), ("hier", "2021-04-05", "inferred")]


def test_without_any_anchor_relative_dates_stay_unresolved():
    mentions = extract_in("Les ministres se sont parlé hier.", None, "fr")
    assert [(m.text, m.value, m.start_date) for m in mentions] == [("hier", None, None)]


def test_words_of_another_sense_are_no_dates():
    assert found("Le jeu diplomatique reste complexe; la mer était calme.", "fr") == []
    assert found("मंगल ग्रह पर भारत का यान पहुंचा था।", "hi") == []
    assert found("Der Gipfel hat 2000 Teilnehmer.", "de") == []


def test_hand_made_sets_score_above_naive_dateparser(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from language_table import figures
    from naive_dateparser_eval import tag

    from service.extraction.timeml import Timex, read_directory
    for directory in sorted(FIXTURES.iterdir()):
        documents = read_directory(directory)
        ours, _ = figures(documents, lambda d: [Timex(m.start, m.end, m.type, m.value)
                                                for m in extract(d.text, d.creation_time, language=directory.name)])
        naive, _ = figures(documents, lambda d: tag(d, directory.name))
        assert ours["f1"] > naive["f1"], directory.name


def test_eval_takes_a_language():
    result = CliRunner().invoke(eval_command, ["--language", "ru", "--json", str(FIXTURES / "ru")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[str(FIXTURES / "ru")]["date_time"]["value"]["f1"] > 0.8
    refused = CliRunner().invoke(eval_command, ["--language", "klingon", str(FIXTURES / "ru")])
    assert refused.exit_code == 2 and "unknown language" in refused.output


def test_extract_reads_the_given_or_detected_language():
    text = "Лавров встретился с Джайшанкаром во вторник, 6 апреля."
    given = CliRunner().invoke(extract_command, ["--published", PUBLISHED, "--language", "ru"], input=text.encode())
    detected = CliRunner().invoke(extract_command, ["--published", PUBLISHED, "--language", "auto"], input=text.encode())
    assert json.loads(given.output) == json.loads(detected.output)
    assert json.loads(given.output)["language"] == "ru"
    assert [m["value"] for m in json.loads(given.output)["mentions"]] == ["2021-04-06"]


def test_jsonl_lines_take_a_language():
    lines = "\n".join(json.dumps(line, ensure_ascii=False) for line in [
        {"id": 1, "text": "Il y a trois jours.", "language": "fr"},
        {"id": 2, "text": "Three days ago."},
        {"id": 3, "text": "x", "language": "zz"},
        {"id": 4, "text": "x", "language": 7},
    ]) + "\n"
    result = CliRunner().invoke(extract_command, ["--jsonl", "--published", PUBLISHED], input=lines.encode())
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [(a["id"], a.get("language"), [m["value"] for m in a.get("mentions", [])]) for a in answers[:2]] == [
        (1, "fr", ["2021-04-04"]), (2, "en", ["2021-04-04"])]
    assert "unknown language" in answers[2]["error"] and "must be a string" in answers[3]["error"]


@pytest.mark.parametrize("text, language", [
    ("Le ministre russe des Affaires étrangères a rencontré son homologue indien mardi.", "fr"),
    ("Лавров встретился с Джайшанкаром во вторник в Нью-Дели.", "ru"),
    ("रूस के विदेश मंत्री ने मंगलवार को अपने भारतीय समकक्ष से मुलाकात की।", "hi"),
    ("El canciller ruso se reunió el martes con su homólogo indio.", "es"),
    ("Der russische Außenminister traf am Dienstag seinen indischen Amtskollegen.", "de"),
    ("O chanceler russo reuniu-se na terça-feira com o homólogo indiano.", "pt"),
    ("The Russian foreign minister met his Indian counterpart on Tuesday.", "en"),
])
def test_detection_tells_the_seed_story_languages(text, language):
    assert detect_language(text) == language


def test_detection_needs_no_network():
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network used')\n"
            "socket.socket = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
            "from service.extraction.locales import detect_language\n"
            "print(detect_language('Лавров встретился с Джайшанкаром во вторник.'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ru"


def test_text_without_letters_has_no_language():
    assert detect_language("2021-04-06 12:00") is None


ALPHABET = "0123456789 .,/-'’ºer" + "abcdeéimnorstuyj" + "аеиомнвгдл" + "अकलमईपिछले" + "\n"


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=200), language=st.sampled_from(["fr", "es", "de", "ru", "hi", "it"]))
def test_any_text_gives_well_formed_mentions(text, language):
    for mention in extract(text, PUBLISHED, language=language):
        assert text[mention.start:mention.end] == mention.text and mention.start < mention.end
        assert mention.value is None or is_value(mention.value)
        assert mention.sentence_start <= mention.start < mention.sentence_end


def test_every_dateparser_locale_builds_a_finder():
    import dateparser.data.date_translation_data as data

    codes = sorted(p.stem for p in Path(data.__file__).parent.glob("*.py") if len(p.stem) == 2)
    assert len(codes) > 100
    for code in codes:
        assert supported(code), code
        assert [m.value for m in extract_in("Signé le 2021-04-06.", PUBLISHED, code)] == ["2021-04-06"], code


@pytest.mark.parametrize("language", ["fr", "ru", "hi", "de", "pl"])
def test_reading_a_span_by_its_shape_equals_dateparser_reading_it(language):
    from random import Random

    from service.extraction.locales.normalise import read, read_calendar
    from service.extraction.locales.vocabulary import vocabulary

    rng = Random(language)
    months = sorted(form for form in vocabulary(language).month_of if len(form) > 3)
    for _ in range(15):
        month, day, year = rng.choice(months), rng.randint(1, 31), rng.randint(1950, 2030)
        for span in (f"{day} {month} {year}", f"{month} {year}", f"{day} {month}",
                     f"{day:02d}.{rng.randint(1, 12):02d}.{year}", f"{day}/{rng.randint(1, 12)}/{year % 100:02d}"):
            assert read_calendar(language, span) == read(language, span), span


def test_a_long_text_keeps_to_the_extraction_budget():
    from service import budget

    text = "Лавров встретился с Джайшанкаром 6 апреля 2021 года, во вторник, три дня назад. " * 20_000
    with pytest.raises(budget.OutOfTime), budget.spending(budget.cpu(0.05)):
        extract(text, PUBLISHED, language="ru")


def test_gunicorn_workers_load_the_language_model_before_their_first_request():
    import runpy

    from service.extraction.locales import detect

    detect._identifier.cache_clear()
    settings = runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))
    settings["post_worker_init"](None)
    assert detect._identifier.cache_info().currsize == 1


def _with_apostrophes() -> list[tuple[str, str]]:
    """Return (language, phrase) for every phrase of the data files written with an apostrophe."""
    from dataclasses import fields

    from service.extraction.locales.anchored import anchored
    from service.extraction.locales.overrides import overrides

    found = []
    for language in ("fr", "es", "pt", "de", "ru", "hi", "it"):
        extra, marks = overrides(language), anchored(language)
        tables = [getattr(extra, f.name) for f in fields(extra)] + [marks.before, marks.after, marks.phrases]
        found += [(language, key) for table in tables if isinstance(table, dict) for key in table if "'" in key]
    return sorted(set(found))


@pytest.mark.parametrize("language, phrase", _with_apostrophes())
def test_a_phrase_reads_the_same_with_a_typographic_apostrophe(language, phrase):
    # News writes "l’été" as often as "l'été"; the finder matches both, and every table must answer both.
    sentence = f"Il y a eu {phrase} 2019 une réunion." if language == "fr" else f"{phrase} 2019."
    straight = extract(sentence, PUBLISHED, language=language)
    curly = extract(sentence.replace("'", "’"), PUBLISHED, language=language)
    assert [(m.text.replace("’", "'"), m.type, m.value) for m in curly] == [(m.text, m.type, m.value) for m in straight]
