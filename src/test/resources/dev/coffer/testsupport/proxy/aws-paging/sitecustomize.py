"""DescribeParameters as AWS pages it, inside moto_server (see MotoWithAwsPaging.java).

Python imports this module at start when its folder is on PYTHONPATH. moto answers
DescribeParameters 10 items a page whatever is asked and scans every parameter again for each
page, so a listing of 50,000 parameters costs 5,000 full scans (about 25 minutes); AWS honours
MaxResults up to 50. Here a listing's first page scans once and keeps its filtered list, and the
later pages are served from it: MaxResults 1 to 50, 10 when absent, ValidationException outside,
a NextToken that belongs to its listing's filters (InvalidNextToken otherwise).
"""
import itertools
import json
import threading
from collections import OrderedDict

from moto.ssm import responses
from moto.ssm.exceptions import SSMException, ValidationException

MAX_RESULTS = 50
DEFAULT_RESULTS = 10
# Listings kept for their later pages; older ones are forgotten, as a token expires. Enough for the
# scale benchmark's 20 connections (regions) listing at once, each with a listing under way.
LISTINGS_KEPT = 64

_listings = OrderedDict()
_listing_ids = itertools.count(1)
_lock = threading.Lock()


def _describe_parameters(self):
    max_results = self._get_param("MaxResults", DEFAULT_RESULTS)
    if max_results < 1 or max_results > MAX_RESULTS:
        bound = "greater than or equal to 1" if max_results < 1 else f"less than or equal to {MAX_RESULTS}"
        raise ValidationException(
            f"1 validation error detected: Value '{max_results}' at 'maxResults' failed to satisfy constraint: "
            f"Member must have value {bound}")
    filters = self._get_param("Filters")
    parameter_filters = self._get_param("ParameterFilters")
    key = json.dumps([self.current_account, self.region, filters, parameter_filters], sort_keys=True)
    token = (self._get_param("NextToken") or "").strip()
    if not token:
        found = self.ssm_backend.describe_parameters(filters, parameter_filters)
        listing, offset = next(_listing_ids), 0
        with _lock:
            _listings[listing] = (key, found)
            while len(_listings) > LISTINGS_KEPT:
                _listings.popitem(last=False)
    else:
        try:
            listing, offset = (int(part) for part in token.split(":"))
        except ValueError:
            listing, offset = 0, -1
        with _lock:
            kept_key, found = _listings.get(listing, (None, None))
        if kept_key != key or offset < 0 or offset > len(found):
            raise SSMException("InvalidNextToken", "The specified token isn't valid.")
    end = min(offset + max_results, len(found))
    page = {"Parameters": [p.describe_response_object(False) for p in found[offset:end]]}
    if end < len(found):
        page["NextToken"] = f"{listing}:{end}"
    return responses.ActionResult(page)


responses.SimpleSystemManagerResponse.describe_parameters = _describe_parameters
