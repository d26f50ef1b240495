"""History told as a narrative (the style of Wikipedia's war articles): dates anchored by the story, not the publication.

Sentences written for this file, values checked by hand against a calendar. The articles are dated 2010-05-14
(a Friday), as an encyclopedia page read in 2010 is; no expected value depends on that date except where a
sentence says so.
"""
import pytest

from service.extraction import extract

PAGE = "2010-05-14"


def dates(text, published=PAGE):
    """Return (text, value) of the DATE and TIME mentions of text."""
    return [(m.text, m.value) for m in extract(text, published) if m.type in ("DATE", "TIME")]


NARRATIVE = [
    # yearless months, days and seasons take the year the story is in
    ("In 1941 the Wehrmacht massed along the frontier. On 22 June, German forces crossed the border.",
     [("1941", "1941"), ("22 June", "1941-06-22")]),
    ("Hitler attacked Poland in September 1939. In April 1940 he turned north, and in May he struck France.",
     [("September 1939", "1939-09"), ("April 1940", "1940-04"), ("May", "1940-05")]),
    ("In the summer of 1940 the Luftwaffe attacked Britain. By September, the raids had moved to London.",
     [("the summer of 1940", "1940-SU"), ("September", "1940-09")]),
    ("In 1812 Napoleon invaded Russia. In December, the remnants of his army recrossed the Niemen.",
     [("1812", "1812"), ("December", "1812-12")]),
    ("The offensive opened in May 1916. In the autumn, the French counter-attacked.",
     [("May 1916", "1916-05"), ("the autumn", "1916-FA")]),
    ("In 1943, the Allies invaded Italy. During the winter, the advance stalled.", [("1943", "1943"), ("the winter", "1943-WI")]),
    ("In 1950 North Korea invaded the South. In September, UN forces landed at Inchon. By late October, they had reached the Yalu.",
     [("1950", "1950"), ("September", "1950-09"), ("late October", "1950-10")]),
    ("The Germans attacked at Kursk in July 1943. On 12 July, the largest tank battle in history was fought.",
     [("July 1943", "1943-07"), ("12 July", "1943-07-12")]),
    ("The campaign began in the summer of 1863. On July 3, Pickett's charge failed.",
     [("the summer of 1863", "1863-SU"), ("July 3", "1863-07-03")]),
    ("In 1916 the British prepared an offensive. From March to May, troops massed on the Somme.",
     [("1916", "1916"), ("March", "1916-03"), ("May", "1916-05")]),
    ("In 1944 the tide turned. In mid-March, the Red Army reached the Dniester.", [("1944", "1944"), ("mid-March", "1944-03")]),
    ("In 1941 Japan attacked Pearl Harbor on 7 December. Germany declared war on the United States on 11 December.",
     [("1941", "1941"), ("7 December", "1941-12-07"), ("11 December", "1941-12-11")]),
    ("In 1916, the Germans attacked Verdun on 21 February, and on 1 July the British attacked on the Somme.",
     [("1916", "1916"), ("21 February", "1916-02-21"), ("1 July", "1916-07-01")]),
    ("In 1968 the Tet Offensive shook Washington. In March, Johnson announced he would not run again.",
     [("1968", "1968"), ("March", "1968-03")]),
    ("In 1789 the Estates-General met at Versailles. On 14 July, a crowd stormed the Bastille.",
     [("1789", "1789"), ("14 July", "1789-07-14")]),
    # a story moves on: a month earlier in the year than the one told is in the next year, unless the
    # clause looks back from the story's time (a past perfect, not one reached "by" that month)
    ("The Germans reached Moscow in December 1941. In January, the Soviets counter-attacked.",
     [("December 1941", "1941-12"), ("January", "1942-01")]),
    ("The Germans reached Moscow in December 1941. By January, the Soviets had pushed them back.",
     [("December 1941", "1941-12"), ("January", "1942-01")]),
    ("The siege began on 8 September 1941. On 27 January, it was lifted.",
     [("8 September 1941", "1941-09-08"), ("27 January", "1942-01-27")]),
    ("The offensive began in June 1944. In May, the Allies had prepared the landings.",
     [("June 1944", "1944-06"), ("May", "1944-05")]),
    # a war a few years before the page is history too, wherever its year stands in the sentence
    ("The US invaded Afghanistan in October 2001. By December, the Taliban had been driven from Kandahar.",
     [("October 2001", "2001-10"), ("December", "2001-12")]),
    ("Baghdad fell on 9 April 2003. On 1 May, Bush declared the end of major combat operations.",
     [("9 April 2003", "2003-04-09"), ("1 May", "2003-05-01")]),
    ("The surge began in early 2007. By September, violence had declined.", [("early 2007", "2007"), ("September", "2007-09")]),
    # a time of day placed on no day of its own does not end the story
    ("In 1941, the attack began at 5 a.m. on 22 June.", [("1941", "1941"), ("5 a.m. on 22 June", "1941-06-22T05:00")]),
]

