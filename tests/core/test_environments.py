"""The shipped environments: Sandbox first with the demo values, Wappi with the real host and an empty secret token."""
from desktop.core.environments import SANDBOX, WAPPI, WAPPI_BASE_URL, shipped_environments


def test_sandbox_is_first_and_filled_wappi_waits_for_the_agent():
    sandbox, wappi = shipped_environments("http://127.0.0.1:5000", "abcd1234-ef56", "t0ken")
    assert (sandbox.name, wappi.name) == (SANDBOX, WAPPI)
    assert sandbox.values() == {"base_url": "http://127.0.0.1:5000", "profile_id": "abcd1234-ef56", "token": "t0ken"}
    assert sandbox.get("token").secret and wappi.get("token").secret
    assert wappi.values() == {"base_url": WAPPI_BASE_URL}
    assert "t0ken" not in str(sandbox.to_dict())  # the token never goes into the environments file
