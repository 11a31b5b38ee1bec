"""DescribeParameters as AWS pages it, inside moto_server (see MotoWithAwsPaging.java).

Python imports this module at start when its folder is on PYTHONPATH. moto answers
DescribeParameters 10 items a page whatever is asked and scans every parameter again for each
page, so a listing of 50,000 parameters costs 5,000 full scans (about 25 minutes); AWS honours
MaxResults up to 50. Here a listing's first page scans once and keeps its filtered list, and the
later pages are served from it: MaxResults 1 to 50, 10 when absent, ValidationException outside,
a NextToken that belongs to its listing's filters (InvalidNextToken otherwise).

GetParametersByPath is kept the same way: moto walks every name under the path again for each
10-item page (60 ms a page at 10,000 parameters, more than AWS's whole round trip), so a listing's
first page walks once and its later pages (MaxResults up to 10, as AWS) come from that list.
Values are read when a page is answered, as AWS does.

EC2 DescribeLaunchTemplateVersions: moto cuts its answer at MaxResults and gives no NextToken,
so an account-wide listing of default and latest versions (one entry each per template) stops
at its first page: 100 of 500 templates at MaxResults 200. AWS pages it: MaxResults 1 to 200,
200 when absent, InvalidParameterValue "Maximum results allowed are between 1 and 200" outside,
and a NextToken for the rest. Here its listing is kept after one walk, as above, and the later
pages come from it.
"""
import itertools
import json
import threading
from collections import OrderedDict

import sys

from moto.core.responses import ActionResult
from moto.ec2.exceptions import EC2ClientError, InvalidNextToken
from moto.ec2.responses.launch_templates import LaunchTemplates
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
    listing, found, offset = _kept_listing(
        key, token, lambda: self.ssm_backend.describe_parameters(filters, parameter_filters))
    end = min(offset + max_results, len(found))
    page = {"Parameters": [p.describe_response_object(False) for p in found[offset:end]]}
    if end < len(found):
        page["NextToken"] = f"{listing}:{end}"
    return responses.ActionResult(page)


def _ssm_invalid_token(token):
    return SSMException("InvalidNextToken", "The specified token isn't valid.")


def _kept_listing(key, token, find, invalid_token=_ssm_invalid_token):
    """The listing a NextToken continues (or a new one for no token): its id, what it found and the offset."""
    if not token:
        found = find()
        listing, offset = next(_listing_ids), 0
        with _lock:
            _listings[listing] = (key, found)
            while len(_listings) > LISTINGS_KEPT:
                _listings.popitem(last=False)
        return listing, found, offset
    try:
        listing, offset = (int(part) for part in token.split(":"))
    except ValueError:
        listing, offset = 0, -1
    with _lock:
        kept_key, found = _listings.get(listing, (None, None))
    if kept_key != key or offset < 0 or offset > len(found):
        raise invalid_token(token)
    return listing, found, offset


BY_PATH_MAX_RESULTS = 10


def _get_parameters_by_path(self):
    path = self._get_param("Path")
    with_decryption = self._get_param("WithDecryption")
    recursive = self._get_param("Recursive", False)
    filters = self._get_param("ParameterFilters")
    max_results = self._get_param("MaxResults", BY_PATH_MAX_RESULTS)
    if max_results < 1 or max_results > BY_PATH_MAX_RESULTS:
        bound = "greater than or equal to 1" if max_results < 1 else f"less than or equal to {BY_PATH_MAX_RESULTS}"
        raise ValidationException(
            f"1 validation error detected: Value '{max_results}' at 'maxResults' failed to satisfy constraint: "
            f"Member must have value {bound}")
    key = json.dumps(["by-path", self.current_account, self.region, path, recursive, filters], sort_keys=True)
    token = (self._get_param("NextToken") or "").strip()

    def everything():
        backend = self.ssm_backend
        # moto's own call checks the path and the filters (and pages, so its page is not used).
        backend.get_parameters_by_path(path, recursive, filters, None, BY_PATH_MAX_RESULTS)
        names = backend._parameters.get_keys_beginning_with(path.rstrip("/") + "/", recursive)
        return [p for p in (backend.get_parameter(n) for n in names) if p and backend._match_filters(p, filters)]

    listing, found, offset = _kept_listing(key, token, everything)
    end = min(offset + max_results, len(found))
    page = {"Parameters": [p.response_object(with_decryption, self.region) for p in found[offset:end]]}
    if end < len(found):
        page["NextToken"] = f"{listing}:{end}"
    return responses.ActionResult(page)


LAUNCH_TEMPLATE_VERSIONS_MAX_RESULTS = 200


def _describe_launch_template_versions(self):
    max_results = self._get_int_param("MaxResults", LAUNCH_TEMPLATE_VERSIONS_MAX_RESULTS)
    if max_results < 1 or max_results > LAUNCH_TEMPLATE_VERSIONS_MAX_RESULTS:
        raise EC2ClientError("InvalidParameterValue",
                             f"Maximum results allowed are between 1 and {LAUNCH_TEMPLATE_VERSIONS_MAX_RESULTS}")
    name = self._get_param("LaunchTemplateName")
    template_id = self._get_param("LaunchTemplateId")
    versions = self._get_param("Versions", [])
    min_version = self._get_int_param("MinVersion")
    max_version = self._get_int_param("MaxVersion")
    self.error_on_dryrun()
    key = json.dumps(["launch-template-versions", self.current_account, self.region, name, template_id, versions,
                      min_version, max_version], sort_keys=True)
    token = (self._get_param("NextToken") or "").strip()

    def everything():
        # moto's own walk (and its checks of the arguments), uncut: the pages are cut here.
        return self.ec2_backend.describe_launch_template_versions(
            template_name=name, template_id=template_id, versions=versions, min_version=min_version,
            max_version=max_version, max_results=sys.maxsize)

    listing, found, offset = _kept_listing(key, token, everything, InvalidNextToken)
    end = min(offset + max_results, len(found))
    page = {
        "LaunchTemplateVersions": [
            {
                "CreateTime": version.create_time,
                "CreatedBy": f"arn:{self.partition}:iam::{self.current_account}:root",
                "DefaultVersion": template.is_default(version),
                "LaunchTemplateData": version.data,
                "LaunchTemplateId": template.id,
                "LaunchTemplateName": template.name,
                "VersionDescription": version.description,
                "VersionNumber": version.number,
            }
            for template, version in found[offset:end]
        ]
    }
    if end < len(found):
        page["NextToken"] = f"{listing}:{end}"
    return ActionResult(page)


responses.SimpleSystemManagerResponse.describe_parameters = _describe_parameters
responses.SimpleSystemManagerResponse.get_parameters_by_path = _get_parameters_by_path
LaunchTemplates.describe_launch_template_versions = _describe_launch_template_versions
