"""The product's URLs plus ``/bench/hello/``: the cheapest page a signed-in person can get, through
the same middleware (session, auth, CSRF, CSP, time zone), as the yardstick for the case list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as product_urlpatterns


@login_required
def hello(request):
    return HttpResponse(f"hello {request.user.get_username()}", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello, name="bench_hello"), *product_urlpatterns]
