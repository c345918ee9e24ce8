"""Template context shared by every page of the site shell."""

from django.urls import NoReverseMatch, reverse

# The site's main sections: (context name, label, URL name). A section whose app has not
# landed yet gets no link.
NAV_SECTIONS = [
    ("topics_url", "Topics", "content:service_list"),
    ("search_url", "Search", "content:search"),
    ("exams_url", "Practice exams", "quizzes:exam_list"),
]


def navigation(request):
    """URLs of the main sections (None where missing) and the navigation bar's items."""
    context = {"nav_items": []}
    for key, label, name in NAV_SECTIONS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            url = None
        context[key] = url
        if url:
            current = request.path.startswith(url)
            context["nav_items"].append({"label": label, "url": url, "current": current})
    return context
