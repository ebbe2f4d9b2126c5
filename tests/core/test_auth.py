"""Sign-ins computed at send time the way newman computes them."""
import base64

from desktop.core.auth import apply, digest_header
from desktop.core.models import Auth, KeyValue, Request
from desktop.core.variables import resolve


def test_basic_with_variables_is_computed_after_they_are_filled():
    request = Request("GET", "https://h/x", headers=[KeyValue("authorization", "old")],
                      auth=Auth("basic", {"username": "{{user}}", "password": "{{password}}"}))
    sent, missing = resolve(request, {"user": "us@r", "password": "p:ss"})
    assert not missing
    assert [h.name.lower() for h in sent.headers].count("authorization") == 1  # replaces, as newman does
    assert sent.header("Authorization") == "Basic " + base64.b64encode(b"us@r:p:ss").decode()
    assert resolve(request, {})[1] == ["password", "user"]  # undefined ones are asked for


def test_bearer_apikey_and_oauth2_token():
    request = Request("GET", "https://h/x", params=[KeyValue("access_token", "old")])
    apply(request, Auth("bearer", {"token": ""}))
    assert request.header("Authorization") is None  # an empty token adds nothing (newman)
    apply(request, Auth("apikey", {"key": "X-Key", "value": "k1", "in": "header"}))
    apply(request, Auth("apikey", {"key": "api_key", "value": "k2", "in": "query"}))
    assert request.header("X-Key") == "k1" and KeyValue("api_key", "k2") in request.params
    apply(request, Auth("oauth2", {"accessToken": "t0k", "addTokenTo": "queryParams"}))
    assert [p.value for p in request.params if p.name == "access_token"] == ["t0k"]
    apply(request, Auth("oauth2", {"accessToken": "t0k", "headerPrefix": "Token"}))
    assert request.header("Authorization") == "Token t0k"


def test_digest_matches_the_rfc_2617_example():
    request = Request("GET", "http://www.nowhere.org/dir/index.html")
    header = digest_header(request, {
        "username": "Mufasa", "realm": "testrealm@host.com", "password": "Circle Of Life",
        "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093", "qop": "auth", "nonceCount": "00000001",
        "clientNonce": "0a4f113b", "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
    })
    assert 'response="6629fae49393a05397450978507c4ef1"' in header
    assert header.startswith('Digest username="Mufasa", realm="testrealm@host.com"') and 'uri="/dir/index.html"' in header


def test_oauth1_plaintext_and_placement():
    request = Request("GET", "https://h/x", params=[KeyValue("q", "a+b")])
    apply(request, Auth("oauth1", {"consumerKey": "ck", "consumerSecret": "c s", "tokenSecret": "t&s",
                                   "signatureMethod": "PLAINTEXT", "timestamp": "1", "nonce": "n"}))
    assert [(p.name, p.value) for p in request.params] == [
        ("q", "a%20b"), ("oauth_consumer_key", "ck"), ("oauth_signature_method", "PLAINTEXT"), ("oauth_timestamp", "1"),
        ("oauth_nonce", "n"), ("oauth_signature", "c%2520s%26t%2526s")]
    request = Request("GET", "https://h/x")
    apply(request, Auth("oauth1", {"consumerKey": "ck", "consumerSecret": "cs", "addParamsToHeader": "true",
                                   "timestamp": "1", "nonce": "n", "realm": "R"}))
    assert request.header("Authorization").startswith('OAuth realm="R",oauth_consumer_key="ck",oauth_signature_method="HMAC-SHA1"')
