"""Makes the client address of each request available to audit records."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from goodfaith.web.audit.log import current_address


class AuditAddressMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_address.set(request.META.get("REMOTE_ADDR"))
        try:
            return self.get_response(request)
        finally:
            current_address.reset(token)
