from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "goodfaith.web.documents"
    label = "documents"
    verbose_name = "法律文书"
