"""Reference pages: the service index, service pages and search."""

from itertools import groupby

from django import forms
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from content import search as search_module
from content.models import EXAM_DOMAINS, Category, Mention, Section, Service, Source, Topic

# The body of a service page is cached until the next import changes the content.
PAGE_CACHE_SECONDS = 3600

DOMAIN_CHOICES = [("", "All domains")] + [
    (str(n), f"{n}. {name}") for n, name in EXAM_DOMAINS.items()
]


class DomainForm(forms.Form):
    domain = forms.TypedChoiceField(
        choices=DOMAIN_CHOICES, coerce=int, empty_value=None, required=False
    )


class SearchForm(DomainForm):
    q = forms.CharField(max_length=5000, required=False)  # search() shortens, and says so
    service = forms.SlugField(required=False)
    page = forms.IntegerField(min_value=1, required=False)


@require_GET
def service_list(request: HttpRequest) -> HttpResponse:
    form = DomainForm(request.GET)
    domain = form.cleaned_data["domain"] if form.is_valid() else None
    services = Service.objects.with_counts().in_domain(domain).order_by("category", "name")
    labels = dict(Category.choices)
    groups = [
        (labels[category], list(members))
        for category, members in groupby(services, key=lambda service: service.category)
    ]
    return render(
        request, "content/service_list.html", {"groups": groups, "form": form, "domain": domain}
    )


@require_GET
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service, slug=slug)
    sections = Section.objects.select_related("source").order_by("source__name", "line_start")
    topics = (
        Topic.objects.filter(service=service, sections__isnull=False)
        .distinct()
        .order_by("position", "title")
        .prefetch_related(Prefetch("sections", queryset=sections))
    )
    mentioned_in = (
        Mention.objects.filter(service=service)
        .exclude(section__service=service)
        .select_related("section__service", "section__topic")
        .order_by("section__service__name", "section__line_start")[:40]
    )
    context = {
        "service": service,
        "category": Category(service.category).label,
        "topics": topics,
        "mentioned_in": mentioned_in,
        "content_version": Source.objects.content_version(),
        "cache_seconds": PAGE_CACHE_SECONDS,
    }
    return render(request, "content/service_detail.html", context)


@require_GET
@vary_on_headers("HX-Request")
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    version = Source.objects.content_version()
    results = search_module.search_cached(
        data.get("q") or "",
        service=data.get("service") or None,
        domain=data.get("domain"),
        page=data.get("page") or 1,
        version=version,
    )
    context = {
        "form": form,
        "query": results.query,
        "results": results,
        # queried only when the cached option list is missing
        "services": Service.objects.with_content().order_by("name").only("slug", "name"),
        "selected_service": data.get("service") or "",
        "selected_domain": data.get("domain"),
        "content_version": version,
        "cache_seconds": PAGE_CACHE_SECONDS,
    }
    if request.htmx and not request.htmx.history_restore_request:
        return render(request, "content/_search_results.html", context)
    return render(request, "content/search.html", context)