ANAPHORIC = [
    # counted from the date last told
    ("Germany invaded the Soviet Union on 22 June 1941. That winter, the offensive stalled before Moscow.",
     [("22 June 1941", "1941-06-22"), ("That winter", "1941-WI")]),
    ("In 1943, the Allies invaded Italy. That winter, the advance stalled at Cassino.", [("1943", "1943"), ("That winter", "1943-WI")]),
    ("Stalingrad was encircled in November 1942. The following summer, the Allies landed in Sicily.",
     [("November 1942", "1942-11"), ("The following summer", "1943-SU")]),
    ("The fortress fell on 19 November 1942. Two days later, the relief column arrived.",
     [("19 November 1942", "1942-11-19"), ("Two days later", "1942-11-21")]),
    ("On 7 May 1945 Germany surrendered at Reims. The next day, the war in Europe ended.",
     [("7 May 1945", "1945-05-07"), ("The next day", "1945-05-08")]),
    ("Lee surrendered on April 9, 1865. Five days later, Lincoln was shot.",
     [("April 9, 1865", "1865-04-09"), ("Five days later", "1865-04-14")]),
    ("Roosevelt died on 12 April 1945. Eighteen days later, Hitler killed himself.",
     [("12 April 1945", "1945-04-12"), ("Eighteen days later", "1945-04-30")]),
    ("The rebellion lasted until 1857. The following year, the Crown took control of India.",
     [("1857", "1857"), ("The following year", "1858")]),
    ("The war ended in 1918. The next year, the Treaty of Versailles was signed.", [("1918", "1918"), ("The next year", "1919")]),
    ("The war ended in 1918. The following decade was one of recovery.", [("1918", "1918"), ("The following decade", "192")]),
    ("The treaty was signed in 1648. Thirty years later, war broke out again.", [("1648", "1648"), ("Thirty years later", "1678")]),
    ("Germany invaded Poland in 1939. Two years later, it attacked the Soviet Union in June.",
     [("1939", "1939"), ("Two years later", "1941"), ("June", "1941-06")]),
    ("The army was rebuilt in 1937. Later that year, it invaded China.", [("1937", "1937"), ("Later that year", "1937")]),
    ("In 1862, McClellan advanced on Richmond. That same year, Lee took command.", [("1862", "1862"), ("That same year", "1862")]),
    ("In 1862, McClellan advanced on Richmond. The previous year, the war had begun.",
     [("1862", "1862"), ("The previous year", "1861")]),
    ("In 1950, war broke out in Korea. That June, North Korean troops crossed the 38th parallel.",
     [("1950", "1950"), ("That June", "1950-06")]),
    ("The offensive began on 16 December 1944 and was halted by the end of the month.",
     [("16 December 1944", "1944-12-16"), ("the end of the month", "1944-12")]),
    ("The Soviets attacked on 12 January 1945. By the end of the month, they had reached the Oder.",
     [("12 January 1945", "1945-01-12"), ("the end of the month", "1945-01")]),
    ("The Japanese surrendered on 15 August 1945. On 2 September, the formal instrument was signed.",
     [("15 August 1945", "1945-08-15"), ("2 September", "1945-09-02")]),
    ("Napoleon escaped from Elba in February 1815. He was defeated at Waterloo on 18 June.",
     [("February 1815", "1815-02"), ("18 June", "1815-06-18")]),
    # a month, day or season "of that year", "of the following year"
    ("In 1944 the Allies liberated Paris. In March of the following year, they crossed the Rhine.",
     [("1944", "1944"), ("March of the following year", "1945-03")]),
    ("The treaty was signed in 1919. In June of that year, the fleet was scuttled.",
     [("1919", "1919"), ("June of that year", "1919-06")]),
    ("In 1944 the Allies liberated Paris. In the spring of the following year, Germany collapsed.",
     [("1944", "1944"), ("the spring of the following year", "1945-SP")]),
    ("In 1861 the war began. On 21 July of that year, the armies clashed at Bull Run.",
     [("1861", "1861"), ("21 July of that year", "1861-07-21")]),
    ("The rebellion broke out in May 1857. By September of the same year, Delhi had been retaken.",
     [("May 1857", "1857-05"), ("September of the same year", "1857-09")]),
    # the present of an encyclopedia page is the present age, not its date
    ("The armistice was signed in 1953. Today, the two Koreas remain technically at war.",
     [("1953", "1953"), ("Today", "PRESENT_REF")]),
    # a duration, or an offset from an event rather than a date, is no date
    ("The garrison surrendered within a week.", []),
    ("Three months after the invasion, the front had collapsed.", []),
]

