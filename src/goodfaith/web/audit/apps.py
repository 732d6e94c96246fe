from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "goodfaith.web.audit"
    label = "audit"
    verbose_name = "操作日志"

    def ready(self) -> None:
        from goodfaith.web.audit import signals  # noqa: F401 - connects the login signals
