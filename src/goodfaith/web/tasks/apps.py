from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "goodfaith.web.tasks"
    label = "tasks"
    verbose_name = "待办事项"
