"""Constants the web tests share (kept out of conftest so tests can import them)."""

HOSTILE = '<script>alert("x")</script>推进<b>质量</b>'
TOKEN = "test-token-0123456789abcdef"
