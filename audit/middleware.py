from audit.context import new_request_id, reset_current_request, set_current_request


class RequestIdMiddleware:
    """Give each request an id (``request.request_id``, echoed as ``X-Request-ID``) and make the
    request reachable by the audit trail for the duration of the response."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = new_request_id(request.headers.get(self.header))
        token = set_current_request(request)
        try:
            response = self.get_response(request)
        finally:
            reset_current_request(token)
        response[self.header] = request.request_id
        return response
