"""News pages as heavy as large real ones: most of their tags are in icons, scripts, styles and templates.

Each is built the way a news site's template builds its pages, so the article is a small part of the markup:
a mega menu, inline SVG icons beside every link, inline scripts whose strings hold HTML, client-side templates,
tracking pixels in <noscript>, build comments, related stories and a long footer.
"""
from __future__ import annotations

ICON = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" class="icon icon-{n}" '
        'aria-hidden="true" focusable="false"><title>{n}</title><g fill="none" stroke="currentColor" stroke-width="2">'
        '<path d="M4 12h16M12 4v16"/><circle cx="12" cy="12" r="9"/></g></svg>')
SECTIONS = ["World", "Politics", "Business", "Climate", "Science", "Health", "Sport", "Culture", "Opinion", "Travel"]

# Inline code of the kind ad, consent and recommendation scripts carry: HTML built in strings.
SCRIPT_CHUNK = (
    "window.__widgets.push(function(el,d){{el.innerHTML='<div class=\"card card-{n}\" data-slot=\"{n}\">"
    "<a href=\"/promo/{n}\" class=\"card-link\"><img src=\"/i/{n}.jpg\" alt=\"\" loading=\"lazy\">"
    "<span class=\"card-title\">'+d.title+'</span></a><button class=\"close\" aria-label=\"Close\">x</button>"
    "</div>';}});\n")
TEMPLATE = ('<template id="tpl-{n}"><li class="rec"><a class="rec-link" href="{{{{url}}}}"><img class="rec-img" '
            'src="{{{{img}}}}" alt=""><span class="rec-title">{{{{title}}}}</span></a></li></template>')

ARTICLE = [
    "Ministers from twenty-seven countries agreed early on Tuesday to cut the quotas for Atlantic cod by a "
    "fifth, after two days of talks in Brussels that ran through the night.",
    "The agreement follows a scientific report that found spawning stocks at their lowest level since records "
    "began, and fishing groups warned that hundreds of small boats could be forced out of business.",
    "The commissioner for fisheries, Anna Korhonen, said the cut was painful but unavoidable, and promised a "
    "compensation fund of 300 million euros for coastal communities over the next three years.",
    "Environmental groups welcomed the decision but said it came too late, pointing out that scientists had "
    "recommended a far deeper cut for the third year running.",
    "The new quotas take effect on 1 January, and the ministers will review them at their meeting next June.",
]
JSON_LD = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"EU ministers agree to cut Atlantic '
           'cod quotas by a fifth","datePublished":"2025-10-14T06:45:00+02:00","dateModified":'
           '"2025-10-15T09:12:00+02:00","author":{"@type":"Person","name":"Jonas Berg"},'
           '"publisher":{"@type":"Organization","name":"The Baltic Herald"}}')
TITLE = "EU ministers agree to cut Atlantic cod quotas by a fifth"
PUBLISHED = "2025-10-14"


def _menu(links: int) -> str:
    """A mega menu: every section with its sub-sections, each link with an icon."""
    items = "".join(f'<li class="menu-item menu-item-{i}"><a class="menu-link" href="/{SECTIONS[i % 10].lower()}/'
                    f'topic-{i}" data-track="nav-{i}">{ICON.format(n=i % 40)}Topic {i}</a></li>'
                    for i in range(links))
    return f'<nav class="mega-menu" aria-label="Sections"><ul class="menu">{items}</ul></nav>'


def _related(count: int) -> str:
    cards = "".join(f'<li class="related-card"><a href="/world/story-{i}">{ICON.format(n="arrow")}'
                    f'<img src="/img/{i}.jpg" alt="" width="120" height="80"><span>Related story {i}</span></a></li>'
                    for i in range(count))
    return f'<aside class="related"><h2>Related stories</h2><ul>{cards}</ul></aside>'