DAY_RANGES = [
    # the first day of a range takes the month and year told after it
    ("Fighting raged on 22–23 June 1941.", [("22", "1941-06-22"), ("23 June 1941", "1941-06-23")]),
    ("From 6 to 8 June 1944, the Allies consolidated.", [("6", "1944-06-06"), ("8 June 1944", "1944-06-08")]),
    ("Between 1 and 3 July 1863, the armies fought at Gettysburg.", [("1", "1863-07-01"), ("3 July 1863", "1863-07-03")]),
    ("The battle lasted from July 1 to July 3, 1863.", [("July 1", "1863-07-01"), ("July 3, 1863", "1863-07-03")]),
    ("On the night of 7–8 May 1945, the bombers struck.", [("the night of 7", "1945-05-07TNI"), ("8 May 1945", "1945-05-08")]),
    # not a range of days
    ("Sales rose 5 to 7 percent in June 1944.", [("June 1944", "1944-06")]),
]

PARTS_OF_THE_DAY = [
    # "the <part> of <day>" is one TIME on that day
    ("On the morning of 7 December 1941, Japanese aircraft attacked Pearl Harbor.",
     [("the morning of 7 December 1941", "1941-12-07TMO")]),
    ("On the evening of 14 April 1865, Lincoln was shot at Ford's Theatre.", [("the evening of 14 April 1865", "1865-04-14TEV")]),
    ("The bombing of Dresden began on the night of 13 February 1945.", [("the night of 13 February 1945", "1945-02-13TNI")]),
    ("The landings took place in the early morning of 6 June 1944.", [("the early morning of 6 June 1944", "1944-06-06TMO")]),
    # "the next morning", "that evening": on the day last told, or the day after it
    ("The Allies landed in Normandy on 6 June 1944. The next morning, the beachheads were linked.",
     [("6 June 1944", "1944-06-06"), ("The next morning", "1944-06-07TMO")]),
    ("Paris was liberated on 25 August 1944. That evening, de Gaulle spoke at the Hotel de Ville.",
     [("25 August 1944", "1944-08-25"), ("That evening", "1944-08-25TEV")]),
    ("In 1941, the attack began at 5 a.m. on 22 June. That evening, Molotov spoke on the radio.",
     [("1941", "1941"), ("5 a.m. on 22 June", "1941-06-22T05:00"), ("That evening", "1941-06-22TEV")]),
    # with its day and clock
    ("At 4:45 a.m. on 1 September 1939, German troops crossed into Poland.",
     [("4:45 a.m. on 1 September 1939", "1939-09-01T04:45")]),
    ("The armistice took effect at 11 a.m. on 11 November 1918.", [("11 a.m. on 11 November 1918", "1918-11-11T11:00")]),
]

