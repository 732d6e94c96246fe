from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "goodfaith.web.partners"
    label = "partners"
    verbose_name = "协同单位"
