from django.apps import AppConfig


class RepairConfig(AppConfig):
    name = "goodfaith.web.repair"
    label = "repair"
    verbose_name = "信用修复申请"
