from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "jixiao.store"
    label = "store"
    verbose_name = "jixiao 数据"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from jixiao.store.stamps import connect

        connect()  # the figures' version stamps renewed on every write they read