def mega_menu_page() -> str:
    """A page refused by a count of raw tags: a 1,500-link menu with an icon on each link, 50 KB of inline
    script holding HTML, 60 client-side templates, a style sheet inline; the date only in JSON-LD."""
    script = "".join(SCRIPT_CHUNK.format(n=i) for i in range(150))
    styles = "".join(f".c{i}{{margin:{i % 7}px;color:#{i:06x}}}\n" for i in range(2000))
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{TITLE} | The Baltic Herald</title>"
        '<meta property="og:site_name" content="The Baltic Herald">'
        f'<meta property="og:title" content="{TITLE}">'
        '<link rel="canonical" href="https://balticherald.example.com/world/eu-cod-quotas">'
        f'<script type="application/ld+json">{JSON_LD}</script>'
        f"<style>{styles}</style>"
        "<script>window.__widgets=[];</script>"
        "</head><body>"
        '<noscript><iframe src="https://tags.example.com/ns.html?id=GTM-1" height="0" width="0"></iframe></noscript>'
        "<!-- header: build 2025.10.13-1742 -->"
        f'<header class="site-header"><a class="logo" href="/">{ICON.format(n="logo")}The Baltic Herald</a>'
        f"{_menu(1500)}</header>"
        f"<script>{script}</script>"
        + "".join(TEMPLATE.format(n=i) for i in range(60))
        + f'<main><article class="story"><h1>{TITLE}</h1>'
        f'<div class="byline">By Jonas Berg {ICON.format(n="clock")}</div>'
        f'<div class="share">{"".join(ICON.format(n=net) for net in ("facebook", "x", "mail", "link"))}</div>'
        f'<div class="story-body">{paragraphs}</div></article>'
        f"{_related(40)}</main>"
        "<!-- footer -->"
        '<footer class="site-footer"><ul>'
        + "".join(f'<li><a href="/about/{i}">About page {i}</a></li>' for i in range(60))
        + "</ul><p>© The Baltic Herald. All rights reserved.</p></footer>"
        + '<noscript><img src="https://px.example.com/p.gif" alt=""></noscript>'
        + "<script>(function(){var s=document.createElement('script');s.src='/app.js';"
          "document.body.appendChild(s);})();</script>"
        + "</body></html>"
    )


YOAST_GRAPH = ('{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://dalecourier.example.org/#site",'
               '"name":"The Dale Courier"},{"@type":"NewsArticle","headline":"Flood defences approved for the lower '
               'valley","datePublished":"2024-11-28T17:20:00+00:00","dateModified":"2024-12-02T08:00:00+00:00",'
               '"isPartOf":{"@id":"https://dalecourier.example.org/#site"}}]}')
FLOOD = [
    "Councillors approved a 40 million pound scheme of flood defences for the lower valley on Thursday evening, "
    "two years after the river burst its banks and flooded more than 600 homes.",
    "The scheme adds four kilometres of embankments, two storage basins upstream and a new pumping station at "
    "the confluence, and the first works are due to start in the spring.",
    "Residents who had campaigned for the defences filled the public gallery and applauded when the vote passed "
    "by thirty-one votes to four.",
]
COMMENT_TEMPLATE = ('<script type="text/html" id="tmpl-comment-{n}"><article class="comment"><header>'
                    '<img class="avatar" src="{{{{ data.avatar }}}}" alt=""><span class="author">{{{{ data.author }}}}</span>'
                    '<time datetime="{{{{ data.date }}}}">{{{{ data.when }}}}</time></header>'
                    + '<div class="comment-body"><p>{{{{ data.text }}}}</p></div>' * 40 + "</article></script>")


def sprite_sheet_page() -> str:
    """A blog-platform page refused by a count of raw tags, though its visible part has a few hundred: an SVG
    sprite sheet of 800 symbols, 80 comment templates in scripts of HTML, editor block comments around each
    paragraph; the date only in a JSON-LD graph whose type attribute is unquoted."""
    sprite = "".join(f'<symbol id="i-{i}" viewBox="0 0 20 20"><title>icon {i}</title><path d="M0 0h{i % 20}v20"/>'
                     f'<path d="M2 2h16"/><rect x="1" y="1" width="4" height="4"/></symbol>' for i in range(800))
    paragraphs = "".join(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->\n" for text in FLOOD)
    return (
        '<!doctype html><html lang="en-GB"><head><meta charset="UTF-8">'
        "<title>Flood defences approved for the lower valley – The Dale Courier</title>"
        f"<script type=application/ld+json class=yoast-schema-graph>{YOAST_GRAPH}</script>"
        "<script>window._wpemojiSettings={\"baseUrl\":\"https://s.w.org/images/core/emoji/\"};</script>"
        '<style id="global-styles-inline-css">' + "body{--wp--preset--color--c:#000}" * 300 + "</style>"
        "</head><body class=\"post-template-default single\">"
        f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{sprite}</svg>'
        '<div class="site"><header><a href="/">The Dale Courier</a><nav><ul>'
        + "".join(f'<li><a href="/category/{i}"><svg class="i"><use href="#i-{i}"/></svg>Category {i}</a></li>'
                  for i in range(30))
        + "</ul></nav></header><main><article>"
        "<h1 class=\"entry-title\">Flood defences approved for the lower valley</h1>"
        f'<div class="entry-content">{paragraphs}</div></article>'
        + "".join(COMMENT_TEMPLATE.format(n=i) for i in range(80))
        + '</main><footer><p>Proudly powered by a blog platform.</p></footer></div></body></html>'
    )
