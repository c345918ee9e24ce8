from django.urls import path

from content import views

app_name = "content"

urlpatterns = [
    path("topics/", views.service_list, name="service_list"),
    path("topics/<slug:slug>/", views.service_detail, name="service_detail"),
    path("search/", views.search, name="search"),
]
