from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "goodfaith.web.lists"
    label = "lists"
    verbose_name = "名单"