PERIODS = [
    # years, parts of years, decades and centuries told outright
    ("In the spring of 1942, Germany launched a new offensive in the south.", [("the spring of 1942", "1942-SP")]),
    ("By late 1943, the Red Army had retaken Kiev.", [("late 1943", "1943")]),
    ("In early 1944, the siege of Leningrad was finally lifted.", [("early 1944", "1944")]),
    ("In mid-1943, the tide turned.", [("mid-1943", "1943")]),
    ("The war intensified in late 1944 and early 1945.", [("late 1944", "1944"), ("early 1945", "1945")]),
    ("Verdun dominated the first half of 1916.", [("the first half of 1916", "1916-H1")]),
    ("The winter of 1941-42 was the coldest in decades.", [("The winter of 1941-42", "1941-WI")]),
    ("In the fall of 1862, Lee invaded Maryland.", [("the fall of 1862", "1862-FA")]),
    ("By 1945, Germany lay in ruins.", [("1945", "1945")]),
    ("The war lasted from 1939 to 1945.", [("1939", "1939"), ("1945", "1945")]),
    ("Between 1914 and 1918, millions died in the trenches.", [("1914", "1914"), ("1918", "1918")]),
    ("Between June 1944 and May 1945, the Allies liberated Western Europe.", [("June 1944", "1944-06"), ("May 1945", "1945-05")]),
    ("Unemployment soared during the 1930s.", [("the 1930s", "193")]),
    ("By the mid-1960s, the conflict had escalated.", [("the mid-1960s", "196")]),
    ("The late 1960s saw mass protests.", [("The late 1960s", "196")]),
    ("Railways spread in the 1870s and 1880s.", [("the 1870s", "187"), ("1880s", "188")]),
    ("The empire expanded rapidly in the late 19th century.", [("the late 19th century", "18")]),
    ("In the 18th century, Britain and France fought repeatedly.", [("the 18th century", "17")]),
    ("The region prospered in the 19th and 20th centuries.", [("the 19th", "18"), ("20th centuries", "19")]),
    ("In the eighteenth century, Britain rose to naval supremacy.", [("the eighteenth century", "17")]),
    ("In the late nineteenth century, railways spread.", [("the late nineteenth century", "18")]),
    ("In the first century AD, Rome expanded.", [("the first century AD", "00")]),
    ("The first century of the republic was peaceful.", []),
    ("The tradition dates back to the 1800s.", [("the 1800s", "18")]),
    ("Music of the 1900s and 1910s filled the halls.", [("the 1900s", "190"), ("1910s", "191")]),
]

OTHER_ERAS = [
    # years BC are written BC and four digits, as TIMEX2 and HeidelTime write them (ISO 8601 has no year 0)
    ("Caesar invaded Britain in 55 BC.", [("55 BC", "BC0055")]),
    ("Caesar was killed in 44 B.C.", [("44 B.C.", "BC0044")]),
    ("The Greeks defeated the Persians at Marathon in 490 BC.", [("490 BC", "BC0490")]),
    ("The Romans besieged Carthage from 149 BC to 146 BC.", [("149 BC", "BC0149"), ("146 BC", "BC0146")]),
    ("The Second Punic War lasted from 218 to 201 BC.", [("218", "BC0218"), ("201 BC", "BC0201")]),
    ("The temple was built in the 5th century BC.", [("the 5th century BC", "BC04")]),
    ("The fifth century BC saw the Persian Wars.", [("The fifth century BC", "BC04")]),
    ("Rome fell in AD 476.", [("AD 476", "0476")]),
    # counted in years BC from a year BC told; 2 BC and three years is AD 2, as there is no year 0
    ("The Persians invaded Greece in 480 BC. The following year, they were defeated at Plataea.",
     [("480 BC", "BC0480"), ("The following year", "BC0479")]),
    ("In 490 BC the Athenians won at Marathon. Ten years later, Xerxes invaded.",
     [("490 BC", "BC0490"), ("Ten years later", "BC0480")]),
    ("Caesar crossed the Rubicon in 49 BC. That year, civil war began.", [("49 BC", "BC0049"), ("That year", "BC0049")]),
    ("The revolt began in 2 BC. Three years later, it was crushed.", [("2 BC", "BC0002"), ("Three years later", "0002")]),
    # years before 1800, after a preposition or in a full date
    ("The Normans crossed the Channel in 1066.", [("1066", "1066")]),
    ("The Battle of Hastings was fought on 14 October 1066.", [("14 October 1066", "1066-10-14")]),
    ("Hastings was fought in October 1066.", [("October 1066", "1066-10")]),
    ("The First Crusade was launched in 1095, and Jerusalem fell in 1099.", [("1095", "1095"), ("1099", "1099")]),
    ("In the summer of 1099, the crusaders took Jerusalem.", [("the summer of 1099", "1099-SU")]),
    ("The siege of Orleans was lifted on 8 May 1429.", [("8 May 1429", "1429-05-08")]),
    ("In 1415, Henry V won at Agincourt on 25 October.", [("1415", "1415"), ("25 October", "1415-10-25")]),
    ("The colonists fought the British from 1775 until 1783.", [("1775", "1775"), ("1783", "1783")]),
    ("The French fleet arrived in 1781. In October, Cornwallis surrendered at Yorktown.",
     [("1781", "1781"), ("October", "1781-10")]),
    ("In 1775 fighting broke out at Lexington. On 4 July 1776, Congress declared independence.",
     [("1775", "1775"), ("4 July 1776", "1776-07-04")]),
    # such numbers are counts where no preposition or range shows a year
    ("He led 1500 men into battle in 1346.", [("1346", "1346")]),
    ("Reinforced by 1200 troops, the fort held until 1760.", [("1760", "1760")]),
    ("The index rose from 1100 to 1300.", []),
    ("In 1500 cases the test failed.", []),
    ("Room 1204 was booked.", []),
]


