from django.urls import URLPattern, URLResolver, path

from goodfaith.web.lists import api, pages, staff

app_name = "lists"

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/public/dishonest", api.dishonest, name="dishonest_api"),
    path("api/public/ping", api.ping, name="ping"),
    path("public/dishonest/", pages.dishonest_page, name="dishonest"),
    path("public/honest/", pages.honest_page, name="honest"),
    path("lists/", staff.list_entries, name="staff_entries"),
]
