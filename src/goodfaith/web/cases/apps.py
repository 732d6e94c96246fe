from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "goodfaith.web.cases"
    label = "cases"
    verbose_name = "案件档案"
