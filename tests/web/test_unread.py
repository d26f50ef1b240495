"""Markup no reader reads is removed before a page is measured and parsed, in time linear in the page."""
import gc
import time

import pytest

from service.web.unread import STAMPED_SCRIPTS, strip_unread

CASES = [
    ("comments", "<p>a<!-- <p>old</p> --> b</p><!--[if IE]><p>ie</p><![endif]-->", "<p>a b</p>"),
    ("empty comments, as browsers read them", "<p>a<!-->b<!--->c</p>", "<p>abc</p>"),
    ("scripts of code, any case", '<p>a</p><SCRIPT>s = "<div>x</div>";</SCRIPT ><p>b</p>', "<p>a</p><p>b</p>"),
    ("script templates", '<script type="text/x-template"><li><a>x</a></li></script><p>b</p>', "<p>b</p>"),
    ("a script ends at its first end tag", "<script>a('</script>');</script><p>b</p>", "');</script><p>b</p>"),
    ("styles, noscript, templates, icons",
     '<style>p{}</style><noscript><img src="x"></noscript><template><p>t</p></template>'
     '<a><svg viewBox="0 0 1 1"><path d="M0"/></svg>Home</a>', "<a>Home</a>"),
    ("JSON-LD and other JSON data are kept",
     '<script type="application/ld+json">{"datePublished": "2024-03-19"}</script><script type=application/json>[]</script>',
     '<script type="application/ld+json">{"datePublished": "2024-03-19"}</script><script type=application/json>[]</script>'),
    ("a comment inside a script is the script's", "<script>x = '<!--';</script><p>b</p><!-- c -->", "<p>b</p>"),
    ("a script inside a comment is the comment's", "<!-- <script> --><p>b</p></script>", "<p>b</p></script>"),
    ("a tag that closes itself is its whole element", "<svg/><p>b</p><svg><path/></svg><p>c</p>", "<p>b</p><p>c</p>"),
    ("what never closes is left to the parser", "<p>a</p><script>x<p>b</p><!-- c", "<p>a</p><script>x<p>b</p><!-- c"),
    ("nested icons: the first end tag ends the removal", "<svg><svg><path/></svg><path/></svg><p>b</p>",
     "<path/></svg><p>b</p>"),
    ("names that only begin like one", "<scripts>a</scripts><svgx>b</svgx><styles/>", "<scripts>a</scripts><svgx>b</svgx><styles/>"),
    ("a script of code leaves its first date-time stamp",
     '<script>window.__STATE__ = {"id": 7, "datePublished": "2020-06-07T10:00:00+02:00", '
     '"dateModified": "2020-06-08T09:30:00"};</script><p>b</p>',
     "<script>2020-06-07T10:00:00+02:00</script><p>b</p>"),
    ("a comment leaves its first date-time stamp",
     '<p>a</p><!-- <rdf:Description dc:date="2020-07-12T22:00:00+09:00" dc:title="x" /> --><p>b</p>',
     "<p>a</p><script>2020-07-12T22:00:00+09:00</script><p>b</p>"),
    ("a date without a time in a script is not a stamp", '<script>var day = "2020-06-07";</script><p>b</p>', "<p>b</p>"),
    ("a stamp in an attribute of the script tag is not its code",
     '<script data-built="2020-06-07T10:00:00">x()</script><p>b</p>', "<p>b</p>"),
]


@pytest.mark.parametrize("html, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_markup_no_reader_reads_is_removed(html, expected):
    assert strip_unread(html) == expected


def test_only_the_first_scripts_with_stamps_leave_them():
    # A page of a thousand stamped scripts would otherwise count a thousand elements against the page limits.
    scripts = "".join(f'<script>t="2020-06-{1 + day % 28:02d}T10:00:00"</script><p>{day}</p>' for day in range(1000))
    stripped = strip_unread(scripts)
    assert stripped.count("<script>") == STAMPED_SCRIPTS == 20
    assert stripped.startswith("<script>2020-06-01T10:00:00</script><p>0</p><script>2020-06-02T10:00:00</script>")
    assert stripped.count("<p>") == 1000
    comments = "".join(f"<!-- {1 + day % 28:02d}/06: 2020-06-{1 + day % 28:02d} 10:00 --><p>{day}</p>" for day in range(1000))
    assert strip_unread(scripts[:len(scripts) // 2] + comments).count("<script>") == STAMPED_SCRIPTS


# Pieces of pages that would cost the square of their size to a scan looking for each opening's end from that
# opening: openings that never close, or many sharing one far end.
HOSTILE = {  # piece repeated, end
    "openings that never close": ("<p>x</p><script><style><svg><template><noscript><!--", ""),
    "icons that close themselves, one end tag at the end": ("<svg/><p>x</p>", "</svg>"),
    "opening tags that never end": ("<script <p x ", ""),
    "JSON scripts that never close": ('<script type="application/ld+json">{}', ""),
    "comments that never close": ("<!-- - -- -!> <p>x</p>", ""),
    "scripts of code, each with date-time stamps": ('<script>d="2020-06-07T10:00:00";e="2020-06-08 09:00:00"</script><p>x</p>', ""),
    "comments, each with date-time stamps": ("<!-- built 2020-06-07T10:00:00 --><p>x</p>", ""),
}


def page_of(shape: str, size: int) -> str:
    """Return a page of about size characters of the shape."""
    piece, end = HOSTILE[shape]
    return piece * (size // len(piece)) + end


def cpu_seconds(*pages: str) -> list[float]:
    """Return the least CPU time of seven runs on each page, the runs taken in turn so that a shared machine's
    busy moments fall on every page alike (the least is the cost)."""
    timings = [[] for _ in pages]
    gc.collect()
    gc.disable()
    try:
        for _ in range(7):
            for html, times in zip(pages, timings):
                began = time.process_time()
                strip_unread(html)
                times.append(time.process_time() - began)
    finally:
        gc.enable()
    return [min(times) for times in timings]


@pytest.mark.parametrize("shape", HOSTILE)
def test_eight_times_the_page_costs_at_most_about_ten_times_the_time(shape):
    # A page of 2 MB, the body limit, against one of 256 KB: large enough that the small run takes milliseconds,
    # which a busy machine's noise moves less than the cost does. A square cost would give 64.
    small, large = cpu_seconds(page_of(shape, 2**18), page_of(shape, 2**21))
    assert large / small <= 10, f"{shape}: {small:.4f}s for 256 KB, {large:.4f}s for 2 MB"
