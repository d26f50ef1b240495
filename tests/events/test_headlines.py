"""Headlines a reader would print: who did what in the dated happening's clause, written by hand for sentences
of the seed articles, of MEANTIME's news (shared/eval/meantime) and of the cases readers complained about."""
import pytest

from service.drafting.titles import make_title, strip_breadcrumbs

HEADLINES = [
    # The seed articles
    ("Meanwhile, at the end of this year, Russian President Vladimir Putin is scheduled to visit India.",
     "at the end of this year", "Russian President Vladimir Putin is scheduled to visit India"),
    ("Russian Foreign Minister Lavrov ended his visit to India on the 6th.", "the 6th",
     "Russian Foreign Minister Lavrov ended his visit to India"),
    ("New Delhi had in August 2019 abrogated Article 370 and bifurcated the state into two Union Territories.",
     "August 2019", "New Delhi had abrogated Article 370 and bifurcated the state into two Union Territories"),
    ("Last December, Russia and India announced the cancellation of the annual summit meeting, the first time in "
     "nearly 20 years that the two sides cancelled the summit meeting.", "Last December",
     "Russia and India announced the cancellation of the annual summit meeting"),
    ("Speaking to the Russian Council for International Affairs at the end of last year, Lavrov said that the United "
     "States tried to undermine the strategic partnership between Russia and India through the Indo-Pacific "
     "strategy.", "the end of last year",
     "Lavrov said that the United States tried to undermine the strategic partnership"),
    ("In 2013, when Putin met with Indian Prime Minister Singh, he proposed that Russia-India relations are "
     "“special preferential strategic partnerships”.", "2013", "Putin met with Indian Prime Minister Singh"),
    ("In October 2018, the two sides signed an agreement on the procurement of S-400 anti-aircraft missile systems, "
     "with a total value of more than $5.4 billion.", "October 2018",
     "The two sides signed an agreement on the procurement of S-400 anti-aircraft missile systems"),
    ("On November 16, 2013, Russia officially handed over the aircraft carrier Vikramatya to the Indian Navy in the "
     "city of North Dvinsk.", "November 16, 2013",
     "Russia officially handed over the aircraft carrier Vikramatya to the Indian Navy"),
    ("These were the key takeaways from the meeting between Russian Foreign Minister Sergei Lavrov and his Indian "
     "counterpart S. Jaishankar on Tuesday.", "Tuesday",
     "The meeting between Russian Foreign Minister Sergei Lavrov and his Indian counterpart S. Jaishankar"),
    # What readers complained about: frames, dangling prepositions, breadcrumbs
    ("Experts believe that Lavrov’s visit is largely in preparation for Putin’s visit to India this year.",
     "this year", "Lavrov’s visit is largely in preparation for Putin’s visit to India"),
    ("Foreign Minister Sergey Lavrov said that Russia and India would hold naval exercises in the first half of 2021.",
     "the first half of 2021", "Russia and India would hold naval exercises"),
    ("It is said that the talks will resume in June.", "June", "The talks will resume"),
    ("Trade grew through 2021.", "2021", "Trade grew"),
    ("The strike lasted through the week of 5 March.", "5 March", "The strike lasted"),
    ("Home Politics Lavrov ended his visit to India on the 6th.", "the 6th", "Lavrov ended his visit to India"),
    ("Lavrov said on Tuesday that he did not discuss sanctions.", "Tuesday", "Lavrov said that he did not discuss sanctions"),
    # MEANTIME news
    ("Apple Computer today announced its latest iteration of their popular iPhone, the iPhone 3GS.", "today",
     "Apple Computer announced its latest iteration of their popular iPhone"),
    ("The new phone will also come pre-loaded with the new iPhone 3.0 software, which will be available on June 17, "
     "two days before the phone launches.", "June 17",
     "The new phone will also come pre-loaded with the new iPhone 3.0 software"),
    ("On August 24, Jobs resigned from his post as CEO.", "August 24", "Jobs resigned from his post as CEO"),
    ("Jobs, born in San Francisco on February 24, 1955, has built the most valuable technology company in the world, "
     "with a market value of $348.8 billion.", "February 24, 1955", "Jobs born in San Francisco"),
    ("Ford Motor Company said on Tuesday that its sales in the United States rose 43% in February compared to the same "
     "period last year, as the automaker outsold rivals Toyota and General Motors.", "Tuesday",
     "Ford Motor Company said that its sales in the United States rose 43%"),
    ("Sunday was chosen as its date matches the aircraft's designation number when written in the American format.",
     "Sunday", "Sunday was chosen as its date matches the aircraft's designation number when written"),
    ("The Russian government has continued to hold all stock markets closed until Friday, including the MICEX and RTS "
     "exchanges.", "Friday", "The Russian government has continued to hold all stock markets closed"),
    ("Facing its worst financial crisis since 1989, the government is fighting to stem off a crash and restore "
     "consumer confidence.", "1989", "The government is fighting to stem off a crash and restore consumer confidence"),
    ("Stock prices dropped sharply in Europe and Asia Monday, with fears of economic problems in the United States "
     "causing some of the biggest single-day losses in recent years.", "Monday",
     "Stock prices dropped sharply in Europe and Asia"),
    ("GM warned that the amount calculated for last year is preliminary and could rise before it is officially "
     "reported.", "last year", "The amount calculated is preliminary and could rise before it is officially reported"),
    ("The British FTSE 100 index was one the indices that today suffered from large falls.", "today",
     "The British FTSE 100 index was one the indices that suffered from large falls"),
    ("Stock markets around the world, particularly those in the United Kingdom, have increased dramatically today.",
     "today", "Stock markets around the world have increased dramatically"),
    ("The biggest U.S. stock market index, the Dow Jones, plunged by more than 416 points by the closing bell on "
     "Tuesday, the worst single-day decline since the re-opening of the markets following the September 11th "
     "terrorist attacks.", "Tuesday", "The biggest U.S. stock market index plunged by more than 416 points by the closing bell"),
    ("The Dow Jones Industrial Average, a stock market index used to gauge the performance of American stock "
     "exchanges, fell 344.65 at the close of trading Thursday.", "Thursday",
     "The Dow Jones Industrial Average fell 344.65 at the close of trading"),
    ("The Dow Jones was up 3.10% at 14:58 UTC.", "14:58", "The Dow Jones was up 3.10%"),
    ("The FTSE index could continue to gain for the remainder of the week.", "the week", "The FTSE index could continue to gain"),
    ("On June 15, the airline signed the agreement in Paris.", "June 15", "The airline signed the agreement in Paris"),
]