@pytest.mark.parametrize(("text", "expected"), NARRATIVE)
def test_a_narrative_places_yearless_dates_in_its_year(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), ANAPHORIC)
def test_anaphoric_dates_count_from_the_date_last_told(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), DAY_RANGES)
def test_ranges_of_days(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), PARTS_OF_THE_DAY)
def test_parts_of_the_day_stand_on_their_day(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), PERIODS)
def test_periods_of_history(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), OTHER_ERAS)
def test_years_of_other_eras(text, expected):
    assert dates(text) == expected


def test_a_history_runs_on_over_blank_lines():
    # nearly every year told lies years back: the whole text is one story, paragraphs and all
    text = ("Tensions grew from 1933 to 1938, and the war began in 1939.\n\nIn 1940 Germany turned west. France fell in June 1940, "
            "and Britain fought on alone through 1941.\n\nIn December, the United States entered the war.")
    assert dates(text)[-1] == ("December", "1941-12")


def test_weekdays_in_a_history_follow_the_story():
    # 7 December 1941 was a Sunday: the Monday and Thursday after it
    text = ("Tensions grew from 1933 to 1938, and the war began in 1939. In 1940 France fell. Japan attacked Pearl "
            "Harbor on 7 December 1941. On Monday, Roosevelt addressed Congress. On Thursday, Germany declared war.")
    assert dates(text)[-2:] == [("Monday", "1941-12-08"), ("Thursday", "1941-12-11")]


def test_weekdays_in_the_news_stay_on_the_publication_week():
    # a background date in a news report does not carry its weekdays away
    text = "The plant exploded on March 3, 2015. On Tuesday, a court ruled on the case."
    assert dates(text, "2021-04-07") == [("March 3, 2015", "2015-03-03"), ("Tuesday", "2021-04-06")]


def test_a_news_report_with_a_background_paragraph_is_no_history():
    # one year back in a background paragraph: the next paragraph is news again
    text = "The bank was founded in 1990.\n\nIn March, it cut 500 jobs."
    assert dates(text, "2021-04-07") == [("1990", "1990"), ("March", "2021-03")]


def test_a_year_bc_has_no_calendar_interval():
    # date cannot hold a year BC: the value stands, the mention gives no start or end date
    [mention] = extract("Caesar invaded Britain in 55 BC.", PAGE)
    assert (mention.value, mention.start_date, mention.end_date) == ("BC0055", None, None)


def test_a_year_in_a_since_phrase_starts_no_narrative():
    # "since 1980" bounds a state lasting to the present; September is the one before publication
    text = "The company has doubled its profits annually since 1980. In September, it announced a takeover."
    assert dates(text, "1989-10-30") == [("1980", "1980"), ("September", "1989-09")]


def test_in_a_history_a_sentence_without_a_tense_cue_goes_on_with_the_story():
    # "cost" is present or past alike: in a history (most of its years long past) the story's year holds,
    # where in news the nearest reading would.
    text = ("The Thirty Years' War broke out in 1618. Bohemia rebelled in 1619 and was crushed in 1620. Denmark "
            "entered the war in 1625 and left it in 1629. Gustavus Adolphus marched into Saxony in 1631. The battle "
            "at Breitenfeld on 17 September cost Tilly most of his army.")
    assert dates(text)[-2:] == [("1631", "1631"), ("17 September", "1631-09-17")]
    # In a text that is no history (one old year), the same sentence keeps the reading nearest the page's date.
    news = "Gustavus Adolphus marched into Saxony in 1631. The battle at Breitenfeld on 17 September cost Tilly most of his army."
    assert dates(news)[-1] == ("17 September", "2010-09-17")
