from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "goodfaith.web.staff"
    label = "staff"
    verbose_name = "工作台"