@pytest.mark.parametrize("sentence, expression, headline", HEADLINES, ids=[h[2][:40] for h in HEADLINES])
def test_headlines_say_who_did_what_in_the_dated_clause(sentence, expression, headline):
    at = sentence.index(expression)
    title = make_title(sentence, at, at + len(expression))
    assert title == headline
    assert len(title) <= 101


def test_long_headlines_end_at_a_phrase_or_a_word_never_mid_word():
    sentence = ("On May 1 the ministers of the seven countries discussed the pressing matters of state and of trade "
                "with their counterparts from the neighbouring regions.")
    assert make_title(sentence, 3, 8) == "The ministers of the seven countries discussed the pressing matters of state and of trade"
    words = "On May 1 the ministers " + "discussed many other pressing matters of state " * 6
    title = make_title(words, 3, 8)
    assert len(title) <= 101 and title.endswith("…") and title[:-1] == title[:-1].rstrip()


@pytest.mark.parametrize("title, clean", [
    ("Home Politics What signal did the Russian Foreign Minister send when he visited India?",
     "What signal did the Russian Foreign Minister send when he visited India?"),
    ("Home › World › Asia Russia and India sign deal", "Russia and India sign deal"),
    ("Homework for the summit", "Homework for the summit"),
    ("Home truths about the Quad", "Home truths about the Quad"),
])
def test_breadcrumb_trails_are_cut_from_page_titles(title, clean):
    assert strip_breadcrumbs(title) == clean
